/** One line of a node's activation statistics, showing dead ReLUs / saturation only where they mean something. */
import { isRelu, saturationOf, type ActivationTile } from '../core/train/tiles';

/** A statistic in a few characters: 0.52, 3.1e-3, 1.2e+4. */
export const statNumber = (v: number) =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v !== 0)
      ? v.toExponential(1)
      : v.toFixed(2);
const n = statNumber;
const pct = (v: number) => `${Math.round(v * 100)}%`;

export function statsText(t: ActivationTile): string {
  const s = t.stats;
  const parts = [`μ ${n(s.mean)}`, `σ ${n(s.std)}`, `[${n(s.min)}, ${n(s.max)}]`];
  if (isRelu(t.activation)) parts.push(`dead ${pct(s.dead)}`);
  const sat = saturationOf(t);
  if (sat !== undefined) parts.push(`sat ${pct(sat)}`);
  if (s.nonFinite > 0) parts.push(`NaN/Inf ${pct(s.nonFinite)}`);
  return parts.join(' · ');
}
