/**
 * The training slice's one writer and its readers' view. Only src/trainer/client.ts writes the run's
 * state (through `applyEvent` and `resetRun`); the panel, the charts and the node tiles read small
 * parts of it through `useTraining`, which is the one store (src/state/store.ts) typed as this slice.
 */
import type { ActivationTile, LayerGradNormPoint, TrainerEvent } from '../../workers/api';
import type { StepMetrics } from '../core/train/metrics';
import { appendLayerNorms } from '../core/train/layerGradNorms';
import { readableDigits } from '../core/quality/digitsThreshold';
import { useTraining } from '../state/store';
import {
  emptyQuality,
  initialTraining,
  MAX_POINTS,
  MAX_STAT_POINTS,
  type Notice,
  type QualityHistory,
  type TrainingState,
} from './trainingSlice';

export { useTraining };
export {
  historyColumns,
  initialTraining,
  MAX_POINTS,
  type HistoryColumns,
  type Notice,
  type QualityHistory,
  type StatPoint,
  type TrainingState,
  type TrainingStatus,
} from './trainingSlice';

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
