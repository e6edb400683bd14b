/**
 * Pixel diversity for image data (src/core/quality/imageDiversity.ts) and the doctor's rule on it
 * (src/core/doctor/imageDiversity.ts): the statistics against a brute-force computation, real digits
 * against real digits (≈ 1), and the two ways a G repeats itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpuTf } from '../helpers/tf';
import { decodeMnist, mnistDataset } from '../../src/core/data/mnist';
import type { HostDataset } from '../../src/core/data/host';
import {
  coarsePool,
  ImageDiversityMeter,
  imageDiversityApplies,
  pairDistanceStats,
} from '../../src/core/quality/imageDiversity';
import { pickIndices, rowsOf } from '../../src/core/quality/mnistQuality';
import {
  diagnoseImageDiversity,
  IMAGE_DIVERSITY_THRESHOLDS as T,
  type ImageDiversityPoint,
} from '../../src/core/doctor/imageDiversity';

type Tf = Awaited<ReturnType<typeof cpuTf>>;
let tf: Tf;
let mnist: HostDataset;

beforeAll(async () => {
  tf = await cpuTf();
  mnist = mnistDataset(
    decodeMnist(readFileSync(resolve(import.meta.dirname, '../../public/data/mnist-10k.bin'))),
    'tanh',
  );
});

/** Brute force: [mean pairwise distance, mean nearest-neighbour distance] of n rows of `dim` values. */
function bruteForce(x: Float32Array, n: number, dim: number): [number, number] {
  let sum = 0,
    nearestSum = 0;
  for (let i = 0; i < n; i++) {
    let nearest = Infinity;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let s = 0;
      for (let k = 0; k < dim; k++) {
        const d = x[i * dim + k] - x[j * dim + k];
        s += d * d;
      }
      sum += Math.sqrt(s);
      nearest = Math.min(nearest, Math.sqrt(s));
    }
    nearestSum += nearest;
  }
  return [sum / (n * (n - 1)), nearestSum / n];
}

/** The images as a [n, 28, 28, 1] tensor. */
const images = (rows: Float32Array) => tf.tensor4d(rows, [rows.length / 784, 28, 28, 1]);

describe('pixel diversity of images', () => {
  it('applies to images only, and pools 28×28 down to 7×7', () => {
    expect(imageDiversityApplies([28, 28, 1])).toBe(true);
    expect(imageDiversityApplies([2])).toBe(false);
    expect(coarsePool([28, 28, 1])).toBe(4);
    expect(coarsePool([64, 64, 3])).toBe(9);
    expect(coarsePool([6, 6, 1])).toBe(1);
  });

  it('equals a brute-force pairwise computation, with and without pooling', async () => {
    const x = images(rowsOf(mnist, pickIndices(mnist.count, 40, 7)));
    for (const pool of [1, 2]) {
      // The brute force on the averaged blocks (pool 1: the pixels themselves).
      const pooled = tf.avgPool(x as Parameters<typeof tf.avgPool>[0], pool, pool, 'valid');
      const expected = bruteForce((await pooled.data()) as Float32Array, 40, pooled.size / 40);
      const stats = pairDistanceStats(tf, x, pool);
      const [mean, nearest] = await stats.data();
      tf.dispose([pooled, stats]);
      expect(mean).toBeCloseTo(expected[0], 2);
      expect(nearest).toBeCloseTo(expected[1], 2);
    }
    x.dispose();
  });

  it('scores real digits against real digits near 1, and a G that repeats itself near 0', async () => {
    const before = tf.memory().numTensors;
    const meter = await ImageDiversityMeter.create(tf, mnist, 256);
    // Other real digits: as varied as the reference.
    const other = images(rowsOf(mnist, pickIndices(mnist.count, 256, 11, new Set(pickIndices(mnist.count, 256, 3)))));
    const real = await meter.measureImages([other]);
    expect(real.samples).toBe(256);
    expect(real.spread).toBeGreaterThan(0.9);
    expect(real.spread).toBeLessThan(1.1);
    expect(real.neighbours).toBeGreaterThan(0.85);
    expect(real.neighbours).toBeLessThan(1.15);
    // One digit, 256 times, each with its own faint pixel noise: both statistics collapse.
    const one = rowsOf(mnist, [5]);
    const copies = new Float32Array(256 * 784).map((_, i) => one[i % 784] + 0.05 * Math.sin(i * 12.9898));
    const same = await meter.measureImages([images(copies)]);
    expect(same.spread).toBeLessThan(0.1);
    expect(same.neighbours).toBeLessThan(0.1);
    // Two very different digits, 128 times each: the spread alone still looks half-varied; the neighbours do not.
    const two = rowsOf(mnist, [5, 8]);
    const pairs = new Float32Array(256 * 784).map((_, i) => two[(Math.floor(i / 784) % 2) * 784 + (i % 784)]);
    const twoOf = await meter.measureImages([images(pairs)]);
    expect(twoOf.spread).toBeGreaterThan(0.3);
    expect(twoOf.neighbours).toBeLessThan(0.01);
    tf.dispose([other]);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 2); // the two test tensors made inline above
  });
});

describe("the doctor's image-diversity rule", () => {
  const ctx = { loss: 'nsgan' as const, generatorOutput: 'g_out', discriminatorHead: 'd_head' };
  const at = (step: number, spread: number, neighbours: number): ImageDiversityPoint => ({ step, spread, neighbours });

  it('stays quiet on varied samples and before G has had time to spread out', () => {
    expect(diagnoseImageDiversity([at(600, 0.8, 0.6), at(700, 0.75, 0.7), at(800, 0.9, 0.8)], ctx)).toEqual([]);
    expect(diagnoseImageDiversity([at(100, 0.1, 0.01), at(200, 0.1, 0.01), at(T.after - 100, 0.1, 0.01)], ctx)).toEqual(
      [],
    );
  });

  it('flags near-duplicates (low neighbours) and one picture (low spread) after a run of measurements, pointing at G', () => {
    const dup = diagnoseImageDiversity([at(T.after, 0.45, 0.01), at(T.after + T.span, 0.44, 0.005)], ctx);
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ id: 'lowDiversity', since: T.after, nodes: ['g_out'] });
    expect(dup[0].explanation).toMatch(/near-copies.*0\.5%/);
    expect(dup[0].severity).toBe('critical');
    const one = diagnoseImageDiversity([at(T.after, 0.1, 0.15), at(T.after + T.span, 0.2, 0.1)], ctx);
    expect(one[0]).toMatchObject({ severity: 'warning', since: T.after });
    expect(one[0].explanation).toMatch(/only 20% as much/);
    // A single low measurement is not enough.
    expect(diagnoseImageDiversity([at(T.after, 0.8, 0.7), at(T.after + T.span, 0.1, 0.01)], ctx)).toEqual([]);
  });
});

describe('lasting, not passing: the image rules need their condition to span 200 steps', () => {
  const ctx = { loss: 'nsgan' as const, generatorOutput: 'g_out' };
  it('ignores a moment measured many times (the app measures a slow G every few steps), flags the same once it lasts', () => {
    // DCGAN passes through nearly black images around step 500: measured at 500, 510, ..., 590 it is one moment.
    const moment = Array.from({ length: 10 }, (_, i) => ({ step: 500 + 10 * i, spread: 0.14, neighbours: 0.08 }));
    expect(diagnoseImageDiversity(moment, ctx)).toEqual([]);
    const lasting = [...moment, { step: 700, spread: 0.14, neighbours: 0.08 }];
    expect(diagnoseImageDiversity(lasting, ctx)[0]).toMatchObject({
      id: 'lowDiversity',
      since: 500,
      severity: 'critical',
    });
  });
});
