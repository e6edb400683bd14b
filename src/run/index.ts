/**
 * The run controller: what the page's features ask of the current run. The lifecycle (build, train,
 * step, stop, rebuild, following the document) is in controller.ts; the rest goes to the worker
 * through the trainer client, which no feature imports directly.
 */
import type { Phase, TrainerOptions, WeightsExport, ExploreRequest } from '../../workers/api';
import { trainer } from '../trainer/client';
import { build, builtRun, followDocument, nextPhase, rebuild, stepOnce, stop, train } from './controller';

export const run = {
  build,
  train,
  stepOnce,
  nextPhase,
  stop,
  rebuild,
  followDocument,
  /** The document and plan the worker's models were built from (undefined when none is built). */
  built: builtRun,
  /** Whether a run is built and not initializing (the worker can answer). */
  get ready(): boolean {
    return trainer.ready;
  },
  pause: () => trainer.pause(),
  /** Back to the last weights that trained on without NaN (the fault banner's 'Roll back to step N'). */
  rollback: () => trainer.rollback(),
  start: () => trainer.start(),
  phase: (p: Phase) => trainer.phase(p),
  setOptions: (o: Partial<TrainerOptions>) => trainer.setOptions(o),
  sample: (n: number, seed?: number) => trainer.sample(n, seed),
  generate: (request: ExploreRequest) => trainer.generate(request),
  trace: (sample: number) => trainer.trace(sample),
  memory: () => trainer.memory(),
  exportWeights: () => trainer.exportWeights(),
  /**
   * Throws the worker's reason (the first mismatching layer) for the caller to show; nothing changed then.
   * `step`: the imported run's step (run.json or metrics.jsonl in the zip), where this run continues.
   */
  importWeights: (w: WeightsExport, step?: number) => trainer.importWeights(w, step),
};
