/**
 * The loss contract. A GAN loss is declared once, as data plus behaviour: its tfjs form (what the
 * training step runs), and its text in every language Ganvas exports (TypeScript, PyTorch). The
 * step, the validator, the doctor, the settings panel and every code generator read this one
 * declaration; nothing else switches on a loss's id.
 *
 * Every form works on D's real/fake scores as logits (`real`, `fake`): a sigmoid head's
 * probabilities are turned back into logits before a loss sees them.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../tf';
import type { HelperName } from './helpers';

type T = tfNs.Tensor;

/**
 * A loss as code text in one target language: expressions over the logit tensors `real` and `fake`
 * and the real label (`TRAINING.realLabel` in TypeScript, `real_label` in Python), calling only the
 * shared helpers it names (declared per language in helpers.ts).
 */
export interface LossText {
  d: string;
  g: string;
  helpers: readonly HelperName[];
}

export interface LossDef {
  /** The id in project files (`training.loss`). */
  id: string;
  label: string;
  /** One or two sentences for the settings panel and the docs. */
  description: string;
  /** What the D(x) / D(G(z)) charts show: mean sigmoid of the logits (cross-entropy losses) or the raw mean score. */
  score: 'probability' | 'raw';
  /** A Wasserstein critic: D's real/fake head must output an unbounded score (a logit), and batch norm in D breaks its penalty. */
  unboundedCritic?: boolean;
  /** Adds WGAN-GP's gradient penalty, weighted by `training.gpWeight`, to D's loss. */
  gradientPenalty?: boolean;
  tfjs: {
    /** D's loss from its logits on a real and a fake batch (without the gradient penalty). */
    d(tf: TF, real: T, fake: T, realLabel: number): T;
    /** G's loss from D's logits on G's samples. */
    g(tf: TF, fake: T): T;
  };
  typescript: LossText;
  pytorch: LossText;
}

export const defineLoss = (def: LossDef): LossDef => def;
