/**
 * A/B of one wasm kernel inside a whole DCGAN step: tfjs's stock Conv2DBackpropInput vs Ganvas's
 * composite, interleaved in one process (so machine noise hits both alike). Also prints the step's
 * time per kernel (tf.profile) with Ganvas's kernels, to show the next largest cost.
 *   node scripts/run-cli.mjs --entry bench/kernel-ab.ts [batch] [reps]
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/cli/backend';
import { TrainingSession } from '../src/core/train/session';
import { datasetCache, median, planOf, timeOnce } from './common';

const batch = Number(process.argv[2] ?? 32),
  reps = Number(process.argv[3] ?? 3);
const dataset = datasetCache(async () => readFileSync('public/data/mnist-10k.bin'));

await useBackend(tf, 'wasm');
const ours = tf.getKernel('Conv2DBackpropInput', 'wasm')!;
// tfjs's own kernel: register a fresh wasm backend's registry entry is gone, so rebuild it from the package.
const stockModule = await import('@tensorflow/tfjs-backend-wasm/dist/kernels/Conv2DBackpropInput.js' as string).catch(
  () => undefined,
);
const stock = stockModule?.conv2DBackpropInputConfig as tf.KernelConfig | undefined;
const use = (k: tf.KernelConfig) => {
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel(k);
  if (k.setupFunc) k.setupFunc(tf.backend());
};
const s = new TrainingSession(tf, planOf('dcgan-tf-tutorial', batch), await dataset('dcgan-tf-tutorial'));
const a: number[] = [],
  b: number[] = [];
for (let r = -1; r < reps; r++) {
  use(ours);
  const ta = await timeOnce(() => s.stepper.step());
  let tb = NaN;
  if (stock) {
    use(stock);
    tb = await timeOnce(() => s.stepper.step());
  }
  if (r >= 0) {
    a.push(ta);
    b.push(tb);
  }
}
use(ours);
console.log(
  `dcgan-tf-tutorial b${batch} wasm: composite ${median(a).toFixed(0)} ms/step, stock ${stock ? median(b).toFixed(0) : 'n/a'} ms/step (median of ${reps})`,
);
const prof = await tf.profile(() => {
  s.stepper.step();
});
const byKernel = new Map<string, number>();
for (const k of prof.kernels)
  byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + (typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0));
const total = [...byKernel.values()].reduce((x, y) => x + y, 0);
for (const [name, t] of [...byKernel.entries()].sort((x, y) => y[1] - x[1]).slice(0, 10))
  console.log(`  ${name.padEnd(24)} ${t.toFixed(0).padStart(6)} ms  ${((100 * t) / total).toFixed(0)}%`);
const byCall = new Map<string, number>();
for (const k of prof.kernels) {
  if (!k.name.startsWith('Conv2DBackprop')) continue;
  const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
  byCall.set(key, (byCall.get(key) ?? 0) + (typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0));
}
for (const [key, t] of [...byCall.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8))
  console.log(`  ${t.toFixed(0).padStart(6)} ms  ${key}`);
s.dispose();
