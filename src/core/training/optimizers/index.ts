/** The optimizer registry. Adding an optimizer = one file + one line here. */
import type { OptimizerDef } from './defineOptimizer';
import { adam } from './adam';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

export const OPTIMIZERS: readonly OptimizerDef[] = [adam, rmsprop, sgd];
export const OPTIMIZER_IDS: readonly string[] = OPTIMIZERS.map((o) => o.id);

const byId = new Map(OPTIMIZERS.map((o) => [o.id, o]));
export function getOptimizer(id: string): OptimizerDef {
  const o = byId.get(id);
  if (!o) throw new Error(`unknown optimizer '${id}' (one of ${OPTIMIZER_IDS.join(', ')})`);
  return o;
}

export type { OptimizerDef } from './defineOptimizer';
