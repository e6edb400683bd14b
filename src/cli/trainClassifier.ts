/**
 * Trains the reference MNIST classifier once and writes the shipped weights:
 *   node scripts/run-cli.mjs --entry src/cli/trainClassifier.ts [--epochs 12] [--backend wasm] [--out FILE]
 * Trains on 8,000 of the bundled 10,000 digits (random shifts of up to 2 pixels as augmentation),
 * holds out every 5th digit (2,000) and records the accuracy of the *quantised* weights on them.
 */
import { hostRows } from '../core/data/host';
import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { parseArgs, intOption, choiceOption } from './args';
import { useBackend } from './backend';
import { mnistPath } from './train';
import { decodeMnist, mnistDataset } from '../core/data/mnist';
import { mulberry32 } from '../core/data/random';
import {
  classifierForward,
  initClassifierWeights,
  NUM_CLASSES,
  type ClassifierWeights,
} from '../core/quality/classifier';
import { quantize, type ClassifierFile } from '../core/quality/quantize';
import { argmaxRows, isHeldOut, ReferenceClassifier } from '../core/quality/reference';

const PIXELS = 784;

/** Copies digit `src` into `dst` at `at`, shifted by (dx, dy) pixels with zeros shifted in. */
function shiftedCopy(src: Float32Array, from: number, dst: Float32Array, at: number, dx: number, dy: number): void {
  for (let y = 0; y < 28; y++) {
    const sy = y - dy;
    if (sy < 0 || sy >= 28) continue;
    for (let x = 0; x < 28; x++) {
      const sx = x - dx;
      if (sx >= 0 && sx < 28) dst[at + y * 28 + x] = src[from + sy * 28 + sx];
    }
  }
}

async function accuracy(w: ClassifierWeights, x: Float32Array, labels: Int32Array): Promise<number> {
  const logits = tf.tidy(() => classifierForward(tf, w, tf.tensor4d(x, [labels.length, 28, 28, 1])).logits);
  const pred = argmaxRows((await logits.data()) as Float32Array);
  logits.dispose();
  return pred.filter((p, i) => p === labels[i]).length / labels.length;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const epochs = intOption(args, 'epochs', 12)!;
  const batch = intOption(args, 'batch', 64)!;
  const out = String(args.options.out ?? 'src/core/quality/classifier-weights.json');
  await useBackend(tf, choiceOption(args, 'backend', ['cpu', 'wasm'] as const, 'wasm'));

  const d = mnistDataset(decodeMnist(readFileSync(mnistPath())), 'sigmoid');
  const trainIdx: number[] = [],
    testIdx: number[] = [];
  for (let i = 0; i < d.count; i++) (isHeldOut(i) ? testIdx : trainIdx).push(i);
  const gather = (idx: number[]) => {
    const x = hostRows(d, idx);
    return { x, y: Int32Array.from(idx, (i) => d.labels![i]) };
  };
  const train = gather(trainIdx),
    test = gather(testIdx);
  console.log(
    `classifier: ${train.y.length} training digits, ${test.y.length} held out; ${epochs} epochs, batch ${batch}, backend ${tf.getBackend()}`,
  );

  const w = initClassifierWeights(tf, 7);
  const vars = Object.values(w);
  const rand = mulberry32(11);
  const t0 = performance.now();
  let opt = tf.train.adam(1e-3);
  for (let e = 0; e < epochs; e++) {
    // The last third at a lower learning rate (a fresh Adam: its moments restart, which is harmless here).
    if (e === Math.ceil((epochs * 2) / 3)) {
      opt.dispose();
      opt = tf.train.adam(2e-4);
    }
    const order = trainIdx.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let lossSum = 0,
      batches = 0;
    for (let b = 0; b + batch <= order.length; b += batch) {
      const xb = new Float32Array(batch * PIXELS),
        yb = new Int32Array(batch);
      for (let k = 0; k < batch; k++) {
        const src = order[b + k];
        shiftedCopy(train.x, src * PIXELS, xb, k * PIXELS, Math.floor(rand() * 5) - 2, Math.floor(rand() * 5) - 2);
        yb[k] = train.y[src];
      }
      const loss = opt.minimize(
        () => {
          const x = tf.tensor4d(xb, [batch, 28, 28, 1]);
          const y = tf.oneHot(tf.tensor1d(yb, 'int32'), NUM_CLASSES);
          return tf.losses.softmaxCrossEntropy(y, classifierForward(tf, w, x).logits) as tf.Scalar;
        },
        true,
        vars,
      )!;
      if (b % (batch * 25) === 0) (lossSum += (await loss.data())[0]), batches++;
      loss.dispose();
    }
    const acc = await accuracy(w, test.x, test.y);
    console.log(
      `epoch ${e + 1}/${epochs}: loss ${(lossSum / batches).toFixed(4)}, held-out accuracy ${(acc * 100).toFixed(2)}%  (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  opt.dispose();

  const weights: ClassifierFile['weights'] = {};
  for (const [name, v] of Object.entries(w)) weights[name] = quantize((await v.data()) as Float32Array, v.shape);
  const file: ClassifierFile = {
    format: 'ganvas-classifier',
    version: 1,
    trainedOn: `bundled MNIST, ${train.y.length} digits (all but every 5th), ${epochs} epochs, Adam, shifts of up to 2 px`,
    testAccuracy: 0,
    testCount: test.y.length,
    weights,
  };
  const ref = new ReferenceClassifier(tf, file);
  const { probs } = await ref.classifyHost(test.x, 'sigmoid');
  ref.dispose();
  file.testAccuracy = +(argmaxRows(probs).filter((p, i) => p === test.y[i]).length / test.y.length).toFixed(4);
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(`quantised (int8) held-out accuracy ${(file.testAccuracy * 100).toFixed(2)}%; wrote ${out}`);
  for (const v of vars) v.dispose();
}

main().catch((e) => {
  console.error(`train-classifier: ${(e as Error).message}`);
  process.exit(1);
});
