/**
 * Which layers a gradient finding is about, from the per-layer gradient norms (measured every 10 steps,
 * core/train/layerGradNorms.ts): each layer's mean over the last window relative to its mean over its
 * own first window. Whether G's or D's gradients vanish or explode is still decided on the network's
 * global norm (rules.ts); this only names where it happens, with the rule's own threshold and no new one.
 */
import type { LayerGradNormPoint } from '../train/layerGradNorms';

export interface LayerChange {
  nodeId: string;
  ratio: number;
}

/** Last-window mean / first-window mean of each of `nodeIds` (windows of `window` steps); layers that start at 0 are left out. */
export function layerChanges(
  points: readonly LayerGradNormPoint[],
  nodeIds: readonly string[],
  window: number,
): LayerChange[] {
  if (!points.length) return [];
  const first = points.filter((p) => p.step < points[0].step + window);
  const last = points.filter((p) => p.step > points[points.length - 1].step - window);
  const mean = (ps: readonly LayerGradNormPoint[], id: string) => {
    const vs = ps.map((p) => p.norms[id]).filter((v) => v !== undefined);
    return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : NaN;
  };
  return nodeIds
    .map((nodeId) => ({ nodeId, start: mean(first, nodeId), end: mean(last, nodeId) }))
    .filter((c) => c.start > 0 && !Number.isNaN(c.end))
    .map((c) => ({ nodeId: c.nodeId, ratio: c.end / c.start }));
}

/**
 * The layers whose norm fell (vanishing) or grew (exploding) the most: those past `limit` times their
 * start (the rule's own threshold, applied per layer), most changed first; else the one layer that
 * changed most that way; none when no layer moved that way at all.
 */
export function layersInvolved(
  points: readonly LayerGradNormPoint[],
  nodeIds: readonly string[],
  window: number,
  way: 'fell' | 'grew',
  limit: number,
): LayerChange[] {
  const sign = way === 'fell' ? 1 : -1;
  const ranked = layerChanges(points, nodeIds, window).sort((a, b) => sign * (a.ratio - b.ratio));
  const past = ranked.filter((c) => sign * (c.ratio - limit) < 0);
  if (past.length) return past;
  return ranked.length && sign * (ranked[0].ratio - 1) < 0 ? [ranked[0]] : [];
}

/** "g_fc2 (0.12% of its start)" / "d_fc1 (3,400× its start)", for a finding's explanation. */
export function describeChanges(changes: readonly LayerChange[], way: 'fell' | 'grew'): string {
  const one = (c: LayerChange) =>
    way === 'fell'
      ? `${c.nodeId} (${(c.ratio * 100).toPrecision(2)}% of its first measurements)`
      : `${c.nodeId} (${Math.round(c.ratio).toLocaleString('en-US')}× its first measurements)`;
  return changes.map(one).join(', ');
}
