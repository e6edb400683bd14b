/**
 * The training store (zustand): what the worker reports, shaped for the UI. Only src/trainer/client.ts
 * writes to it (through `applyEvent`); the panel, the charts and the node tiles read small slices.
 */
import { create } from 'zustand';
import type {
  ActivationTile,
  FaultReport,
  InitSummary,
  LayerGradNormPoint,
  MnistQuality,
  Phase,
  TrainerEvent,
  TrainerOptions,
} from '../../workers/api';
import { DEFAULT_OPTIONS } from '../../workers/api';
import type { StepMetrics } from '../core/train/metrics';
import { METRICS, type MetricName } from '../core/train/step';
import { appendLayerNorms } from '../core/train/layerGradNorms';
import { readableDigits } from '../core/quality/digitsThreshold';

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
const emptyQuality = (): QualityHistory => ({
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
const MAX_STAT_POINTS = 300;

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

export const useTraining = create<TrainingState>(() => initialTraining());

let seq = 0;
export function notify(level: Notice['level'], message: string): void {
  useTraining.setState((s) => ({ notices: [...s.notices.slice(-4), { seq: ++seq, level, message }] }));
}
export function dismissNotice(n: number): void {
  useTraining.setState((s) => ({ notices: s.notices.filter((x) => x.seq !== n) }));
}

function appendHistory(h: readonly StepMetrics[], ms: readonly StepMetrics[]): readonly StepMetrics[] {
  const next = [...h, ...ms];
  return next.length > MAX_POINTS ? next.filter((_, i) => i % 2 === 0) : next;
}

function withGradNorms(s: TrainingState, points: readonly LayerGradNormPoint[] | undefined): Partial<TrainingState> {
  if (!points?.length) return {};
  return { gradNormHistory: appendLayerNorms(s.gradNormHistory, points) };
}

function withTiles(s: TrainingState, step: number, tiles: ActivationTile[]): Partial<TrainingState> {
  const all = { ...s.tiles };
  const hist = { ...s.statHistory };
  for (const t of tiles) {
    all[t.nodeId] = t;
    const sat =
      t.activation === 'tanh' ? t.stats.saturatedTanh : t.activation === 'sigmoid' ? t.stats.saturatedSigmoid : 0;
    const point = { step, mean: t.stats.mean, std: t.stats.std, dead: t.stats.dead, saturated: sat };
    hist[t.nodeId] = [...(hist[t.nodeId] ?? []).slice(-(MAX_STAT_POINTS - 1)), point];
  }
  const gen = tiles.find((t) => t.kind === 'image' || t.kind === 'scatter');
  return { tiles: all, statHistory: hist, tileStep: step, ...(gen ? { samples: { step, tile: gen } } : {}) };
}

function appendQuality(
  h: QualityHistory,
  e: Extract<TrainerEvent, { type: 'quality' }>,
  elapsedMs: number,
): QualityHistory {
  const q = e.quality,
    d = e.diversity,
    f = e.factors?.quality;
  return {
    step: [...h.step, e.step],
    score: [...h.score, q?.classifierScore ?? NaN],
    coverage: [...h.coverage, q?.coverage ?? NaN],
    confidence: [...h.confidence, q?.confidence ?? NaN],
    confident: [...h.confident, q?.confident ?? NaN],
    fd: [...h.fd, q?.fd ?? NaN],
    codeAccuracy: [...h.codeAccuracy, q?.codeAccuracy ?? NaN],
    classAgreement: [...h.classAgreement, q?.classAgreement ?? NaN],
    spread: [...h.spread, d?.spread ?? NaN],
    neighbours: [...h.neighbours, d?.neighbours ?? NaN],
    real: e.real ?? h.real,
    factorCoverage: [...(h.factorCoverage ?? []), f ? f.coverage / f.classes : NaN],
    factorCode: [...(h.factorCode ?? []), f?.codeAccuracy ?? NaN],
    mig: [...(h.mig ?? []), f?.mig ?? NaN],
    factorsText: e.factors?.text ?? h.factorsText,
    realFactorsText: e.realFactors?.text ?? h.realFactorsText,
    firstDigits: h.firstDigits ?? (q && readableDigits(q) ? { step: e.step, elapsedMs } : undefined),
  };
}

/** The run's histories without what came after `step` (a rollback drops those steps). */
function truncatedTo(s: TrainingState, step: number): Pick<TrainingState, 'history' | 'quality' | 'gradNormHistory'> {
  const keep = (steps: number[]) => {
    const i = steps.findIndex((x) => x > step);
    return i < 0 ? steps.length : i;
  };
  const n = keep(s.history.map((r) => r.step)),
    q = keep(s.quality.step);
  const history = s.history.slice(0, n);
  const { real, firstDigits, factorsText, realFactorsText, ...cols } = s.quality;
  const quality = {
    ...(Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.slice(0, q)])) as Omit<
      QualityHistory,
      'real' | 'firstDigits' | 'factorsText' | 'realFactorsText'
    >),
    real,
    factorsText,
    realFactorsText,
    firstDigits: firstDigits && firstDigits.step <= step ? firstDigits : undefined,
  };
  return { history, quality, gradNormHistory: s.gradNormHistory.filter((p) => p.step <= step) };
}

/** The one reducer from worker events to state. */
export function applyEvent(e: TrainerEvent): void {
  const set = useTraining.setState;
  switch (e.type) {
    case 'metrics':
      set((s) => ({
        history: appendHistory(s.history, e.metrics),
        historyVersion: s.historyVersion + 1,
        step: e.step,
        stepsPerSec: e.stepsPerSec,
        stepMs: e.stepMs,
        elapsedMs: e.elapsedMs,
        probeOverhead: e.probeOverhead,
        probeEvery: e.probeEvery,
        numTensors: e.numTensors,
        ...withGradNorms(s, e.layerGradNorms),
      }));
      return;
    case 'tiles':
      set((s) => withTiles(s, e.step, e.tiles));
      return;
    case 'phase':
      set((s) => ({ ...withTiles(s, e.step, e.tiles), phase: e.phase, phaseScore: e.dScore }));
      return;
    case 'samples':
      set({ samples: { step: e.step, tile: e.tile } });
      return;
    case 'status':
      set((s) => ({
        status: e.status === 'running' ? 'running' : s.status === 'idle' ? 'idle' : e.status,
        step: e.step,
        progress: undefined,
      }));
      return;
    case 'fault':
      // Shown as the fault banner (step, node, causes); no second copy as a notice.
      set({ fault: e.fault, rollbackStep: e.rollbackStep });
      return;
    case 'imported':
      // Another run's weights: its step, and none of this run's charts (they belonged to other weights).
      set((s) => ({
        history: [],
        quality: emptyQuality(),
        gradNormHistory: [],
        statHistory: {},
        step: e.step,
        fault: undefined,
        rollbackStep: undefined,
        historyVersion: s.historyVersion + 1,
        elapsedMs: 0,
        stepsPerSec: 0,
        stepMs: 0,
      }));
      return;
    case 'rolledBack':
      set((s) => ({
        ...truncatedTo(s, e.step),
        step: e.step,
        fault: undefined,
        rollbackStep: undefined,
        historyVersion: s.historyVersion + 1,
      }));
      return;
    case 'quality':
      set((s) => ({ quality: appendQuality(s.quality, e, s.elapsedMs) }));
      return;
    case 'notice':
      notify(e.level, e.message);
      return;
    case 'progress':
      set({ progress: e.message });
      return;
    case 'fatal':
      // The client handles restarts; the message is shown by it.
      return;
  }
}

/** Clears what belonged to the previous run (a new init). */
export function resetRun(): void {
  useTraining.setState((s) => ({
    ...initialTraining(),
    options: s.options,
    notices: s.notices,
    openNode: s.openNode,
    status: 'initializing',
  }));
}
