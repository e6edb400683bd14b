import { describe, expect, test } from 'vitest';
import { decimate } from '../../src/training-ui/decimate';

describe('chart decimation', () => {
  test('short series are drawn as they are', () => {
    expect(decimate([1, 2, 3], [0.5, 0.4, 0.3], 10)).toEqual({ x: [1, 2, 3], y: [0.5, 0.4, 0.3] });
  });

  test('a long series keeps at most two points per pixel column, and every spike', () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => Math.sin(i / 500));
    y[54_321] = 9; // one spike
    y[77_777] = -9;
    const d = decimate(x, y, 200);
    expect(d.x.length).toBeLessThanOrEqual(400);
    expect(Math.max(...d.y)).toBe(9);
    expect(Math.min(...d.y)).toBe(-9);
    // In step order, so the line does not zig-zag back.
    for (let i = 1; i < d.x.length; i++) expect(d.x[i]).toBeGreaterThanOrEqual(d.x[i - 1]);
  });

  test('a NaN breaks the line instead of vanishing', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    const y = x.map((i) => (i === 500 ? NaN : 1));
    const d = decimate(x, y, 10);
    expect(d.y.some((v) => Number.isNaN(v))).toBe(true);
  });
});
