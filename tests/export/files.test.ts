import { describe, expect, it } from 'vitest';
import { metricsCsv } from '../../src/app/export/metricsCsv';
import { scaledRgba } from '../../src/ui/samplePng';
import { METRICS } from '../../src/core/train/step';
import type { ActivationTile } from '../../src/core/train/tiles';
import type { History } from '../../src/trainer/store';

describe('metrics CSV', () => {
  it('has step and every METRICS column, one row per step, at full precision', () => {
    const h = { step: [1, 2] } as History;
    METRICS.forEach((m, j) => { h[m] = [j + 0.125, j === 0 ? Number.NaN : j + 1 / 3]; });
    const lines = metricsCsv(h).split('\n');
    expect(lines[0]).toBe(`step,${METRICS.join(',')}`);
    expect(lines).toHaveLength(4); // header, 2 rows, final newline
    expect(lines[1].split(',')).toEqual(['1', ...METRICS.map((_, j) => String(j + 0.125))]);
    expect(lines[2].split(',')[1]).toBe('NaN');
    expect(Number(lines[2].split(',')[2])).toBe(1 + 1 / 3);
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
