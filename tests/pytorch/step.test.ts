import { beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import type * as tfNs from '@tensorflow/tfjs';
import { buildGan } from '../../src/core/compile/build';
import { seedGanWeights } from '../../src/core/compile/seededInit';
import type { GanPlan } from '../../src/core/compile/plan';
import { gatherBatch, toDevice } from '../../src/core/data/device';
import type { HostDataset } from '../../src/core/data/host';
import { sampleGeneratorFeed, type GeneratorFeed } from '../../src/core/train/feed';
import { GanStep, METRICS } from '../../src/core/train/step';
import type { TrainingConfig } from '../../src/core/project/types';
import type { Params } from '../../src/core/blocks';
import { saveModel } from '../../src/cli/modelFiles';
import { cpuTf } from '../helpers/tf';
import { templatePlan, withoutNoise } from './plans';
import { hostTensor, pythonOk, readTensors, writeProject, writeTensors, type HostTensor } from './helpers';

/**
 * One training step from identical weights, batches and latents: the generated project's step and
 * Ganvas's (src/core/train/step.ts) give the same losses and scores (1e-3) and the same updated weights
 * (1e-3, relative to each weight's norm), for every loss, InfoGAN, AC-GAN (sigmoid and softmax heads,
 * label smoothing), k D-steps, RMSprop and SGD. Ganvas's step draws its batches from seeds; the test
 * draws the same tensors from the same seeds (the scheme of GanStep.stepSeed and discriminatorStep),
 * hands them to the Python step, and a drift in that scheme shows up as different losses.
 */
const dir = resolve('.cache', 'pytorch-test', 'step');

/**
 * batch: 4 unless given (InfoGAN's at 4 has BatchNorm units whose gradients cancel to float32 noise, which
 * Adam's sign-like first step amplifies). narrow: the template with narrower layers (node id -> params),
 * the same graph at a fraction of tfjs-cpu's time.
 */
interface StepCase {
  name: string;
  template: string;
  training: Partial<TrainingConfig>;
  batch?: number;
  narrow?: Record<string, Params>;
}
const CASES: StepCase[] = [
  ...(['nsgan', 'minimax', 'lsgan', 'hinge'] as const).map((loss) => ({
    name: `${loss} (vanilla GAN)`,
    template: 'vanilla-gan-mnist',
    training: { loss },
  })),
  { name: 'wgan-gp, 2 D-steps (convolutions, BatchNorm)', template: 'wgan-gp-mnist', training: { dSteps: 2 } },
  {
    name: 'InfoGAN (Q head: categorical and continuous codes; narrower layers)',
    template: 'infogan-mnist',
    training: {},
    batch: 16,
    narrow: {
      g_fc1: { units: 128 },
      g_fc2: { units: 392 },
      g_reshape: { targetShape: [7, 7, 8] },
      g_deconv1: { filters: 8 },
      d_conv1: { filters: 8 },
      d_conv2: { filters: 16 },
      d_fc: { units: 64 },
      q_fc: { units: 32 },
    },
  },
  {
    name: "AC-GAN, tfjs-examples' (embedding × noise, class head, sigmoid and softmax outputs, label smoothing 0.95; narrower layers)",
    template: 'acgan-tfjs-examples',
    training: {},
    narrow: {
      g_embed: { outputDim: 100 },
      g_dense: { units: 288 },
      g_reshape: { targetShape: [3, 3, 32] },
      g_deconv1: { filters: 16 },
      g_deconv2: { filters: 8 },
      d_conv1: { filters: 8 },
      d_conv2: { filters: 8 },
      d_conv3: { filters: 16 },
      d_conv4: { filters: 16 },
    },
  },
  // Batch 16: at 4, G's first kernel (noise + one-hot label into BatchNorm) differed by 1.6-1.8e-3 relative, Adam's
  // sign-like first step amplifying float32 noise in its smallest gradients (as InfoGAN's at 4); at 16 they agree.
  {
    name: 'AC-GAN (one-hot label into G, logit real/fake and class heads on a shared layer)',
    template: 'acgan-mnist',
    training: {},
    batch: 16,
  },
  {
    name: "conditional GAN (label inputs in G and D; D reads the label as an image channel), G's weights averaged (0.9)",
    template: 'cgan-mnist',
    training: { gAverage: 0.9 },
    batch: 16,
  },
  {
    name: 'RMSprop for G, SGD for D, label smoothing 0.9',
    template: 'gan-2d-ring',
    training: {
      realLabel: 0.9,
      generator: { type: 'rmsprop', learningRate: 0.01, beta1: 0.5, beta2: 0.999 },
      discriminator: { type: 'sgd', learningRate: 0.05, beta1: 0.5, beta2: 0.999 },
    },
  },
  {
    // β1 = 0 is WGAN-GP's and SN-GAN's setting; a bare 0 in the exported text made torch refuse the optimizer.
    name: "Adam with β1 0 and β2 0.9 (WGAN-GP's recipe), learning rate 1e-3",
    template: 'gan-2d-ring',
    training: {
      generator: { type: 'adam', learningRate: 0.001, beta1: 0, beta2: 0.9 },
      discriminator: { type: 'adam', learningRate: 0.001, beta1: 0, beta2: 0.9 },
    },
  },
];

/** A small random dataset in the plan's shape (with labels when it has classes). */
function dataset(plan: GanPlan): HostDataset {
  const count = 32,
    size = plan.data.shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: count * size }, (_, i) => Math.sin(i * 12.9898) * 0.9);
  const labels = plan.data.numClasses
    ? Int32Array.from({ length: count }, (_, i) => i % plan.data.numClasses)
    : undefined;
  return { name: 'test', shape: plan.data.shape, count, numClasses: plan.data.numClasses, values, labels };
}

async function feedTensors(prefix: string, f: GeneratorFeed, out: Record<string, HostTensor>) {
  for (const [i, v] of f.values.entries()) out[`${prefix}v${i}`] = await hostTensor(v);
  if (f.labels) out[`${prefix}feed_labels`] = await hostTensor(f.labels);
  for (const [i, c] of f.categorical.entries()) out[`${prefix}cat${i}`] = await hostTensor(c);
  if (f.continuous) out[`${prefix}cont`] = await hostTensor(f.continuous);
}

interface Result {
  c: StepCase;
  metrics: number[];
  before: Record<string, HostTensor>;
  weights: Record<string, HostTensor>;
  out: string;
  /** Weights whose gradient is zero in exact arithmetic (see beforeBatchNorm) and their learning rate. */
  noise: Map<string, number>;
}

/**
 * The biases of layers whose output only feeds BatchNorm: BatchNorm subtracts the batch mean, so their
 * gradient is exactly zero in exact arithmetic and rounding noise in either engine. Adam turns noise into
 * a step of up to one learning rate in a random direction; those weights are checked to move by at most that.
 */
function beforeBatchNorm(plan: GanPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const [prefix, net, lr] of [
    ['g', plan.generator, plan.training.generator.learningRate],
    ['d', plan.discriminator, plan.training.discriminator.learningRate],
  ] as const) {
    for (const l of net.layers) {
      const users = net.layers.filter((u) => u.inputs.some((p) => p.sources.includes(l.id)));
      const heads = net.outputs.some((o) => o.source === l.id);
      if (!heads && users.length && users.every((u) => u.type === 'batchNormalization'))
        out.set(`${prefix}:${l.id}/bias`, lr);
    }
  }
  return out;
}

async function prepare(tf: typeof tfNs, c: StepCase): Promise<Result & { job: object }> {
  const BATCH = c.batch ?? 4;
  const { plan: raw, project } = templatePlan(c.template, { ...c.training, batchSize: BATCH }, c.narrow);
  const plan = withoutNoise(raw);
  const caseDir = join(dir, c.name.replace(/[^\w]+/g, '_'));
  writeProject(join(caseDir, 'project'), plan, project);
  const gan = buildGan(tf, plan);
  seedGanWeights(tf, gan, plan.training.seed);
  // Biases, BatchNorm's scales and statistics off their initial 0 and 1, as in a network that has trained a while:
  // a zero bias after one Adam step is the step itself, whose size is as uncertain as its gradient is small.
  for (const m of [gan.generator.model, gan.discriminator.model]) {
    for (const w of m.weights) {
      const n = w.originalName;
      const v = /(moving_variance|gamma)$/.test(n)
        ? tf.randomUniform(w.shape as number[], 0.5, 1.5, 'float32', 3)
        : /(bias|beta|moving_mean)$/.test(n)
          ? tf.randomNormal(w.shape as number[], 0, 0.3, 'float32', 5)
          : undefined;
      if (v) {
        w.write(v);
        v.dispose();
      }
    }
  }
  await saveModel(tf, gan.generator.model, join(caseDir, 'weights', 'generator'));
  await saveModel(tf, gan.discriminator.model, join(caseDir, 'weights', 'discriminator'));
  const host = dataset(plan);
  const data = toDevice(tf, host);

  // The draws of step 0, as GanStep makes them.
  const cfg = plan.training;
  const base = cfg.seed * 7919 + 0 * 1009;
  const batches: Record<string, HostTensor> = {};
  for (let k = 0; k < cfg.dSteps; k++) {
    const s = base + k * 131,
      p = `d${k}/`;
    const idx = tf.randomUniform([BATCH], 0, data.count, 'int32', s);
    const real = gatherBatch(tf, data, idx);
    batches[`${p}real`] = await hostTensor(real);
    if (plan.usesLabels) batches[`${p}labels`] = await hostTensor(tf.gather(data.labels!, idx));
    await feedTensors(p, sampleGeneratorFeed(tf, plan, BATCH, s + 11), batches);
    batches[`${p}gp_eps`] = await hostTensor(
      tf.randomUniform([BATCH, ...real.shape.slice(1).map(() => 1)], 0, 1, 'float32', s + 23),
    );
  }
  await feedTensors('g/', sampleGeneratorFeed(tf, plan, BATCH, base + 997), batches);
  writeTensors(join(caseDir, 'batches'), batches);

  const before: Record<string, HostTensor> = {};
  for (const [prefix, model] of [
    ['g', gan.generator.model],
    ['d', gan.discriminator.model],
  ] as const) {
    for (const w of model.weights) before[`${prefix}:${w.originalName}`] = await hostTensor(w.read());
  }
  const stepper = new GanStep(tf, plan, gan, data);
  const m = stepper.step();
  const metrics = Array.from(await m.data());
  m.dispose();
  const weights: Record<string, HostTensor> = {};
  for (const [prefix, model] of [
    ['g', gan.generator.model],
    ['d', gan.discriminator.model],
  ] as const) {
    for (const w of model.weights) weights[`${prefix}:${w.originalName}`] = await hostTensor(w.read());
  }
  // G's average (gAverage > 0) as 'gavg:' weights; it starts from G's weights before the step.
  for (const w of stepper.averagedGenerator?.weights ?? []) {
    weights[`gavg:${w.originalName}`] = await hostTensor(w.read());
    before[`gavg:${w.originalName}`] = before[`g:${w.originalName}`];
  }
  stepper.dispose();
  // Kept beside PyTorch's results, to look at when a comparison fails.
  writeTensors(join(caseDir, 'tfjs'), {
    metrics: { shape: [metrics.length], data: Float32Array.from(metrics) },
    ...weights,
  });
  const out = join(caseDir, 'out');
  return {
    c,
    metrics,
    before,
    weights,
    out,
    noise: beforeBatchNorm(plan),
    job: {
      project: join(caseDir, 'project'),
      weights: join(caseDir, 'weights'),
      batches: join(caseDir, 'batches'),
      out,
      batch: BATCH,
      d_steps: cfg.dSteps,
    },
  };
}

/** ||a - b|| / ||b||. */
function normRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0,
    n = 0;
  for (let i = 0; i < b.length; i++) {
    d += (a[i] - b[i]) ** 2;
    n += b[i] ** 2;
  }
  return Math.sqrt(d) / Math.max(Math.sqrt(n), 1e-12);
}

describe("one training step: the generated PyTorch step equals Ganvas's on the same weights, batches and latents", () => {
  const results: Result[] = [];
  beforeAll(async () => {
    const tf = await cpuTf();
    const jobs: object[] = [];
    for (const c of CASES) {
      const r = await prepare(tf, c);
      results.push(r);
      jobs.push(r.job);
    }
    const list = join(dir, 'cases.json');
    writeFileSync(list, JSON.stringify(jobs));
    pythonOk('step_parity.py', [list]);
  }, 600_000);

  for (const c of CASES) {
    it(c.name, () => {
      const r = results.find((x) => x.c === c)!;
      const got = readTensors(r.out);
      const metrics = Array.from(got.metrics.data);
      METRICS.forEach((name, i) => {
        const want = r.metrics[i];
        expect(Math.abs(metrics[i] - want), `${name}: PyTorch ${metrics[i]} vs tfjs ${want}`).toBeLessThanOrEqual(
          1e-3 * Math.max(1, Math.abs(want)),
        );
      });
      let moved = 0;
      for (const [name, want] of Object.entries(r.weights)) {
        // An averaged weight moves 1 − decay of its G weight's step.
        const averaged = name.startsWith('gavg:');
        const gLr = r.noise.get(averaged ? name.replace(/^gavg:/, 'g:') : name);
        const lr = averaged && gLr !== undefined ? gLr * (1 - c.training.gAverage!) : gLr;
        if (lr !== undefined) {
          // Both engines move it by at most one Adam step (the bound of Adam's first update).
          for (const w of [got[name].data, want.data]) {
            const step = Math.max(...Array.from(w, (v, i) => Math.abs(v - r.before[name].data[i])));
            expect(step, `${name} moved by ${step}`).toBeLessThanOrEqual(lr * 1.001);
          }
          continue;
        }
        const d = normRel(got[name].data, want.data);
        expect(d, `${name} after the step differs by ${d.toExponential(2)} (relative)`).toBeLessThanOrEqual(1e-3);
        if (normRel(want.data, r.before[name].data) > 0) moved++;
      }
      if (c.training.gAverage) {
        // The average's move over the step, all its trainable weights together (a move is 1 − decay of G's step,
        // so a weight-relative tolerance alone would pass an average that moved by the wrong amount, or not at
        // all; BatchNorm's statistics are copied, and checked above).
        const moves = (w: Record<string, HostTensor>) =>
          Object.keys(r.weights)
            .filter(
              (k) =>
                k.startsWith('gavg:') &&
                !/moving_(mean|variance)$/.test(k) &&
                r.noise.get(k.replace(/^gavg:/, 'g:')) === undefined,
            )
            .flatMap((k) => Array.from(w[k].data, (v, i) => v - r.before[k].data[i]));
        const want = moves(r.weights);
        expect(want.length).toBeGreaterThan(0);
        const d = normRel(moves(got), want);
        expect(d, `G's average moved differently: ${d.toExponential(2)} (relative)`).toBeLessThanOrEqual(1e-2);
      }
      // The step did update the networks (a comparison of two unchanged copies would pass too).
      expect(moved).toBeGreaterThan(Object.keys(r.weights).length / 2);
    });
  }
});
