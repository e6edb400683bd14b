/**
 * When a loss turns NaN/Inf: find where it started and say why it likely happened, in the user's terms.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { getBlock, type TF } from '../blocks';
import type { BuiltGan } from '../compile/build';
import type { GanPlan, NetPlan } from '../compile/plan';
import { getLoss } from '../losses';
import type { TrainingConfig } from '../training/types';
import type { MetricName } from './step';

export interface FaultReport {
  step: number;
  metric: MetricName;
  /** The first node (topological order, G then D) whose output on the fixed batch is not finite. */
  nodeId?: string;
  network?: 'generator' | 'discriminator';
  /** Where the node was found: its output on the fixed batch, or its weights. */
  where?: 'output' | 'weights';
  message: string;
  causes: string[];
}

/** The first layer (G then D) holding a NaN/Inf weight; one download for all layers. */
export async function firstNonFiniteWeights(
  tf: TF,
  gan: BuiltGan,
): Promise<{ nodeId: string; network: 'generator' | 'discriminator' } | undefined> {
  const layers: { nodeId: string; network: 'generator' | 'discriminator'; weights: tfNs.LayerVariable[] }[] = [];
  for (const network of ['generator', 'discriminator'] as const) {
    for (const l of gan[network].model.layers)
      if (l.weights.length) layers.push({ nodeId: l.name, network, weights: l.weights });
  }
  if (!layers.length) return undefined;
  const flags = tf.tidy(() =>
    tf.stack(
      layers.map((l) => tf.min(tf.stack(l.weights.map((w) => tf.min(tf.cast(tf.isFinite(w.read()), 'float32')))))),
    ),
  );
  const ok = await flags.data();
  flags.dispose();
  const i = Array.from(ok).findIndex((v) => v < 1);
  return i < 0 ? undefined : { nodeId: layers[i].nodeId, network: layers[i].network };
}

const hasNormalization = (net: NetPlan): boolean =>
  net.layers.some((l) => getBlock(l.type).category === 'normalization');

/** Likely causes, most likely first. */
export function likelyCauses(plan: GanPlan, cfg: TrainingConfig, network?: 'generator' | 'discriminator'): string[] {
  const causes: string[] = [];
  const lrs = [cfg.generator.learningRate, cfg.discriminator.learningRate];
  const high = Math.max(...lrs);
  if (high > 1e-2)
    causes.push(
      `the learning rate is too high (G ${cfg.generator.learningRate}, D ${cfg.discriminator.learningRate}); GANs usually train with about 2e-4 (Adam, β1 0.5)`,
    );
  for (const n of network ? [network] : (['generator', 'discriminator'] as const)) {
    if (!hasNormalization(plan[n]))
      causes.push(`the ${n} has no normalisation layer (batch or layer normalisation keeps activations in range)`);
  }
  if (high <= 1e-2) causes.push('the learning rate may still be too high for this network; try halving it');
  if (getLoss(cfg.loss).gradientPenalty && cfg.gpWeight > 100)
    causes.push(`the gradient-penalty weight ${cfg.gpWeight} is very large`);
  return causes;
}

export function faultMessage(r: Omit<FaultReport, 'message'>): string {
  const where = r.nodeId
    ? ` First non-finite ${r.where === 'weights' ? 'weights' : 'output'}: ${r.network} node '${r.nodeId}'.`
    : '';
  return `Training paused: ${r.metric} became NaN or infinite at step ${r.step}.${where} Likely causes: ${r.causes.join('; ')}.`;
}
