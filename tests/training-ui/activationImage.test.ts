/** The large activation views' pure parts: colour scales, every channel in a grid, histogram, statistics. */
import { expect, test } from 'vitest';
import {
  channelGrid,
  channelsRgba,
  colourRgba,
  colorOf,
  histogram,
  sampleStats,
  scaleFor,
} from '../../src/training-ui/activationImage';

test('signed values get a scale centred on 0; one-signed values a sequential one; images grey over the data range', () => {
  expect(scaleFor([-0.5, 0.1, 2])).toEqual({ kind: 'diverging', lo: -2, hi: 2 });
  expect(scaleFor([0, 0.3, 4])).toEqual({ kind: 'sequential', lo: 0, hi: 4 });
  expect(scaleFor([-0.9, 0.7], true)).toEqual({ kind: 'gray', lo: -1, hi: 1 });
  expect(scaleFor([0.1, 0.7], true)).toEqual({ kind: 'gray', lo: 0, hi: 1 });
  const d = scaleFor([-1, 1]);
  expect(colorOf(d, 0)).toEqual([247, 247, 247]);
  expect(colorOf(d, -1)[2]).toBeGreaterThan(colorOf(d, -1)[0]); // negative: blue
  expect(colorOf(d, 1)[0]).toBeGreaterThan(colorOf(d, 1)[2]); // positive: red
  expect(colorOf(d, NaN)).toEqual([255, 0, 255]);
});

test('every channel of a [h, w, c] map is drawn, each in its own cell of a near-square grid', () => {
  expect(channelGrid([7, 7, 128])).toMatchObject({
    cols: 12,
    rows: 11,
    width: 12 * 8 - 1,
    height: 11 * 8 - 1,
    channels: 128,
  });
  expect(channelGrid([12544])).toMatchObject({ width: 112, height: 112, channels: 1 });
  // 2×2 map, 3 channels: channel k holds the value k everywhere; cell k's pixels have channel k's colour.
  const values = Array.from({ length: 2 * 2 * 3 }, (_, i) => i % 3);
  const s = { kind: 'gray' as const, lo: 0, hi: 2 };
  const { grid, rgba } = channelsRgba(values, [2, 2, 3], s);
  expect([grid.cols, grid.rows, grid.width, grid.height]).toEqual([2, 2, 5, 5]);
  const px = (x: number, y: number) => rgba[(y * grid.width + x) * 4];
  expect([px(0, 0), px(1, 1)]).toEqual([0, 0]); // channel 0
  expect([px(3, 0), px(4, 1)]).toEqual([128, 128]); // channel 1 (value 1 of 0..2)
  expect([px(0, 3), px(1, 4)]).toEqual([255, 255]); // channel 2
  expect(px(2, 0)).toBe(225); // gutter
  expect(px(3, 3)).toBe(225); // unused 4th cell
});

test('histogram counts every finite value once; statistics of one sample', () => {
  const h = histogram([0, 0, 1, 2, 3, 4, NaN], 4);
  expect(h).toEqual({ lo: 0, hi: 4, counts: [2, 1, 1, 2] });
  const s = sampleStats([-1, 0, 1, 4, Infinity]);
  expect(s).toMatchObject({ mean: 1, min: -1, max: 4, nonPositive: 0.5, nonFinite: 0.2, count: 5 });
  expect(s.std).toBeCloseTo(Math.sqrt((4 + 1 + 0 + 9) / 4));
});

test('a colour image layer is also drawn as the picture it is: its three channels are red, green and blue', () => {
  // 1×2 image in [-1, 1]: a red pixel, then a cyan one.
  const px = colourRgba([1, -1, -1, -1, 1, 1], [1, 2, 3], scaleFor([1, -1], true));
  expect([...px]).toEqual([255, 0, 0, 255, 0, 255, 255, 255]);
});
