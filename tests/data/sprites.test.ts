/**
 * The generated colour sprites: the same bytes from the same seed, every factor kept, the shape as the
 * label, shapes of the areas the measurement assumes, and the factors read back from the pixels alone.
 */
import { describe, expect, it } from 'vitest';
import {
  SHAPE_AREA,
  SPRITE_FACTORS,
  SPRITE_SHAPES,
  drawSprite,
  hueToRgb,
  insideShape,
  spritesDataset,
} from '../../src/core/data/sprites';
import { MIN_FIT, measureSprites, rotationPhase } from '../../src/core/data/spriteMeasure';
import { hostRange } from '../../src/core/data/host';

const circularError = (a: number, b: number) => Math.min(Math.abs(a - b), 1 - Math.abs(a - b));

describe('generated sprites', () => {
  it('are the same bytes for the same seed, other bytes for another, with every factor and the shape as label', () => {
    const a = spritesDataset({ size: 32, count: 50, seed: 7, scale: 'tanh' });
    const b = spritesDataset({ size: 32, count: 50, seed: 7, scale: 'tanh' });
    const c = spritesDataset({ size: 32, count: 50, seed: 8, scale: 'tanh' });
    expect(a.pixels).toEqual(b.pixels);
    expect(a.pixels).not.toEqual(c.pixels);
    expect(a).toMatchObject({ shape: [32, 32, 3], count: 50, numClasses: 4 });
    expect(a.factors!.names).toEqual(SPRITE_FACTORS);
    expect(a.factors!.values).toHaveLength(50 * 6);
    for (let i = 0; i < 50; i++) expect(a.labels![i]).toBe(a.factors!.values[i * 6]);
    expect(new Set(a.labels)).toEqual(new Set([0, 1, 2, 3]));
    // The first images of a longer run are the same images: a count never reshuffles the sequence.
    expect(spritesDataset({ size: 32, count: 60, seed: 7, scale: 'tanh' }).pixels.subarray(0, a.pixels.length)).toEqual(
      a.pixels,
    );
  });

  it('are coloured shapes on black: background pixels are 0, the lit ones have the hue of the factor', () => {
    const d = spritesDataset({ size: 64, count: 20, seed: 3, scale: 'sigmoid' });
    const per = 64 * 64 * 3;
    for (let i = 0; i < d.count; i++) {
      const px = d.pixels.subarray(i * per, (i + 1) * per);
      const zero = px.filter((v) => v === 0).length;
      expect(zero).toBeGreaterThan(per * 0.7);
      const [r, g, b] = hueToRgb(d.factors!.values[i * 6 + 1]);
      // The brightest pixel is the factor's colour at full coverage.
      let k = 0;
      for (let p = 0; p < per; p += 3) if (px[p] + px[p + 1] + px[p + 2] > px[k] + px[k + 1] + px[k + 2]) k = p;
      expect([px[k], px[k + 1], px[k + 2]]).toEqual([r, g, b].map((v) => Math.round(255 * v)));
    }
    expect(Math.min(...hostRange(d, 0, 1))).toBe(0);
  });

  it('each shape has the area the measurement assumes and its area centroid at its centre', () => {
    const N = 1200;
    for (let k = 0; k < SPRITE_SHAPES.length; k++) {
      let a = 0,
        sx = 0,
        sy = 0;
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) {
          const u = -1.5 + (3 * (i + 0.5)) / N,
            v = -1.5 + (3 * (j + 0.5)) / N;
          if (insideShape(k, u, v)) {
            a++;
            sx += u;
            sy += v;
          }
        }
      expect(a * (9 / (N * N))).toBeCloseTo(SHAPE_AREA[k], 2);
      expect(Math.abs(sx / a)).toBeLessThan(2e-3);
      expect(Math.abs(sy / a)).toBeLessThan(2e-3);
    }
  });

  for (const size of [32, 64]) {
    it(`${size}×${size}: shape, hue, position, scale and rotation are read back from the pixels`, () => {
      const d = spritesDataset({ size, count: 200, seed: 11, scale: 'tanh' });
      const m = measureSprites(hostRange(d, 0, d.count), d.count, size, 3, 'tanh');
      const f = (i: number, k: number) => d.factors!.values[i * 6 + k];
      let shapes = 0,
        rot = 0,
        rotN = 0;
      const err = { hue: [] as number[], x: [] as number[], y: [] as number[], scale: [] as number[] };
      m.forEach((s, i) => {
        expect(s.found).toBe(true);
        if (s.shape === f(i, 0)) shapes++;
        err.hue.push(circularError(s.hue, f(i, 1)));
        err.scale.push(Math.abs(s.scale - f(i, 2)));
        err.x.push(Math.abs(s.x - f(i, 4)));
        err.y.push(Math.abs(s.y - f(i, 5)));
        const truth = rotationPhase(f(i, 0), f(i, 3));
        if (s.shape === f(i, 0) && !Number.isNaN(truth)) {
          rotN++;
          if (circularError(s.rotationPhase, truth) < 0.1) rot++;
        }
      });
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(shapes / d.count).toBeGreaterThan(0.9);
      expect(mean(err.hue)).toBeLessThan(0.01);
      expect(Math.max(...err.x, ...err.y)).toBeLessThan(0.03);
      expect(mean(err.scale)).toBeLessThan(0.12);
      expect(rot / rotN).toBeGreaterThan(0.7);
    });
  }

  it('an empty (black) image is no sprite', () => {
    const m = measureSprites(new Float32Array(32 * 32 * 3).fill(-1), 1, 32, 3, 'tanh');
    expect(m[0]).toMatchObject({ found: false, shape: -1 });
  });

  it('noise, speckle and a soft blob are no sprite: a generator that draws them is not "recognisable"', () => {
    const size = 32,
      per = size * size * 3,
      n = 20;
    let seed = 1;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const uniform = Float32Array.from({ length: n * per }, () => rnd() * 2 - 1);
    const speckle = Float32Array.from({ length: n * per }, () => -1 + rnd() * 0.6);
    const blob = new Float32Array(n * per);
    for (let i = 0; i < n; i++)
      for (let p = 0; p < size * size; p++) {
        const r2 = (((p % size) - 16) ** 2 + (Math.floor(p / size) - 16) ** 2) / 40;
        blob.fill(Math.exp(-r2) * 1.6 - 1, i * per + p * 3, i * per + p * 3 + 3);
      }
    for (const [name, x] of [
      ['uniform noise', uniform],
      ['speckle', speckle],
      ['soft blob', blob],
    ] as const) {
      const found = measureSprites(x, n, size, 3, 'tanh').filter((s) => s.found).length;
      expect(found, name).toBe(0);
    }
    // Real sprites all clear the bar (their worst fit is far above MIN_FIT).
    const d = spritesDataset({ size, count: 200, seed: 7, scale: 'tanh' });
    const m = measureSprites(hostRange(d, 0, d.count), d.count, size, 3, 'tanh');
    expect(m.every((s) => s.found)).toBe(true);
    expect(Math.min(...m.map((s) => s.fit))).toBeGreaterThan(MIN_FIT + 0.05);
  });

  it("drawSprite draws grey as the colour's luminance", () => {
    const grey = new Uint8Array(32 * 32),
      rgb = new Uint8Array(32 * 32 * 3);
    const f = { shape: 1, hue: 0, scale: 1, rotation: 0, x: 0.5, y: 0.5 };
    drawSprite(f, 32, 1, grey);
    drawSprite(f, 32, 3, rgb);
    expect(Math.max(...grey)).toBe(Math.round(255 * 0.299));
    expect(Math.max(...rgb)).toBe(255);
  });
});
