import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decodeMnist, encodeMnist, mnistDataset } from '../../src/core/data/mnist';
import { idxDataset, parseIdx } from '../../src/core/data/idx';
import { toyDataset, toyModes } from '../../src/core/data/toy2d';
import { imagesDataset, resizeTo } from '../../src/core/data/images';
import { loadDataset } from '../../src/core/datasets';
import { imageGrid } from '../../src/core/data/render';
import { hostRange } from '../../src/core/data/host';

function idxFile(magicType: number, dims: number[], data: number[]): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  head.set([0, 0, 0x08, magicType]);
  const dv = new DataView(head.buffer);
  dims.forEach((d, i) => dv.setUint32(4 + 4 * i, d, false));
  return new Uint8Array([...head, ...data]);
}

describe('the bundled MNIST', () => {
  const bytes = readFileSync('public/data/mnist-10k.bin');

  it('holds 10,000 real 28×28 digits with every class represented', () => {
    const m = decodeMnist(bytes);
    expect([m.count, m.rows, m.cols]).toEqual([10_000, 28, 28]);
    const perClass = Array.from({ length: 10 }, (_, d) => m.labels.filter((l) => l === d).length);
    for (const c of perClass) expect(c).toBeGreaterThan(800);
    // Real strokes: every digit has dark background and bright ink.
    const first = m.pixels.subarray(0, 784);
    expect(Math.max(...first)).toBeGreaterThan(200);
    expect(first.filter((v) => v === 0).length).toBeGreaterThan(400);
  });

  it('is scaled to [-1, 1] for tanh generators and [0, 1] for sigmoid ones, and can keep only some digits', async () => {
    const d = await loadDataset({ kind: 'mnist', scale: 'tanh' }, { mnistBytes: async () => bytes });
    expect(d.shape).toEqual([28, 28, 1]);
    expect(Math.min(...hostRange(d, 0, 1))).toBe(-1);
    expect(Math.max(...hostRange(d, 0, 1))).toBeLessThanOrEqual(1);
    const sig = mnistDataset(decodeMnist(bytes), 'sigmoid', [3, 7]);
    expect(new Set(sig.labels)).toEqual(new Set([3, 7]));
    expect(Math.min(...hostRange(sig, 0, 1))).toBe(0);
  });

  it('round-trips through its binary format and refuses other files', () => {
    const m = {
      count: 2,
      rows: 2,
      cols: 2,
      labels: new Uint8Array([1, 2]),
      pixels: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]),
    };
    expect(decodeMnist(encodeMnist(m))).toEqual(m);
    expect(() => decodeMnist(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]))).toThrow(
      /not a Ganvas MNIST file/,
    );
    expect(() => decodeMnist(encodeMnist(m).subarray(0, 20))).toThrow(/truncated/);
  });
});

describe('IDX files', () => {
  it('reads images and labels, gzipped or not', async () => {
    const images = idxFile(3, [2, 2, 3], [0, 255, 0, 255, 0, 255, 10, 20, 30, 40, 50, 60]);
    const labels = idxFile(1, [2], [4, 9]);
    const d = await idxDataset(gzipSync(images), labels, 'sigmoid', 'mine');
    expect(d).toMatchObject({ name: 'mine', shape: [2, 3, 1], count: 2, numClasses: 10 });
    expect(Array.from(d.labels!)).toEqual([4, 9]);
    expect(hostRange(d, 0, 1)[1]).toBe(1);
  });

  it('explains what is wrong with a bad file', async () => {
    await expect(parseIdx(new Uint8Array([1, 2, 3, 4]), 'x.idx')).rejects.toThrow(
      'x.idx: not an IDX file (it must start with two zero bytes)',
    );
    await expect(parseIdx(idxFile(3, [5, 28, 28], [1, 2, 3]), 'y.idx')).rejects.toThrow(
      /y.idx: truncated: expected 3920 values/,
    );
    await expect(parseIdx(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), 'z.gz')).rejects.toThrow(/gzip data is damaged/);
    const images = idxFile(3, [2, 1, 1], [1, 2]);
    await expect(idxDataset(images, idxFile(1, [3], [1, 2, 3]), 'tanh')).rejects.toThrow(
      'labels file has 3 labels but the images file has 2 images',
    );
  });
});

describe('2-D toy distributions', () => {
  it('draw the ring of 8 Gaussians around its modes, repeatably', () => {
    const d = toyDataset('ring8', 4000, 3);
    const { modes, std } = toyModes('ring8');
    expect(modes).toHaveLength(8);
    for (let i = 0; i < d.count; i++) {
      const m = modes[d.labels![i]];
      expect(Math.hypot(d.values[2 * i] - m[0], d.values[2 * i + 1] - m[1])).toBeLessThan(6 * std);
    }
    expect(new Set(d.labels).size).toBe(8);
    expect(toyDataset('ring8', 4000, 3).values).toEqual(d.values);
    expect(toyModes('grid25').modes).toHaveLength(25);
    expect(
      toyDataset('points', 100, 1, [
        [0, 0],
        [1, 1],
      ]).count,
    ).toBe(100);
    expect(() => toyModes('points', [[0, 0]])).toThrow(/at least 2 points/);
  });
});

describe('user images', () => {
  it('are resized to one size as grayscale or RGB', () => {
    const red = {
      name: 'r.png',
      width: 4,
      height: 4,
      rgba: new Uint8Array(64).map((_, i) => (i % 4 === 0 || i % 4 === 3 ? 255 : 0)),
      label: 0,
    };
    expect(Array.from(resizeTo(red, 2, 3).subarray(0, 3))).toEqual([255, 0, 0]);
    expect(resizeTo(red, 2, 1)[0]).toBe(76);
    const d = imagesDataset([red, { ...red, label: 1 }], 2, 1, 'tanh');
    expect(d).toMatchObject({ shape: [2, 2, 1], count: 2, numClasses: 2 });
    expect(() => imagesDataset([], 8, 1, 'tanh')).toThrow(/no images found/);
    expect(() => imagesDataset([{ ...red, rgba: new Uint8Array(3) }], 8, 1, 'tanh')).toThrow(
      'r.png: could not read its pixels',
    );
  });

  it('render as a grid with one tile per sample', () => {
    const r = imageGrid(new Float32Array(4 * 4).fill(1), 4, 2, 2, 1, 'tanh', 1);
    expect([r.width, r.height]).toEqual([7, 7]);
    expect(r.pixels[1 * 7 + 1]).toBe(255);
  });
});
