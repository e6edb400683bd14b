/**
 * Dead and saturated layers, from the activation statistics the probe computes on a fixed batch
 * (core/train/probe.ts): a ReLU unit is dead when no sample makes it positive; a tanh/sigmoid value
 * is saturated beyond 0.97 (tanh |x|, sigmoid distance to 0 or 1), where its gradient is ~0.
 */
import { trailingRun, type Finding } from './finding';

export const LAYER_THRESHOLDS = {
  /**
   * Share of a ReLU layer's units dead on the whole probe batch: warning / critical. Measured on the ring
   * (256-point probe batch): working run ≤ 0.16 per layer at step 1,200, D's learning rate x10 ≤ 0.30 at
   * 600, a 1-number latent 0.44–0.45 in G's layers at 1,200 (just below: that run is flagged by coverage).
   */
  dead: 0.5,
  deadCritical: 0.9,
  /** Share of a tanh/sigmoid layer's values saturated: warning / critical (no template has a hidden tanh/sigmoid to measure on). */
  saturated: 0.5,
  saturatedCritical: 0.9,
  /** Probe points in a row (a layer can dip for a moment while it learns). */
  run: 3,
} as const;

export interface LayerStatPoint {
  step: number;
  dead: number;
  saturated: number;
}
export interface LayerSeries {
  nodeId: string;
  /** ReLU-like: dead units matter. tanh/sigmoid: saturation matters. */
  kind: 'relu' | 'squashing' | 'other';
  points: readonly LayerStatPoint[];
}

/**
 * One finding per bad layer. Leave out the nodes whose saturation is expected: G's output layer (a tanh
 * output of MNIST is -1 on most of the background) and D's head (its certainty is the discriminatorWins rule).
 */
export function diagnoseLayers(series: readonly LayerSeries[]): Finding[] {
  const T = LAYER_THRESHOLDS,
    out: Finding[] = [];
  for (const s of series) {
    if (s.kind === 'other' || !s.points.length) continue;
    const key = s.kind === 'relu' ? 'dead' : 'saturated';
    const limit = s.kind === 'relu' ? T.dead : T.saturated;
    const run = trailingRun(s.points.map((p) => p[key] >= limit));
    if (run.length < T.run) continue;
    const last = s.points[s.points.length - 1][key];
    const critical = last >= (s.kind === 'relu' ? T.deadCritical : T.saturatedCritical);
    const pct = Math.round(last * 100);
    out.push(
      s.kind === 'relu'
        ? {
            id: 'deadLayer',
            severity: critical ? 'critical' : 'warning',
            since: s.points[run.start].step,
            nodes: [s.nodeId],
            title: `${s.nodeId}: ${pct}% of its ReLU units are dead`,
            explanation: `These units output 0 for every sample of the probe batch, so no gradient flows through them: the layer has lost ${pct}% of its capacity.`,
            suggestion:
              'Use LeakyReLU (slope 0.2), lower the learning rate, or add batch normalisation before the activation.',
          }
        : {
            id: 'saturatedLayer',
            severity: critical ? 'critical' : 'warning',
            since: s.points[run.start].step,
            nodes: [s.nodeId],
            title: `${s.nodeId}: ${pct}% of its values are saturated`,
            explanation:
              'Its tanh/sigmoid outputs sit at the flat ends of the curve, where the gradient is almost 0: the layers before it barely learn.',
            suggestion:
              'Add batch or layer normalisation before it, lower the learning rate, or use a non-saturating activation (LeakyReLU) inside the network.',
          },
    );
  }
  return out;
}
