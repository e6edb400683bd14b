import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/core/project/templates';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { TrainingSession } from '../../src/core/train/session';
import { NORM_EVERY } from '../../src/core/train/step';
import type { LayerGradNormPoint } from '../../src/core/train/layerGradNorms';
import { toyDataset } from '../../src/core/data/toy2d';
import { getLoss, gradientPenalty, sigmoidCE, softmaxCE, toLogits } from '../../src/core/losses';
import type { HostDataset } from '../../src/core/data/host';
import type { TrainingConfig } from '../../src/core/project/types';
import { cpuTf } from '../helpers/tf';

function plan(id: string, training: Partial<TrainingConfig> = {}): GanPlan {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, ...training });
  if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('; '));
  return res.plan;
}
function randomImages(n: number): HostDataset {
  const values = new Float32Array(n * 784).map((_, i) => Math.sin(i * 0.37));
  return {
    name: 'synthetic',
    shape: [28, 28, 1],
    count: n,
    numClasses: 10,
    values,
    labels: Int32Array.from({ length: n }, (_, i) => i % 10),
  };
}

// (tests/templates/templates-wasm.test.ts checks every template on wasm the same way)
describe('training on the cpu backend leaks no tensors', () => {
  for (const [id, batch] of [
    ['dcgan-mnist', 2],
    ['cgan-mnist', 4],
    ['wgan-gp-mnist', 2],
  ] as const) {
    it(`${id}: tf.memory().numTensors is flat from step to step`, async () => {
      const tf = await cpuTf();
      const s = new TrainingSession(tf, plan(id, { batchSize: batch, dSteps: 1 }), randomImages(8));
      await s.run(2); // optimizer slots are created on the first steps
      const before = tf.memory().numTensors;
      await s.run(3, { flushEvery: 2 });
      expect(tf.memory().numTensors).toBe(before);
      const samples = s.sample(3);
      expect(samples.shape).toEqual([3, 28, 28, 1]);
      samples.dispose();
      expect(tf.memory().numTensors).toBe(before);
      s.dispose();
    });
  }
});

describe('the 2-D ring GAN', () => {
  it('learns: losses are finite and move, and repeat exactly for the same seed and initial weights', async () => {
    const tf = await cpuTf();
    let initial: { g: import('@tensorflow/tfjs').Tensor[]; d: import('@tensorflow/tfjs').Tensor[] } | undefined;
    const run = async () => {
      const s = new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 64 }), toyDataset('ring8', 2000));
      const G = s.gan.generator.model,
        D = s.gan.discriminator.model;
      if (initial) {
        G.setWeights(initial.g);
        D.setWeights(initial.d);
      } else initial = { g: G.getWeights().map((w) => w.clone()), d: D.getWeights().map((w) => w.clone()) };
      await s.run(60, { flushEvery: 20 });
      const h = s.history;
      s.dispose();
      return h;
    };
    const a = await run();
    expect(a).toHaveLength(60);
    for (const m of a) for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
    const first = a.slice(0, 5).map((m) => m.gLoss),
      last = a.slice(-5).map((m) => m.gLoss);
    expect(first).not.toEqual(last);
    expect(new Set(a.map((m) => m.dLoss.toFixed(6))).size).toBeGreaterThan(30);
    const b = await run();
    expect(b.map((m) => m.dLoss)).toEqual(a.map((m) => m.dLoss));
  });

  it('measures gradient norms every NORM_EVERY steps and holds them in between', async () => {
    const tf = await cpuTf();
    const s = new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 32 }), toyDataset('ring8', 500));
    await s.run(2 * NORM_EVERY + 1, { flushEvery: 7 });
    const g = s.history.map((m) => m.gGradNorm);
    s.dispose();
    expect(g[0]).toBeGreaterThan(0);
    expect(new Set(g.slice(0, NORM_EVERY)).size).toBe(1);
    expect(g[NORM_EVERY]).not.toBe(g[NORM_EVERY - 1]);
    expect(new Set(g.slice(NORM_EVERY, 2 * NORM_EVERY)).size).toBe(1);
  });

  it("measures each layer's gradient norm with the global ones, for exactly the layers with weights, without leaking", async () => {
    const tf = await cpuTf();
    const s = new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 16 }), toyDataset('ring8', 500));
    const sent: LayerGradNormPoint[] = [];
    await s.run(2 * NORM_EVERY + 1, {
      flushEvery: 7,
      onMetrics: (_, layers) => {
        sent.push(...layers);
      },
    });
    // One point per measuring step (1, 11, 21: the history's step numbers), each sent once.
    expect(s.layerGradNorms.map((p) => p.step)).toEqual([1, NORM_EVERY + 1, 2 * NORM_EVERY + 1]);
    expect(sent).toEqual(s.layerGradNorms);
    const weighted = (m: import('@tensorflow/tfjs').LayersModel) =>
      m.layers.filter((l) => l.trainableWeights.length > 0).map((l) => l.name);
    const g = weighted(s.gan.generator.model),
      d = weighted(s.gan.discriminator.model);
    expect([g, d]).toEqual([
      ['g_fc1', 'g_fc2', 'g_xy'],
      ['d_fc1', 'd_fc2', 'd_logit'],
    ]);
    for (const p of s.layerGradNorms) {
      expect(Object.keys(p.norms).sort()).toEqual([...g, ...d].sort());
      const m = s.history.find((x) => x.step === p.step)!;
      for (const [ids, global] of [
        [g, m.gGradNorm],
        [d, m.dGradNorm],
      ] as const) {
        const squares = ids.reduce((a, id) => a + p.norms[id] ** 2, 0);
        expect(Math.abs(squares - global ** 2) / global ** 2).toBeLessThan(1e-4);
        for (const id of ids) expect(p.norms[id]).toBeGreaterThan(0);
      }
    }
    // Measuring steps replace the kept norms: the tensor count is flat across two more measurements.
    const before = tf.memory().numTensors;
    await s.run(2 * NORM_EVERY, { flushEvery: 3 });
    expect(s.layerGradNorms).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });

  it("step by step: D's update taken ahead (phase 2) changes only D, and the finished step equals a whole step", async () => {
    const tf = await cpuTf();
    const make = () => new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 32 }), toyDataset('ring8', 500));
    const weights = (m: import('@tensorflow/tfjs').LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    const whole = make(),
      phased = make();
    await whole.run(3);
    await phased.run(2);
    const before = tf.memory().numTensors;
    const g0 = weights(phased.gan.generator.model),
      d0 = weights(phased.gan.discriminator.model);
    phased.stepper.updateDiscriminatorAhead();
    phased.stepper.updateDiscriminatorAhead(); // a second press is not a second update
    expect(weights(phased.gan.generator.model)).toEqual(g0);
    expect(weights(phased.gan.discriminator.model)).not.toEqual(d0);
    expect(phased.step).toBe(2);
    await phased.run(1);
    expect(phased.history).toEqual(whole.history);
    expect(weights(phased.gan.generator.model)).toEqual(weights(whole.gan.generator.model));
    expect(tf.memory().numTensors - before).toBe(0);
    whole.dispose();
    phased.dispose();
  });

  it('stops at the first step whose loss is NaN or infinite', async () => {
    const tf = await cpuTf();
    const huge = { type: 'sgd' as const, learningRate: 1e9, beta1: 0.5, beta2: 0.999 };
    const s = new TrainingSession(
      tf,
      plan('gan-2d-ring', { batchSize: 32, generator: huge, discriminator: huge }),
      toyDataset('ring8', 500),
    );
    const end = await s.run(200, { flushEvery: 5 });
    s.dispose();
    expect(end.reason).toBe('nonFinite');
    if (end.reason === 'nonFinite') expect(end.step).toBeLessThan(200);
  });
});

describe('losses', () => {
  it('compute the textbook values', async () => {
    const tf = await cpuTf();
    const l = tf.tensor1d([2, -1]);
    const bce1 = (x: number) => Math.log1p(Math.exp(-x)),
      bce0 = (x: number) => Math.log1p(Math.exp(x));
    expect(sigmoidCE(tf, l, 1).dataSync()[0]).toBeCloseTo((bce1(2) + bce1(-1)) / 2, 5);
    expect(sigmoidCE(tf, l, 0.9).dataSync()[0]).toBeCloseTo(
      (0.9 * bce1(2) + 0.1 * bce0(2) + 0.9 * bce1(-1) + 0.1 * bce0(-1)) / 2,
      5,
    );
    const real = tf.tensor1d([1, 3]),
      fake = tf.tensor1d([-2, 0]);
    expect(getLoss('wgan-gp').tfjs.d(tf, real, fake, 1).dataSync()[0]).toBeCloseTo(-1 - 2, 5);
    expect(getLoss('hinge').tfjs.d(tf, real, fake, 1).dataSync()[0]).toBeCloseTo(0 + (0 + 1) / 2, 5);
    expect(getLoss('lsgan').tfjs.d(tf, real, fake, 1).dataSync()[0]).toBeCloseTo(0.5 * ((0 + 4) / 2 + (4 + 0) / 2), 5);
    expect(getLoss('nsgan').tfjs.g(tf, fake).dataSync()[0]).toBeCloseTo((bce1(-2) + bce1(0)) / 2, 5);
    expect(getLoss('minimax').tfjs.g(tf, fake).dataSync()[0]).toBeCloseTo(-(bce0(-2) + bce0(0)) / 2, 5);
    expect(toLogits(tf, tf.tensor1d([0.5, 0.880797]), 'sigmoid').dataSync()[1]).toBeCloseTo(2, 3);
    expect(
      softmaxCE(tf, tf.tensor2d([[0, Math.log(3)]]), tf.tensor1d([1], 'int32'), 'logits').dataSync()[0],
    ).toBeCloseTo(-Math.log(0.75), 5);
  });

  it('gradient penalty of a linear critic is (|w| - 1)²', async () => {
    const tf = await cpuTf();
    const w = tf.tensor2d([[3], [4]]);
    const critic = (x: import('@tensorflow/tfjs').Tensor) => tf.matMul(x as import('@tensorflow/tfjs').Tensor2D, w);
    const gp = gradientPenalty(tf, critic, tf.randomNormal([5, 2]), tf.randomNormal([5, 2]));
    expect(gp.dataSync()[0]).toBeCloseTo(16, 3);
  });
});
