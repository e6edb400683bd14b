/** Sparkline geometry, pure: the last values of a few series as SVG polyline points on one shared scale. */

/** SVG `points` for each series (the last `last` values, NaN/Inf skipped), scaled into w × h together. */
export function sparkPoints(series: readonly (readonly number[])[], w: number, h: number, last = 200): string[] {
  const tails = series.map((s) => s.slice(-last));
  let lo = Infinity,
    hi = -Infinity;
  for (const t of tails)
    for (const v of t)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo)) return tails.map(() => '');
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  return tails.map((t) => {
    const dx = t.length > 1 ? w / (t.length - 1) : 0;
    const pts: string[] = [];
    t.forEach((v, i) => {
      if (Number.isFinite(v))
        pts.push(`${(i * dx).toFixed(1)},${(1 + (1 - (v - lo) / (hi - lo)) * (h - 2)).toFixed(1)}`);
    });
    return pts.join(' ');
  });
}
