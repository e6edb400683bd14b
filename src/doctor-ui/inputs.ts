/** The training store's data reshaped for the doctor's pure rules (no React, no tf). */
import type { ClassPoint } from '../core/doctor/classes';
import type { ImageDiversityPoint } from '../core/doctor/imageDiversity';
import type { LabelPoint } from '../core/doctor/labels';
import type { LayerSeries } from '../core/doctor/layers';
import { isRelu } from '../core/train/tiles';
import type { QualityHistory, TrainingState } from '../trainer/store';

/** Per node: its dead/saturated history, and which of the two matters for its activation. */
export function layerSeries(
  t: Pick<TrainingState, 'tiles' | 'statHistory'>,
  expectedSaturation: readonly string[],
): LayerSeries[] {
  return Object.entries(t.statHistory).map(([nodeId, points]) => {
    const a = t.tiles[nodeId]?.activation;
    const squashing = (a === 'tanh' || a === 'sigmoid') && !expectedSaturation.includes(nodeId);
    return { nodeId, kind: isRelu(a) ? 'relu' : squashing ? 'squashing' : 'other', points };
  });
}

/** The reference classifier's class coverage (MNIST runs: the measurements where it was taken). */
export function classPoints(q: QualityHistory): ClassPoint[] {
  const classes = q.real?.coverage ?? 10;
  return q.step.flatMap((step, i) =>
    Number.isFinite(q.coverage[i]) ? [{ step, coverage: q.coverage[i], classes }] : [],
  );
}

/** G's pixel diversity relative to real images' (image runs). */
export function imageDiversityPoints(q: QualityHistory): ImageDiversityPoint[] {
  return q.step.flatMap((step, i) =>
    Number.isFinite(q.spread[i]) ? [{ step, spread: q.spread[i], neighbours: q.neighbours[i] }] : [],
  );
}

/** How often the classifier sees the asked-for class (a conditional G on MNIST). */
export function labelPoints(q: QualityHistory): LabelPoint[] {
  return q.step.flatMap((step, i) =>
    Number.isFinite(q.classAgreement[i]) ? [{ step, agreement: q.classAgreement[i] }] : [],
  );
}
