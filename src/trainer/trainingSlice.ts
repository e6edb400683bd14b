/**
 * The training slice of the one store (src/state/store.ts): what the worker reports, shaped for the UI.
 * It declares state only: its one writer is the trainer client (src/trainer/client.ts, through the
 * reducer in ./store.ts), so no component can change a run's figures through a store action.
 */
import type { StateCreator } from 'zustand';
import type {
  ActivationTile,
  FaultReport,
  InitSummary,
  LayerGradNormPoint,
  MnistQuality,
  Phase,
  TrainerOptions,
} from '../../workers/api';
import { DEFAULT_OPTIONS } from '../../workers/api';
import type { StepMetrics } from '../core/train/metrics';
import { METRICS, type MetricName } from '../core/train/step';

export type TrainingStatus = 'idle' | 'initializing' | 'running' | 'paused' | 'stopped' | 'error';
export interface Notice {
  seq: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/**
 * The metrics history is kept in one shape, the rows the worker sends (what the doctor, the CSV and the
 * CLI read), capped by halving the resolution when full. Charts read the same rows as columns through
 * `historyColumns`, computed once per history array.
 */
export const MAX_POINTS = 4000;
export type HistoryColumns = { step: number[] } & Record<MetricName, number[]>;
const columnsOf = new WeakMap<readonly StepMetrics[], HistoryColumns>();
export function historyColumns(rows: readonly StepMetrics[]): HistoryColumns {
  let c = columnsOf.get(rows);
  if (!c) {
    c = Object.fromEntries(
      ['step', ...METRICS].map((k) => [k, rows.map((r) => r[k as MetricName | 'step'])]),
    ) as HistoryColumns;
    columnsOf.set(rows, c);
  }
  return c;
}

/**
 * Sample-quality history (image runs), one point per measurement: the reference classifier's columns
 * (MNIST only, NaN otherwise), `real` = the same metrics on real digits, and G's pixel diversity
 * relative to real images' (every image run).
 */
export interface QualityHistory {
  step: number[];
  score: number[];
  coverage: number[];
  confidence: number[];
  confident: number[];
  fd: number[];
  codeAccuracy: number[];
  classAgreement: number[];
  spread: number[];
  neighbours: number[];
  real?: MnistQuality;
  /** Data with known factors (the sprites): share of classes covered, categorical code vs class, MIG; the latest line and the real samples' line. */
  factorCoverage?: number[];
  factorCode?: number[];
  mig?: number[];
  factorsText?: string;
  realFactorsText?: string;
  /**
   * The first measurement whose samples passed the "readable digits" threshold (core/quality/digitsThreshold:
   * >= 9 classes with >= 3% of the samples each, >= 70% classified with p >= 0.9), with the training time
   * then: when a newcomer's GAN started drawing digits.
   */
  firstDigits?: { step: number; elapsedMs: number };
}
export const emptyQuality = (): QualityHistory => ({
  step: [],
  score: [],
  coverage: [],
  confidence: [],
  confident: [],
  fd: [],
  codeAccuracy: [],
  classAgreement: [],
  spread: [],
  neighbours: [],
});

export interface StatPoint {
  step: number;
  mean: number;
  std: number;
  dead: number;
  saturated: number;
}
export const MAX_STAT_POINTS = 300;

export interface TrainingState {
  status: TrainingStatus;
  summary?: InitSummary;
  notices: Notice[];
  step: number;
  history: readonly StepMetrics[];
  /** Bumped on every metrics batch, so charts redraw without comparing arrays. */
  historyVersion: number;
  stepsPerSec: number;
  stepMs: number;
  elapsedMs: number;
  probeOverhead: number;
  probeEvery: number;
  /** The worker's live tensors after its latest metrics batch (shown as data-tensors on the step counter, for leak checks). */
  numTensors?: number;
  tiles: Record<string, ActivationTile>;
  tileStep: number;
  statHistory: Record<string, StatPoint[]>;
  /** Every per-layer gradient-norm measurement (bounded: the first ones and the latest), for the doctor; the last is shown on the nodes. */
  gradNormHistory: LayerGradNormPoint[];
  samples?: { step: number; tile: ActivationTile };
  fault?: FaultReport;
  /** After a NaN: the last step whose weights trained on without NaN (the worker can roll back to them). */
  rollbackStep?: number;
  /** Step-by-step mode: the phase just shown, and D's mean score in it. */
  phase?: Phase;
  phaseScore?: number;
  options: TrainerOptions;
  /** The node whose channels are open in the large view. */
  openNode?: string;
  /** True when the graph or dataset changed after the models were built. */
  stale: boolean;
  quality: QualityHistory;
  /** While initializing: what the worker is doing (loading data, starting or timing a backend, the first step). */
  progress?: string;
}

export const initialTraining = (): TrainingState => ({
  status: 'idle',
  notices: [],
  step: 0,
  history: [],
  historyVersion: 0,
  stepsPerSec: 0,
  stepMs: 0,
  elapsedMs: 0,
  probeOverhead: 0,
  probeEvery: 0,
  tiles: {},
  tileStep: 0,
  statHistory: {},
  gradNormHistory: [],
  options: { ...DEFAULT_OPTIONS },
  stale: false,
  quality: emptyQuality(),
  // Listed explicitly: setState merges, so a key left out would keep the previous run's value.
  summary: undefined,
  numTensors: undefined,
  samples: undefined,
  fault: undefined,
  phase: undefined,
  phaseScore: undefined,
  openNode: undefined,
  progress: undefined,
  rollbackStep: undefined,
});

export const createTrainingSlice: StateCreator<TrainingState> = () => initialTraining();
