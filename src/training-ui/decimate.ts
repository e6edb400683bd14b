/**
 * Min/max decimation for line charts: at most two points per pixel column (the column's lowest and
 * highest value, in the order they occurred), so a chart of 100,000 steps costs what one of a few
 * hundred does and still shows every spike. Non-finite values break the line (NaN in the output).
 */
export function decimate(x: readonly number[], values: readonly number[], columns: number): { x: number[]; y: number[] } {
  const n = Math.min(x.length, values.length);
  if (n <= columns * 2) return { x: x.slice(0, n), y: values.slice(0, n) };
  const outX: number[] = [], outY: number[] = [];
  const per = n / columns;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor(c * per), to = Math.min(n, Math.floor((c + 1) * per));
    let lo = -1, hi = -1, gap = false;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) { gap = true; continue; }
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (gap) { outX.push(x[from]); outY.push(NaN); }
    if (lo < 0) continue;
    const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
    outX.push(x[a]); outY.push(values[a]);
    if (b !== a) { outX.push(x[b]); outY.push(values[b]); }
  }
  return { x: outX, y: outY };
}
