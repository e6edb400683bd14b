/**
 * Focused A/B of how images sit on the device, inside a real training step (issue 14):
 *   bytes  — the dataset's bytes packed three to a float32, unpacked and scaled per batch (what Ganvas does);
 *   floats — the same images as float32 values, scaled once on the host (what it did before).
 * Same template, seed and batch; steps alternate between the two sessions so both see the same machine.
 * Also the gather alone (batch from device data), which is all that differs.
 *   node scripts/run-cli.mjs --entry bench/dataStep.ts [template] [batch] [reps] [backend]
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/cli/backend';
import { loadDataset } from '../src/core/datasets';
import { disposeDevice, gatherBatch, toDevice } from '../src/core/data/device';
import { hostRange, type HostDataset } from '../src/core/data/host';
import { loadTemplate } from '../src/core/project/templates';
import { TrainingSession } from '../src/core/train/session';
import { median, planOf, timeOnce } from './common';

const [id = 'dcgan-mnist', batchArg = '64', repsArg = '15', backend = 'wasm'] = process.argv.slice(2);
const batch = Number(batchArg),
  reps = Number(repsArg);
await useBackend(tf, backend as 'wasm' | 'cpu');
const bytes = await loadDataset(loadTemplate(id).dataset, {
  mnistBytes: async () => readFileSync('public/data/mnist-10k.bin'),
});
if (!bytes.pixels) throw new Error(`${id}: its data is not images`);
const floats: HostDataset = {
  name: bytes.name,
  shape: bytes.shape,
  count: bytes.count,
  numClasses: bytes.numClasses,
  labels: bytes.labels,
  values: hostRange(bytes, 0, bytes.count),
};

const a = new TrainingSession(tf, planOf(id, batch), bytes);
const b = new TrainingSession(tf, planOf(id, batch), floats);
const [memA, memB] = [a.data.bytes, b.data.bytes];
const ta: number[] = [],
  tb: number[] = [];
for (let r = -2; r < reps; r++) {
  const [x, y] = r % 2 ? [a, b] : [b, a];
  const tx = await timeOnce(() => x.stepper.step()),
    ty = await timeOnce(() => y.stepper.step());
  if (r < 0) continue;
  (x === a ? ta : tb).push(tx);
  (y === a ? ta : tb).push(ty);
}
// The same losses: the batches hold the same numbers (a and b share seed and initial weights).
const same = JSON.stringify(a.history.slice(0, 3)) === JSON.stringify(b.history.slice(0, 3));
a.dispose();
b.dispose();

// The gather alone: 200 batches from each layout.
const gather = (host: HostDataset) => {
  const d = toDevice(tf, host);
  const t: number[] = [];
  for (let r = 0; r < 200; r++) {
    const idx = tf.randomUniform([batch], 0, host.count, 'int32', r);
    const t0 = performance.now();
    const x = gatherBatch(tf, d, idx);
    x.dataSync();
    t.push(performance.now() - t0);
    tf.dispose([idx, x]);
  }
  disposeDevice(d);
  return median(t);
};
const ga = gather(bytes),
  gb = gather(floats);
console.log(
  JSON.stringify({
    template: id,
    batch,
    backend: tf.getBackend(),
    reps,
    stepMs: {
      bytes: +median(ta).toFixed(1),
      floats: +median(tb).toFixed(1),
      ratio: +(median(ta) / median(tb)).toFixed(3),
    },
    gatherMs: { bytes: +ga.toFixed(3), floats: +gb.toFixed(3) },
    datasetOnDeviceMB: { bytes: +(memA / 2 ** 20).toFixed(1), floats: +(memB / 2 ** 20).toFixed(1) },
    sameLosses: same,
  }),
);
