/**
 * Images stay bytes on the device: packed three to a float32, unpacked and scaled per batch. What a
 * batch holds must be exactly what the float path gives, for every byte value and any sample length.
 */
import { describe, expect, it } from 'vitest';
import {
  disposeDevice,
  checkDeviceBudget,
  deviceBytes,
  gatherBatch,
  packBytes,
  toDevice,
} from '../../src/core/data/device';
import { hostRows, type ByteDataset } from '../../src/core/data/host';
import { mnistDataset, decodeMnist } from '../../src/core/data/mnist';
import { readFileSync } from 'node:fs';
import { cpuTf } from '../helpers/tf';
import { infoganSprites32 } from '../helpers/spritesProject';
import { parseProject } from '../../src/core/project/schema';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo, loadDataset } from '../../src/core/datasets';
import { TrainingSession } from '../../src/core/train/session';

/** n samples of `shape` whose bytes run through every value 0..255, in an order that differs per sample. */
function bytesData(n: number, shape: number[], scale: 'tanh' | 'sigmoid'): ByteDataset {
  const size = shape.reduce((a, b) => a * b, 1);
  const pixels = Uint8Array.from({ length: n * size }, (_, i) => (i * 97 + Math.floor(i / size) * 13) % 256);
  return {
    name: 'bytes',
    shape,
    count: n,
    numClasses: 2,
    pixels,
    scale,
    labels: Int32Array.from({ length: n }, (_, i) => i % 2),
  };
}

describe('image bytes on the device', () => {
  for (const shape of [
    [4, 4, 3],
    [5, 5, 1],
    [2, 2, 1],
    [1, 1, 1],
  ]) {
    for (const per of [1, 3] as const) {
      it(`${shape.join('×')} packed ${per} to a float: a gathered batch equals the same rows scaled on the host`, async () => {
        const tf = await cpuTf();
        const host = bytesData(7, shape, 'tanh');
        const d = toDevice(tf, host, per);
        expect(d.stored.shape).toEqual([7, Math.ceil(shape.reduce((a, b) => a * b, 1) / per)]);
        const idx = [6, 0, 3, 3, 1];
        const before = tf.memory().numTensors;
        const t = tf.tensor1d(idx, 'int32');
        const x = gatherBatch(tf, d, t);
        expect(x.shape).toEqual([5, ...shape]);
        expect(Array.from(await x.data())).toEqual(Array.from(hostRows(host, idx)));
        t.dispose();
        x.dispose();
        expect(tf.memory().numTensors).toBe(before);
        disposeDevice(d);
      });
    }
  }

  it('the bundled MNIST takes a third of the device memory it took as float32, and batches are the same numbers', async () => {
    const tf = await cpuTf();
    const host = mnistDataset(decodeMnist(readFileSync('public/data/mnist-10k.bin')), 'sigmoid');
    const d = toDevice(tf, host, 3);
    const float32 = 4 * host.count * 784 + 4 * host.count;
    expect(d.bytes).toBe(4 * host.count * Math.ceil(784 / 3) + 4 * host.count);
    expect(d.bytes / float32).toBeLessThan(0.34);
    const t = tf.tensor1d([0, 9999, 4242], 'int32');
    const x = gatherBatch(tf, d, t);
    expect(Array.from(await x.data())).toEqual(Array.from(hostRows(host, [0, 9999, 4242])));
    tf.dispose([t, x]);
    disposeDevice(d);
  });

  it('a training session on image bytes (the sprites, an InfoGAN) keeps tf.memory().numTensors flat from step to step', async () => {
    const tf = await cpuTf();
    const p = parseProject(infoganSprites32());
    const r = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 4 });
    if (!r.ok) throw new Error(r.problems.map((x) => x.message).join('\n'));
    const host = await loadDataset(p.dataset, {});
    expect(host.pixels).toBeInstanceOf(Uint8Array);
    const s = new TrainingSession(tf, r.plan, host);
    expect(s.data.encoding).toMatchObject({ kind: 'bytes', per: 3, length: 3072 });
    await s.run(2);
    const before = tf.memory().numTensors;
    await s.run(3, { flushEvery: 2 });
    expect(tf.memory().numTensors).toBe(before);
    expect(s.history.every((m) => Number.isFinite(m.dLoss) && Number.isFinite(m.infoLoss))).toBe(true);
    s.dispose();
  });

  it('packs little-endian: byte 0 + 256·byte 1 + 65536·byte 2, the last float of a row padded with zeros', () => {
    expect(Array.from(packBytes(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 2, 4, 3))).toEqual([
      1 + 512 + 3 * 65536,
      4,
      5 + 6 * 256 + 7 * 65536,
      8,
    ]);
    expect(Array.from(packBytes(Uint8Array.of(255, 255, 255), 1, 3, 3))).toEqual([2 ** 24 - 1]);
  });

  it('refuses a dataset over the device-memory budget with the figures and what would fit', () => {
    const big = { ...bytesData(1, [64, 64, 3], 'tanh'), count: 100_000, name: 'faces' };
    expect(deviceBytes(big)).toBe(100_000 * 4096 * 4 + 100_000 * 4);
    expect(() => checkDeviceBudget(big)).toThrow(
      "'faces' needs 1.5 GB of device memory (100,000 samples of 64×64×3, image bytes packed 3 to a float32: 17 KB each); the budget is 1 GB of device memory for the dataset. Keep at most 65,520 samples, or use a smaller size",
    );
    expect(() => checkDeviceBudget({ ...big, count: 65_520 })).not.toThrow();
  });
});
