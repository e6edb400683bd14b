import { hostRows } from '../../src/core/data/host';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { wasmTf } from '../helpers/tf';
import { decodeMnist, mnistDataset } from '../../src/core/data/mnist';
import type { HostDataset } from '../../src/core/data/host';
import { loadShippedClassifier } from '../../src/core/quality/shippedClassifier';
import { argmaxRows, isHeldOut, ReferenceClassifier } from '../../src/core/quality/reference';
import { MnistQualityMeter, pickIndices, rowsOf } from '../../src/core/quality/mnistQuality';
import { NearestRealMeter } from '../../src/core/quality/nearestReal';
import { dequantize, quantize, type ClassifierFile } from '../../src/core/quality/quantize';
import { TrainingSession } from '../../src/core/train/session';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';

type Tf = Awaited<ReturnType<typeof wasmTf>>;
let tf: Tf;
let file: ClassifierFile;
let mnist: HostDataset;
const bytes = () => readFileSync(resolve(import.meta.dirname, '../../public/data/mnist-10k.bin'));

beforeAll(async () => {
  tf = await wasmTf();
  file = await loadShippedClassifier();
  mnist = mnistDataset(decodeMnist(bytes()), 'tanh');
});

/** The held-out digits (never seen in training), as [0, 1] pixels and labels. */
function heldOut(): { x: Float32Array; y: Int32Array } {
  const d = mnistDataset(decodeMnist(bytes()), 'sigmoid');
  const idx = Array.from({ length: d.count }, (_, i) => i).filter(isHeldOut);
  const x = hostRows(d, idx);
  return { x, y: Int32Array.from(idx, (i) => d.labels![i]) };
}

describe('the shipped reference classifier', () => {
  it('is small, int8-quantised, and round-trips through quantize/dequantize within half a step', () => {
    expect(
      readFileSync(resolve(import.meta.dirname, '../../src/core/quality/classifier-weights.json')).length,
    ).toBeLessThan(300_000);
    const w = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i) * (1 + (i % 3)));
    const back = dequantize(quantize(w, [20, 3]));
    w.forEach((v, i) => expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(((1 + (i % 3)) / 127) * 0.5 + 1e-6));
  });

  it('classifies the 2,000 held-out real digits with the documented accuracy (>= 97%)', async () => {
    expect(file.testAccuracy).toBeGreaterThanOrEqual(0.97);
    const { x, y } = heldOut();
    expect(y.length).toBe(file.testCount);
    const before = tf.memory().numTensors;
    const ref = new ReferenceClassifier(tf, file);
    const { probs, features } = await ref.classifyHost(x, 'sigmoid');
    ref.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(features.length).toBe(y.length * 64);
    const acc = argmaxRows(probs).filter((p, i) => p === y[i]).length / y.length;
    expect(acc).toBeGreaterThanOrEqual(file.testAccuracy - 0.005);
    // Every class is recognised, not just the frequent ones.
    const pred = argmaxRows(probs);
    for (let c = 0; c < 10; c++) {
      const ofC = [...y.keys()].filter((i) => y[i] === c);
      expect(ofC.filter((i) => pred[i] === c).length / ofC.length, `digit ${c}`).toBeGreaterThan(0.9);
    }
  });
});

describe('MNIST sample quality from the classifier', () => {
  it('scores real digits high, noise and one repeated digit low, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const meter = await MnistQualityMeter.create(tf, file, mnist, 'tanh');
    const afterCreate = tf.memory().numTensors;
    const real = await meter.measureReal(mnist, 500);
    expect(real.samples).toBe(500);
    expect(real.classifierScore).toBeGreaterThan(8.5);
    expect(real.confidence).toBeGreaterThan(0.9);
    expect(real.coverage).toBe(10);
    expect(real.confident).toBeGreaterThan(0.9);
    expect(real.fd).toBeLessThan(5);

    const noise = tf.randomUniform([500, 28, 28, 1], -1, 1, 'float32', 5);
    const qn = await meter.measure(noise);
    noise.dispose();
    expect(qn.fd).toBeGreaterThan(20 * real.fd);
    expect(qn.classifierScore).toBeLessThan(3);
    expect(qn.coverage).toBeLessThanOrEqual(3);

    // 500 copies of one real "3" (with the dataset's own scale).
    const three = mnist.labels!.indexOf(3);
    const one = tf.tidy(() => tf.tile(tf.tensor4d(hostRows(mnist, [three]), [1, 28, 28, 1]), [500, 1, 1, 1]));
    const qc = await meter.measure(one);
    one.dispose();
    expect(qc.coverage).toBe(1);
    expect(qc.classShares[3]).toBe(1);
    expect(qc.classifierScore).toBeLessThan(1.01);
    expect(qc.fd).toBeGreaterThan(10 * real.fd);

    expect(tf.memory().numTensors).toBe(afterCreate);
    meter.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('measures a fresh InfoGAN generator: low score, large FD, a code accuracy, and no leaks', async () => {
    const p = loadTemplate('infogan-mnist');
    const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 2 });
    if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('\n'));
    const session = new TrainingSession(tf, res.plan, mnist);
    const meter = await MnistQualityMeter.create(tf, file, mnist, 'tanh', 500);
    const real = await meter.measureReal(mnist, 128);
    const before = tf.memory().numTensors;
    const q = (await meter.measureSession(session, 128))!;
    expect(tf.memory().numTensors).toBe(before);
    expect(q.samples).toBe(128);
    expect(q.codeAccuracy).toBeGreaterThanOrEqual(0.1); // the best matching is at least chance
    expect(q.codeAccuracy).toBeLessThanOrEqual(1);
    expect(q.fd).toBeGreaterThan(5 * real.fd);
    expect(q.classifierScore).toBeLessThan(real.classifierScore - 3);
    // Asked to stop between batches (a pause): gives up after the first batch, leaking nothing.
    let asked = 0;
    expect(await meter.measureSession(session, 128, 1, { batch: 32, shouldStop: () => ++asked > 1 })).toBeUndefined();
    expect(asked).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    meter.dispose();
    session.dispose();
  });
});

describe('conditional GANs: the classifier against the class G was asked for', () => {
  it('reports class agreement for a conditional G only, ~chance for a fresh one, with no leaks', async () => {
    const p = loadTemplate('cgan-mnist');
    const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 4 });
    if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('\n'));
    const session = new TrainingSession(tf, res.plan, mnist);
    const meter = await MnistQualityMeter.create(tf, file, mnist, 'tanh', 500);
    const before = tf.memory().numTensors;
    const q = (await meter.measureSession(session, 200))!;
    expect(tf.memory().numTensors).toBe(before);
    // An untrained G draws one kind of blob whatever the label: right for about one asked-for class in 10.
    expect(q.classAgreement).toBeGreaterThanOrEqual(0);
    expect(q.classAgreement).toBeLessThan(0.3);
    expect(q.codeAccuracy).toBeUndefined();
    const dcgan = compileGraph(loadTemplate('dcgan-mnist').graph, datasetInfo(p.dataset), {
      ...p.training,
      batchSize: 2,
    });
    if (!dcgan.ok) throw new Error('dcgan');
    const plain = new TrainingSession(tf, dcgan.plan, mnist);
    expect((await meter.measureSession(plain, 64))!.classAgreement).toBeUndefined();
    plain.dispose();
    meter.dispose();
    session.dispose();
  });
});

describe('nearest real digit', () => {
  it('puts held-out real digits at their documented distance, copies of pool digits at 0 and noise far away', async () => {
    const before = tf.memory().numTensors;
    const meter = await NearestRealMeter.create(tf, mnist, 'tanh', 300);
    // Real digits the pool does not hold: ~4.7 (pixels in [0, 1], L2 over 784 pixels).
    expect(meter.real).toBeGreaterThan(4);
    expect(meter.real).toBeLessThan(5.5);
    const pooled = pickIndices(
      mnist.count,
      50,
      9,
      new Set(Array.from({ length: mnist.count }, (_, i) => i).filter(isHeldOut)),
    );
    const copies = tf.tensor4d(rowsOf(mnist, pooled), [50, 28, 28, 1]);
    expect(await meter.measure(copies)).toBeLessThan(0.05);
    copies.dispose();
    const noise = tf.randomUniform([50, 28, 28, 1], -1, 1, 'float32', 3);
    expect(await meter.measure(noise)).toBeGreaterThan(2 * meter.real);
    noise.dispose();
    meter.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
