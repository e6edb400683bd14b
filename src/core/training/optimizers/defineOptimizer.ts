/**
 * The optimizer contract: one declaration per optimizer, read by the training step (tfjs), the
 * settings (which of an optimizer's settings apply) and every code generator (its text).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../../blocks/defineBlock';
import type { OptimizerConfig } from '../types';

export interface OptimizerDef {
  id: string;
  label: string;
  /** Whether Adam's β1/β2 settings apply. */
  usesBetas: boolean;
  tfjs(tf: TF, c: OptimizerConfig): tfNs.Optimizer;
  /** The same optimizer as TypeScript (an expression). */
  typescript(c: OptimizerConfig): string;
  /**
   * The same optimizer as PyTorch, over the parameters expression `params`, with tfjs's own
   * hyperparameters (tfjs's defaults differ from PyTorch's: Adam's epsilon is 1e-7, not 1e-8).
   */
  pytorch(c: OptimizerConfig, params: string): string;
  /** Python definitions the PyTorch text uses (e.g. an optimizer class computing exactly what tfjs computes), by name. */
  pytorchHelpers?: Record<string, string>;
}

export const defineOptimizer = (def: OptimizerDef): OptimizerDef => def;

/** A number as code text in both languages (1e-7, 0.0002, 0.5): finite numbers only, from a validated config. */
export const num = (x: number): string => {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return String(x);
};
