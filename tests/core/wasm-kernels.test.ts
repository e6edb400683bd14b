import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { cpuTf } from '../helpers/tf';
import { registerWasmTrainingKernels } from '../../src/core/kernels/wasmTrainingKernels';
import { mulberry32 } from '../../src/core/data/random';

async function onBackend<T>(tf: typeof tfNs, name: string, f: () => T): Promise<T> {
  await tf.setBackend(name);
  await tf.ready();
  return f();
}

describe('training kernels composed for the wasm backend', () => {
  it('matches the cpu backend within 1e-4 relative on random shapes: strides 1-2, same/valid, kernels 1-5, batch 1-64, odd sizes', async () => {
    const tf = await cpuTf();
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(`${join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
    await onBackend(tf, 'wasm', () => registerWasmTrainingKernels(tf));
    const rand = mulberry32(11);
    let cases = 0;
    for (const [b, h, w, ci, co] of [[1, 5, 7, 1, 3], [4, 9, 6, 3, 5], [64, 7, 7, 2, 4], [2, 14, 14, 8, 16]]) {
      for (const kk of [1, 2, 3, 4, 5]) {
        for (const s of [1, 2]) {
          for (const pad of ['same', 'valid'] as const) {
            if (pad === 'valid' && (kk > h || kk > w)) continue;
            const xv = Float32Array.from({ length: b * h * w * ci }, () => rand() - 0.5);
            const filter = [kk, kk, ci, co] as [number, number, number, number];
            const grad = () => tf.tidy(() => {
              const x = tf.tensor4d(xv, [b, h, w, ci]);
              const probe = tf.conv2d(x, tf.zeros(filter) as tfNs.Tensor4D, s, pad);
              const dy = tf.tensor4d(Float32Array.from({ length: probe.size }, (_, i) => Math.sin(i * 0.7)), probe.shape as [number, number, number, number]);
              return tf.grad((f: tfNs.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tfNs.Tensor4D, s, pad), dy)))(tf.zeros(filter));
            });
            const ref = await onBackend(tf, 'cpu', () => { const t = grad(); const v = t.dataSync().slice(); t.dispose(); return v; });
            const got = await onBackend(tf, 'wasm', () => {
              const before = tf.memory().numTensors;
              const t = grad(); const v = t.dataSync().slice(); t.dispose();
              expect(tf.memory().numTensors).toBe(before);
              return v;
            });
            for (let i = 0; i < ref.length; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(ref[i])));
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(60);
    await tf.setBackend('cpu');
  });

  it('Conv2DBackpropInput (input gradients, and every Conv2D Transpose forward) matches the cpu backend within 1e-4 relative', async () => {
    const tf = await cpuTf();
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(`${join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
    await onBackend(tf, 'wasm', () => registerWasmTrainingKernels(tf));
    // Ganvas's composite replaced tfjs's loop kernel (which binds a wasm function in a setupFunc).
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')?.setupFunc).toBeUndefined();
    const rand = mulberry32(12);
    let cases = 0;
    for (const [b, h, w, ci, co] of [[1, 5, 7, 1, 3], [3, 9, 6, 3, 5], [64, 7, 7, 2, 4], [2, 14, 13, 8, 16]]) {
      for (const kk of [1, 2, 3, 4, 5]) {
        for (const s of [1, 2]) {
          for (const pad of ['same', 'valid'] as const) {
            if (pad === 'valid' && (kk > h || kk > w)) continue;
            const xv = Float32Array.from({ length: b * h * w * ci }, () => rand() - 0.5);
            const fv = Float32Array.from({ length: kk * kk * ci * co }, () => rand() - 0.5);
            const filter = [kk, kk, ci, co] as [number, number, number, number];
            // The input gradient of conv2d, then conv2dTranspose forward (the same kernel) on that gradient's shape.
            const run = () => tf.tidy(() => {
              const f = tf.tensor4d(fv, filter);
              const x = tf.tensor4d(xv, [b, h, w, ci]);
              const y = tf.conv2d(x, f, s, pad);
              const dy = tf.tensor4d(Float32Array.from({ length: y.size }, (_, i) => Math.sin(i * 0.3)), y.shape as [number, number, number, number]);
              const dx = tf.grad((xx: tfNs.Tensor) => tf.sum(tf.mul(tf.conv2d(xx as tfNs.Tensor4D, f, s, pad), dy)))(x);
              const up = tf.conv2dTranspose(dy, f, [b, h, w, ci], s, pad);
              return tf.concat([dx.flatten(), up.flatten()]);
            });
            const ref = await onBackend(tf, 'cpu', () => { const t = run(); const v = t.dataSync().slice(); t.dispose(); return v; });
            const got = await onBackend(tf, 'wasm', () => {
              const before = tf.memory().numTensors;
              const t = run(); const v = t.dataSync().slice(); t.dispose();
              expect(tf.memory().numTensors).toBe(before);
              return v;
            });
            expect(got.length).toBe(ref.length);
            for (let i = 0; i < ref.length; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(ref[i])));
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(60);
    await tf.setBackend('cpu');
  });

  it('UnsortedSegmentSum (the gradient of an Embedding lookup) matches the cpu backend', async () => {
    const tf = await cpuTf();
    for (const [n, vocab, dim] of [[1, 3, 1], [7, 10, 100], [64, 10, 5]]) {
      const ids = Array.from({ length: n }, (_, i) => (i * 7) % vocab);
      const run = () => tf.tidy(() => tf.grad((table: tfNs.Tensor) => tf.sum(tf.mul(tf.gather(table, tf.tensor1d(ids, 'int32')),
        tf.range(0, n * dim).reshape([n, dim]))))(tf.zeros([vocab, dim])));
      const ref = await onBackend(tf, 'cpu', () => { const t = run(); const v = t.dataSync().slice(); t.dispose(); return v; });
      const got = await onBackend(tf, 'wasm', () => { const t = run(); const v = t.dataSync().slice(); t.dispose(); return v; });
      expect(Array.from(got)).toEqual(Array.from(ref));
    }
    await tf.setBackend('cpu');
  });
});
