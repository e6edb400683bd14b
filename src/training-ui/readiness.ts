/**
 * What Train would build, before it is pressed: each network's parameters and the estimated training
 * memory at the chosen batch (core/limits.ts, the same estimate the validator checks against the
 * limit), and, when the graph cannot train, why, with the figures. The status bar and the dock show it;
 * the Train buttons are off while `refused` is set.
 */
import { useMemo } from 'react';
import type { Validation } from '../core/validate/validate';
import { fmtBytes, LIMITS } from '../core/limits';
import { estimateMemory, type MemoryEstimate } from '../core/validate/limitProblems';
import type { Doc } from '../state/document';
import { useEditor } from '../state/store';
import { useValidation } from '../state/validation';
import { compact } from '../ui/format';

export interface Readiness {
  params: { generator: number; discriminator: number };
  batch: number;
  memory: MemoryEstimate;
  /** Whether the estimate is over the memory limit. */
  overMemory: boolean;
  /** The graph's errors; Train is refused while there is any. */
  errors: number;
  /** Why Train is refused (the first error, whose message carries its figures), or undefined when it is not. */
  refused?: string;
}

export function readiness(v: Validation, doc: Pick<Doc, 'graph' | 'training'>): Readiness {
  const { batchSize: batch, loss } = doc.training;
  const memory = estimateMemory(doc.graph, v, batch, loss);
  const errors = v.problems.filter((p) => p.severity === 'error');
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}: see Problems)` : '';
  return {
    params: { generator: v.totals.generator.params, discriminator: v.totals.discriminator.params },
    batch,
    memory,
    overMemory: memory.total > LIMITS.memoryBytes.value,
    errors: errors.length,
    refused: errors.length ? `Train is off: ${errors[0].message.replace(/\.$/, '')}${more}.` : undefined,
  };
}

/** `G 2.33M · D 213k params · ~154 MB at batch 64` */
export const estimateText = (r: Readiness): string =>
  `G ${compact(r.params.generator)} · D ${compact(r.params.discriminator)} params · ~${fmtBytes(r.memory.total)} at batch ${r.batch}`;

/** The estimate's parts and what it leaves out, for a tooltip. */
export function memoryDetails(r: Readiness): string {
  const m = r.memory;
  return (
    `Estimated memory of one training step at batch ${r.batch}: weights ${fmtBytes(m.weights)}, gradients ${fmtBytes(m.gradients)}, ` +
    `optimizer state ${fmtBytes(m.optimizer)}, activations ${fmtBytes(m.activations)}; the dataset and the backend's own scratch ` +
    `memory are not included (a lower bound). The limit is ${fmtBytes(LIMITS.memoryBytes.value)}: ${LIMITS.memoryBytes.why}.`
  );
}

/** The current document's readiness, recomputed when the graph, the dataset or the training settings change. */
export function useReadiness(): Readiness {
  const v = useValidation();
  const graph = useEditor((s) => s.doc.graph);
  const training = useEditor((s) => s.doc.training);
  return useMemo(() => readiness(v, { graph, training }), [v, graph, training]);
}
