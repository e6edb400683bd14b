import { describe, expect, it } from 'vitest';
import { metricsCsv, metricsCsvLine } from '../../src/core/train/metricsCsv';
import { scaledRgba } from '../../src/ui/samplePng';
import { METRICS } from '../../src/core/train/step';
import type { ActivationTile } from '../../src/core/train/tiles';
import type { StepMetrics } from '../../src/core/train/metrics';
import { historyColumns } from '../../src/trainer/store';

describe('metrics CSV', () => {
  const rows = [1, 2].map(
    (step, i) =>
      ({
        step,
        ...Object.fromEntries(METRICS.map((m, j) => [m, i === 0 ? j + 0.125 : j === 0 ? Number.NaN : j + 1 / 3])),
      }) as StepMetrics,
  );

  it('has step, every METRICS column and seconds, one row per step, at full precision', () => {
    const lines = metricsCsv(rows).split('\n');
    expect(lines[0]).toBe(`step,${METRICS.join(',')},seconds`);
    expect(lines).toHaveLength(4); // header, 2 rows, final newline
    expect(lines[1].split(',')).toEqual(['1', ...METRICS.map((_, j) => String(j + 0.125)), '']);
    expect(lines[2].split(',')[1]).toBe('NaN');
    expect(Number(lines[2].split(',')[2])).toBe(1 + 1 / 3);
  });

  it("writes the CLI's seconds in the same column", () => {
    expect(metricsCsvLine(rows[0], 1.23456).trim().split(',').at(-1)).toBe('1.235');
  });

  it('the charts read the same rows as columns, computed once per history', () => {
    const c = historyColumns(rows);
    expect(c.step).toEqual([1, 2]);
    expect(c[METRICS[1]]).toEqual([1.125, 1 + 1 / 3]);
    expect(historyColumns(rows)).toBe(c);
  });
});

describe('sample grid PNG pixels', () => {
  const tile = (over: Partial<ActivationTile>): ActivationTile =>
    ({ kind: 'image', width: 2, height: 1, channels: 1, pixels: new Uint8Array([0, 200]), ...over }) as ActivationTile;

  it('enlarges by a whole factor with nearest neighbour, keeping the panel colours', () => {
    const r = scaledRgba(tile({}), 8);
    expect([r.width, r.height]).toEqual([8, 4]);
    expect(Array.from(r.rgba.slice(0, 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(r.rgba.slice(3 * 4, 4 * 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(r.rgba.slice(4 * 4, 5 * 4))).toEqual([200, 200, 200, 255]);
    expect(Array.from(r.rgba.slice((3 * 8 + 7) * 4, (3 * 8 + 8) * 4))).toEqual([200, 200, 200, 255]);
  });

  it('never shrinks a large grid', () => {
    const big = tile({ width: 600, height: 300, pixels: new Uint8Array(600 * 300) });
    expect(scaledRgba(big, 512).width).toBe(600);
  });
});
