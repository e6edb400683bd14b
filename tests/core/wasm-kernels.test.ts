import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { cpuTf } from '../helpers/tf';
import { registerWasmTrainingKernels } from '../../src/core/kernels/wasmTrainingKernels';
import { mulberry32 } from '../../src/core/data/random';
import { productOrientation } from '../../src/core/kernels/wasmMatMulTransposes';

async function onBackend<T>(tf: typeof tfNs, name: string, f: () => T): Promise<T> {
  await tf.setBackend(name);
  await tf.ready();
  return f();
}

/** The cpu and wasm backends in one tf, with Ganvas's wasm training kernels registered. */
async function wasmWithKernels(): Promise<typeof tfNs> {
  const tf = await cpuTf();
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(
    `${join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`,
  );
  await onBackend(tf, 'wasm', () => registerWasmTrainingKernels(tf));
  return tf;
}

type ConvCase = {
  b: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  kk: number;
  s: number;
  pad: 'same' | 'valid';
};
/** Strides 1-2, same/valid padding, kernels 1-5 over the given [batch, h, w, inC, outC] sizes. */
function* convCases(sizes: number[][]): Generator<ConvCase> {
  for (const [b, h, w, ci, co] of sizes) {
    for (const kk of [1, 2, 3, 4, 5]) {
      for (const s of [1, 2]) {
        for (const pad of ['same', 'valid'] as const) {
          if (pad === 'valid' && (kk > h || kk > w)) continue;
          yield { b, h, w, ci, co, kk, s, pad };
        }
      }
    }
  }
}

/** Runs `run` on cpu and on wasm: same values within 1e-4 relative, and no tensor left behind on wasm. */
async function expectWasmMatchesCpu(tf: typeof tfNs, run: () => tfNs.Tensor): Promise<void> {
  const ref = await onBackend(tf, 'cpu', () => {
    const t = run();
    const v = t.dataSync().slice();
    t.dispose();
    return v;
  });
  const got = await onBackend(tf, 'wasm', () => {
    // Tensors, and the backend's own buffers: a stand-in that forgets to free an intermediate leaks those.
    const buffers = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    const before = [tf.memory().numTensors, buffers()];
    const t = run();
    const v = t.dataSync().slice();
    t.dispose();
    expect([tf.memory().numTensors, buffers()]).toEqual(before);
    return v;
  });
  expect(got.length).toBe(ref.length);
  for (let i = 0; i < ref.length; i++)
    expect(Math.abs(got[i] - ref[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(ref[i])));
}

describe('training kernels composed for the wasm backend', () => {
  it('Conv2DBackpropFilter matches the cpu backend within 1e-4 relative on random shapes: strides 1-2, same/valid, kernels 1-5, batch 1-64, odd sizes', async () => {
    const tf = await wasmWithKernels();
    const rand = mulberry32(11);
    let cases = 0;
    for (const { b, h, w, ci, co, kk, s, pad } of convCases([
      [1, 5, 7, 1, 3],
      [4, 9, 6, 3, 5],
      [64, 7, 7, 2, 4],
      [2, 14, 14, 8, 16],
    ])) {
      const xv = Float32Array.from({ length: b * h * w * ci }, () => rand() - 0.5);
      const filter = [kk, kk, ci, co] as [number, number, number, number];
      await expectWasmMatchesCpu(tf, () =>
        tf.tidy(() => {
          const x = tf.tensor4d(xv, [b, h, w, ci]);
          const probe = tf.conv2d(x, tf.zeros(filter) as tfNs.Tensor4D, s, pad);
          const dy = tf.tensor4d(
            Float32Array.from({ length: probe.size }, (_, i) => Math.sin(i * 0.7)),
            probe.shape as [number, number, number, number],
          );
          return tf.grad((f: tfNs.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tfNs.Tensor4D, s, pad), dy)))(
            tf.zeros(filter),
          );
        }),
      );
      cases++;
    }
    expect(cases).toBeGreaterThan(60);
    await tf.setBackend('cpu');
  });

  it('Conv2DBackpropInput (input gradients, and every Conv2D Transpose forward) matches the cpu backend within 1e-4 relative', async () => {
    const tf = await wasmWithKernels();
    // Ganvas's composite replaced tfjs's loop kernel (which binds a wasm function in a setupFunc).
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')?.setupFunc).toBeUndefined();
    const rand = mulberry32(12);
    let cases = 0;
    for (const { b, h, w, ci, co, kk, s, pad } of convCases([
      [1, 5, 7, 1, 3],
      [3, 9, 6, 3, 5],
      [64, 7, 7, 2, 4],
      [2, 14, 13, 8, 16],
    ])) {
      const xv = Float32Array.from({ length: b * h * w * ci }, () => rand() - 0.5);
      const fv = Float32Array.from({ length: kk * kk * ci * co }, () => rand() - 0.5);
      // The input gradient of conv2d, then conv2dTranspose forward (the same kernel) on that gradient's shape.
      await expectWasmMatchesCpu(tf, () =>
        tf.tidy(() => {
          const f = tf.tensor4d(fv, [kk, kk, ci, co]);
          const x = tf.tensor4d(xv, [b, h, w, ci]);
          const y = tf.conv2d(x, f, s, pad);
          const dy = tf.tensor4d(
            Float32Array.from({ length: y.size }, (_, i) => Math.sin(i * 0.3)),
            y.shape as [number, number, number, number],
          );
          const dx = tf.grad((xx: tfNs.Tensor) => tf.sum(tf.mul(tf.conv2d(xx as tfNs.Tensor4D, f, s, pad), dy)))(x);
          const up = tf.conv2dTranspose(dy, f, [b, h, w, ci], s, pad);
          return tf.concat([dx.flatten(), up.flatten()]);
        }),
      );
      cases++;
    }
    expect(cases).toBeGreaterThan(60);
    await tf.setBackend('cpu');
  });

  it('UnsortedSegmentSum (the gradient of an Embedding lookup) matches the cpu backend', async () => {
    const tf = await wasmWithKernels();
    for (const [n, vocab, dim] of [
      [1, 3, 1],
      [7, 10, 100],
      [64, 10, 5],
    ]) {
      const ids = Array.from({ length: n }, (_, i) => (i * 7) % vocab);
      await expectWasmMatchesCpu(tf, () =>
        tf.tidy(() =>
          tf.grad((table: tfNs.Tensor) =>
            tf.sum(tf.mul(tf.gather(table, tf.tensor1d(ids, 'int32')), tf.range(0, n * dim).reshape([n, dim]))),
          )(tf.zeros([vocab, dim])),
        ),
      );
    }
    await tf.setBackend('cpu');
  });

  it('BatchMatMul with transposed operands (every Dense gradient) matches the cpu backend, batched and broadcast', async () => {
    const tf = await wasmWithKernels();
    expect((tf.getKernel('BatchMatMul', 'wasm') as { ganvas?: boolean }).ganvas).toBe(true);
    const rand = mulberry32(13);
    let cases = 0;
    for (const [batchA, batchB, m, k, n] of [
      [1, 1, 1, 1, 1],
      [1, 1, 32, 100, 129],
      [1, 1, 4, 64, 300],
      [1, 1, 300, 4, 64],
      [3, 3, 5, 7, 2],
      [1, 4, 6, 3, 5],
      [2, 1, 1, 9, 4],
    ]) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          const av = Float32Array.from({ length: batchA * m * k }, () => rand() - 0.5);
          const bv = Float32Array.from({ length: batchB * k * n }, () => rand() - 0.5);
          await expectWasmMatchesCpu(tf, () =>
            tf.tidy(() =>
              tf.matMul(
                tf.tensor3d(av, ta ? [batchA, k, m] : [batchA, m, k]),
                tf.tensor3d(bv, tb ? [batchB, n, k] : [batchB, k, n]),
                ta,
                tb,
              ),
            ),
          );
          cases++;
        }
      }
    }
    expect(cases).toBe(28);
    // Rank-2 operands, as Dense's gradients pass them: dy·Wᵀ (swapped) and xᵀ·dy (direct).
    expect(productOrientation(4, 64, 300, false, true)).toBe('swapped');
    expect(productOrientation(300, 4, 64, true, false)).toBe('direct');
    const dy = Float32Array.from({ length: 4 * 64 }, () => rand() - 0.5),
      w = Float32Array.from({ length: 300 * 64 }, () => rand() - 0.5),
      x = Float32Array.from({ length: 4 * 300 }, () => rand() - 0.5);
    await expectWasmMatchesCpu(tf, () =>
      tf.tidy(() => tf.matMul(tf.tensor2d(dy, [4, 64]), tf.tensor2d(w, [300, 64]), false, true)),
    );
    await expectWasmMatchesCpu(tf, () =>
      tf.tidy(() => tf.matMul(tf.tensor2d(x, [4, 300]), tf.tensor2d(dy, [4, 64]), true, false)),
    );
    await tf.setBackend('cpu');
  });

  it("Tile (BatchNorm's gradient broadcasts with it) matches the cpu backend for float, int and bool tensors", async () => {
    const tf = await wasmWithKernels();
    expect((tf.getKernel('Tile', 'wasm') as { ganvas?: boolean }).ganvas).toBe(true);
    const cases: [number[], number[]][] = [
      [[], []],
      [[1], [5]],
      [[3], [1]],
      [
        [2, 3],
        [2, 2],
      ],
      [
        [1, 1, 1, 7],
        [4, 3, 2, 1],
      ],
      [
        [2, 1, 3],
        [1, 4, 1],
      ],
      [
        [3, 1],
        [1, 6],
      ],
      [
        [2, 2, 2, 2, 2],
        [1, 2, 1, 3, 1],
      ],
    ];
    for (const [shape, reps] of cases) {
      const size = shape.reduce((a, b) => a * b, 1);
      const values = Array.from({ length: size }, (_, i) => i * 3 - 4);
      for (const dtype of ['float32', 'int32', 'bool'] as const) {
        await expectWasmMatchesCpu(tf, () =>
          tf.tidy(() =>
            tf.tile(tf.tensor(dtype === 'bool' ? values.map((v) => v > 0) : values, shape, dtype), reps).toFloat(),
          ),
        );
      }
    }
    await tf.setBackend('cpu');
  });

  it("Identity shares its input's buffer (no copy) and a clone keeps its values when the original is disposed or a variable it came from is assigned", async () => {
    const tf = await wasmWithKernels();
    await tf.setBackend('wasm');
    const buffers = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    const x = tf.tensor([1, 2, 3]);
    const before = buffers();
    const c = tf.clone(x);
    expect(buffers()).toBe(before);
    x.dispose();
    expect(Array.from(await c.data())).toEqual([1, 2, 3]);
    c.dispose();
    expect(buffers()).toBe(before - 1);
    const v = tf.variable(tf.tensor([4, 5]));
    const saved = tf.clone(v);
    v.assign(tf.tensor([6, 7]));
    expect(Array.from(await saved.data())).toEqual([4, 5]);
    expect(Array.from(await v.data())).toEqual([6, 7]);
    // A gradient that saves its inputs (tfjs clones them under the tape) is unchanged.
    const g = tf.grad((t: tfNs.Tensor) => tf.mul(t, t).sum())(tf.tensor([1, -2, 3]));
    expect(Array.from(await g.data())).toEqual([2, -4, 6]);
    for (const t of [v, saved, g]) t.dispose();
    await tf.setBackend('cpu');
  });

  it('Sum and Mean over leading axes (BatchNorm moments and bias gradients) match the cpu backend; other reductions still work', async () => {
    const tf = await wasmWithKernels();
    expect((tf.getKernel('Sum', 'wasm') as { ganvas?: boolean }).ganvas).toBe(true);
    const rand = mulberry32(14);
    const cases: [number[], number | number[]][] = [
      [
        [32, 14, 14, 64],
        [0, 1, 2],
      ],
      // A window of 50,176 and of 120,000 rows (XNNPACK's pooling takes many passes over so tall a window).
      [
        [64, 28, 28, 1],
        [0, 1, 2],
      ],
      [[120_000, 2], 0],
      [[5, 3], 0],
      [[5, 3], -2],
      [
        [2, 3, 4],
        [1, 0],
      ],
      [
        [7, 1, 1, 9],
        [0, 1, 2],
      ],
      [[4, 6], 1],
      [
        [2, 3, 4],
        [0, 2],
      ],
      [
        [3, 4],
        [0, 1],
      ],
      [[1, 5], 0],
    ];
    for (const [shape, axis] of cases) {
      const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand() - 0.5);
      for (const keepDims of [false, true]) {
        await expectWasmMatchesCpu(tf, () =>
          tf.tidy(() => {
            const x = tf.tensor(values, shape);
            return tf.concat([
              tf.sum(x, axis, keepDims).flatten(),
              tf.mean(x, axis, keepDims).flatten(),
              tf.tensor1d(tf.sum(x, axis, keepDims).shape),
            ]);
          }),
        );
      }
    }
    await tf.setBackend('cpu');
  });
});
