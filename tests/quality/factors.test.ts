/**
 * Factor quality on data with known factors: InfoGAN's codes against factors measured from pixels.
 * Synthetic cases whose answer is known: a code that sets a factor scores high, an unrelated one ~0.
 */
import { describe, expect, it } from 'vitest';
import { factorQuality, normalisedMi } from '../../src/core/quality/factors';
import { mulberry32 } from '../../src/core/data/random';
import { SPRITE_FACTORS } from '../../src/core/data/sprites';

const rand = mulberry32(5);
const n = 512;
const uniform = (lo: number, hi: number) => Array.from({ length: n }, () => lo + (hi - lo) * rand());

describe('normalised mutual information', () => {
  it('is ~1 when the code sets the factor (even non-linearly or around a circle), ~0 when unrelated', () => {
    const c = uniform(-1, 1);
    expect(
      normalisedMi(
        c,
        c.map((v) => (v + 1) / 2),
      ),
    ).toBeGreaterThan(0.9);
    expect(
      normalisedMi(
        c,
        c.map((v) => ((v + 1) * 0.5 + 0.37) % 1),
      ),
    ).toBeGreaterThan(0.75); // hue, shifted round the circle
    expect(
      normalisedMi(
        c,
        c.map((v) => v * v),
      ),
    ).toBeGreaterThan(0.5); // not monotone: correlation would miss it
    expect(normalisedMi(c, uniform(0, 1))).toBeLessThan(0.05);
    // Unknown values (NaN: a circle has no rotation) are left out, not counted as a bin.
    expect(
      normalisedMi(
        c,
        c.map((v, i) => (i % 3 ? (v + 1) / 2 : NaN)),
      ),
    ).toBeGreaterThan(0.85);
  });
});

describe('factor quality', () => {
  /** Measured factors (class first) where the class and hue follow the codes, the rest is random. */
  function measured(cat: number[], cont: number[][], recognised = (i: number) => true): Float32Array {
    const F = SPRITE_FACTORS.length,
      m = new Float32Array(n * F);
    for (let i = 0; i < n; i++) {
      m[i * F] = recognised(i) ? (cat[i] + 1) % 4 : -1; // category k draws shape k+1
      m[i * F + 1] = (cont[i][0] + 1) / 2; // hue from code 0
      for (let f = 2; f < F; f++) m[i * F + f] = rand();
    }
    return m;
  }

  it('a categorical code that picks the shape scores 100% after matching; a continuous code that sets the hue is found, the other not', () => {
    const cat = Array.from({ length: n }, () => Math.floor(rand() * 4));
    const cont = Array.from({ length: n }, () => [rand() * 2 - 1, rand() * 2 - 1]);
    const q = factorQuality({
      measured: measured(cat, cont),
      names: SPRITE_FACTORS,
      classes: 4,
      categorical: { values: cat, categories: 4 },
      continuous: { values: cont.flat(), count: 2 },
    });
    expect(q.codeAccuracy).toBe(1);
    expect(q.codeMapping).toEqual([1, 2, 3, 0]);
    expect(q.coverage).toBe(4);
    expect(q.recognised).toBe(1);
    expect(q.factors).toEqual(['hue', 'scale', 'rotation', 'x', 'y']);
    expect(q.best![0]).toMatchObject({ factor: 'hue', code: 0 });
    expect(q.best![0].mi).toBeGreaterThan(0.9);
    expect(q.best![0].gap).toBeGreaterThan(0.85);
    for (const b of q.best!.slice(1)) expect(b.mi).toBeLessThan(0.06);
    expect(q.mi![1][0]).toBeLessThan(0.05); // code 1 says nothing about the hue
  });

  it('codes unrelated to the factors score at chance; a collapsed generator covers one class; unrecognisable samples count against it', () => {
    const cat = Array.from({ length: n }, () => Math.floor(rand() * 4));
    const F = SPRITE_FACTORS.length,
      m = new Float32Array(n * F);
    for (let i = 0; i < n; i++) {
      m[i * F] = i % 2 ? 2 : -1;
      for (let f = 1; f < F; f++) m[i * F + f] = rand();
    }
    const q = factorQuality({
      measured: m,
      names: SPRITE_FACTORS,
      classes: 4,
      categorical: { values: cat, categories: 4 },
      continuous: { values: uniform(-1, 1), count: 1 },
    });
    expect(q.recognised).toBe(0.5);
    expect(q.coverage).toBe(1);
    expect(q.classShares).toEqual([0, 0, 1, 0]);
    // Half the samples show nothing: at most 50% can be right, and an unrelated code gets about a quarter of those.
    expect(q.codeAccuracy).toBeLessThan(0.5);
    expect(q.mig).toBeLessThan(0.06);
  });
});
