import { describe, expect, it } from 'vitest';
import { classScore } from '../../src/core/quality/classScore';
import { classAgreement } from '../../src/core/quality/classAgreement';
import { digitClasses, readableDigits } from '../../src/core/quality/digitsThreshold';
import { fitGaussian, frechetDistance, sqrtPsd, symmetricEigen } from '../../src/core/quality/frechet';
import { codeMatchAccuracy, hungarian } from '../../src/core/quality/matching';
import { gaussian, mulberry32 } from '../../src/core/data/random';

/** n rows of d features: x = A z + mu, z standard normal (seeded). */
function sampleRows(n: number, d: number, seed: number, mix: (z: number[]) => number[]): Float64Array {
  const g = gaussian(mulberry32(seed));
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) out.set(mix(Array.from({ length: d }, g)), i * d);
  return out;
}

describe('Frechet distance', () => {
  it('takes square roots of symmetric PSD matrices (S·S = M) and finds eigenvalues', () => {
    const d = 5;
    const x = sampleRows(50, d, 1, (z) => z.map((v, i) => v * (i + 1) + z[0]));
    const { cov } = fitGaussian(x, d);
    const s = sqrtPsd(cov, d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let ss = 0;
        for (let k = 0; k < d; k++) ss += s[i * d + k] * s[k * d + j];
        expect(ss).toBeCloseTo(cov[i * d + j], 8);
      }
    const diag = new Float64Array([3, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect([...symmetricEigen(diag, 3).values].sort()).toEqual([1, 2, 3]);
  });

  it('matches the closed form for 1-D Gaussians and for shifted means, and is 0 for the same statistics', () => {
    // 1-D: (m1 - m2)^2 + (s1 - s2)^2
    const g1 = { dim: 1, n: 2, mean: new Float64Array([1]), cov: new Float64Array([4]) };
    const g2 = { dim: 1, n: 2, mean: new Float64Array([3]), cov: new Float64Array([9]) };
    expect(frechetDistance(g1, g2)).toBeCloseTo(4 + 1, 10);
    const d = 8;
    const a = fitGaussian(
      sampleRows(400, d, 2, (z) => z.map((v, i) => v + 0.5 * z[(i + 1) % d])),
      d,
    );
    expect(frechetDistance(a, a)).toBeLessThan(1e-8);
    const shifted = { ...a, mean: a.mean.map((m) => m + 1) };
    expect(frechetDistance(a, shifted)).toBeCloseTo(d, 6);
  });

  it('is small for two samples of one distribution and large for a different one, in 64 dimensions', () => {
    const d = 64,
      mix = (z: number[]) => z.map((v, i) => v + 0.3 * z[(i * 7) % d]);
    const a = fitGaussian(sampleRows(2000, d, 3, mix), d),
      b = fitGaussian(sampleRows(2000, d, 4, mix), d);
    const c = fitGaussian(
      sampleRows(2000, d, 5, (z) => z.map((v) => 3 * v)),
      d,
    );
    const same = frechetDistance(a, b),
      other = frechetDistance(a, c);
    expect(same).toBeLessThan(3); // sampling noise only (~d²/n)
    expect(other).toBeGreaterThan(50 * same);
  });
});

describe('classifier score, confidence and coverage', () => {
  const oneHot = (labels: number[], p = 1) =>
    Float32Array.from(labels.flatMap((y) => Array.from({ length: 10 }, (_, c) => (c === y ? p : (1 - p) / 9))));

  it('gives 10 for confident predictions spread evenly over 10 classes', () => {
    const s = classScore(oneHot(Array.from({ length: 500 }, (_, i) => i % 10)), 10);
    expect(s.score).toBeCloseTo(10, 3);
    expect(s.confidence).toBeCloseTo(1, 6);
    expect(s.coverage).toBe(10);
    expect(s.classShares.every((x) => Math.abs(x - 0.1) < 1e-9)).toBe(true);
  });

  it('gives 1 and coverage 1 for one repeated class, and 1 for uniform (unrecognisable) outputs', () => {
    const collapsed = classScore(oneHot(new Array(300).fill(7)), 10);
    expect(collapsed.score).toBeCloseTo(1, 6);
    expect(collapsed.coverage).toBe(1);
    expect(collapsed.classShares[7]).toBe(1);
    const unsure = classScore(new Float32Array(3000).fill(0.1), 10);
    expect(unsure.score).toBeCloseTo(1, 6);
    expect(unsure.confidence).toBeCloseTo(0.1, 6);
  });

  it('grows with the number of classes covered, and ignores a class predicted for under 2%', () => {
    const three = classScore(oneHot(Array.from({ length: 300 }, (_, i) => i % 3)), 10);
    expect(three.score).toBeCloseTo(3, 3);
    expect(three.coverage).toBe(3);
    const rare = classScore(oneHot([...new Array(99).fill(0), 5]), 10);
    expect(rare.coverage).toBe(1);
  });

  it('counts the samples classified with p >= 0.9 (a mean confidence hides half crisp, half unsure samples)', () => {
    const half = classScore(
      Float32Array.from([
        ...oneHot(
          Array.from({ length: 50 }, (_, i) => i % 10),
          0.95,
        ),
        ...new Float32Array(500).fill(0.1),
      ]),
      10,
    );
    expect(half.confident).toBeCloseTo(0.5, 10);
    expect(half.confidence).toBeCloseTo((0.95 + 0.1) / 2, 5);
    expect(classScore(oneHot([1, 2, 3, 4], 0.89), 10).confident).toBe(0);
    expect(classScore(oneHot([1, 2, 3, 4], 0.91), 10).confident).toBe(1);
  });
});

describe('the "readable digits" threshold (issue 17)', () => {
  const shares = (k: number) => Array.from({ length: 10 }, (_, c) => (c < k ? 1 / k : 0));
  it('needs >= 9 classes with >= 3% of the samples each and >= 70% confident samples', () => {
    expect(readableDigits({ classShares: shares(10), confident: 0.7 })).toBe(true);
    expect(readableDigits({ classShares: shares(9), confident: 0.95 })).toBe(true);
    expect(readableDigits({ classShares: shares(8), confident: 0.95 })).toBe(false);
    expect(readableDigits({ classShares: shares(10), confident: 0.69 })).toBe(false);
    // A class with 2.9% of the samples does not count (the doctor's coverage counts it from 2%).
    const thin = [0.029, ...new Array(9).fill((1 - 0.029) / 9)];
    expect(digitClasses({ classShares: thin, confident: 1 })).toBe(9);
    const thinner = [0.029, 0.029, ...new Array(8).fill((1 - 0.058) / 8)];
    expect(readableDigits({ classShares: thinner, confident: 1 })).toBe(false);
  });
});

describe('class agreement (conditional GANs)', () => {
  it('is the share of samples classified as the class asked for: 1 when G follows its label, ~chance when it ignores it', () => {
    const asked = Array.from({ length: 1000 }, (_, i) => i % 10);
    expect(classAgreement(asked, asked)).toBe(1);
    // G draws a 7 whatever it is asked: right only when asked for a 7.
    expect(
      classAgreement(
        asked,
        asked.map(() => 7),
      ),
    ).toBeCloseTo(0.1, 10);
    const rand = mulberry32(4);
    expect(
      classAgreement(
        asked,
        asked.map((y) => (rand() < 0.8 ? y : (y + 1) % 10)),
      ),
    ).toBeGreaterThan(0.75);
    expect(() => classAgreement([1, 2], [1])).toThrow(/2 asked-for labels but 1 predictions/);
    expect(classAgreement([], [])).toBe(0);
  });
});

describe('InfoGAN code matching (Hungarian)', () => {
  it('finds the minimum-cost assignment, checked against brute force on random 6×6 matrices', () => {
    const rand = mulberry32(9);
    const perms = (n: number): number[][] =>
      n === 0
        ? [[]]
        : perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
    const all = perms(6);
    for (let t = 0; t < 20; t++) {
      const cost = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => Math.floor(rand() * 20)));
      const total = (a: number[]) => a.reduce((s, j, i) => s + cost[i][j], 0);
      const best = Math.min(...all.map(total));
      const a = hungarian(cost);
      expect(new Set(a).size).toBe(6);
      expect(total(a)).toBe(best);
    }
  });

  it('scores a code that is a permutation of the labels as 100%, and a random code near chance', () => {
    const rand = mulberry32(3);
    const perm = [3, 7, 0, 9, 1, 4, 8, 2, 6, 5];
    const labels = Array.from({ length: 1000 }, () => Math.floor(rand() * 10));
    const codes = labels.map((y) => perm.indexOf(y));
    const m = codeMatchAccuracy(codes, labels, 10, 10);
    expect(m.accuracy).toBe(1);
    expect(m.mapping).toEqual(perm);
    // 80% of samples follow the permutation, the rest are random: ~82% after matching.
    const noisy = labels.map((y) => (rand() < 0.8 ? perm.indexOf(y) : Math.floor(rand() * 10)));
    expect(codeMatchAccuracy(noisy, labels, 10, 10).accuracy).toBeGreaterThan(0.78);
    const random = labels.map(() => Math.floor(rand() * 10));
    expect(codeMatchAccuracy(random, labels, 10, 10).accuracy).toBeLessThan(0.2);
  });

  it('handles fewer or more code values than classes', () => {
    // 2 code values for 4 classes: each code matched to its most common class, one-to-one.
    const few = codeMatchAccuracy([0, 0, 0, 1, 1, 1], [2, 2, 3, 3, 3, 1], 2, 4);
    expect(few.mapping).toEqual([2, 3]);
    expect(few.accuracy).toBeCloseTo(4 / 6, 10);
    // The counts behind it (what `bench:quality-of --codes` prints): code 1 mixes classes 3 and 1.
    expect(few.counts).toEqual([
      [0, 0, 2, 1],
      [0, 1, 0, 2],
    ]);
    // 3 code values for 2 classes: only two codes get a class.
    const many = codeMatchAccuracy([0, 1, 2, 2], [1, 0, 0, 0], 3, 2);
    expect(many.mapping.filter((c) => c >= 0).length).toBe(2);
    expect(many.accuracy).toBeCloseTo(3 / 4, 10);
  });
});
