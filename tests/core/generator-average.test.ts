import { describe, expect, it } from 'vitest';
import type * as tfNs from '@tensorflow/tfjs';
import { loadTemplate } from '../../src/core/project/templates';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { TrainingSession } from '../../src/core/train/session';
import { toyDataset } from '../../src/core/data/toy2d';
import type { TrainingConfig } from '../../src/core/project/types';
import { parseTraining } from '../../src/core/training/parse';
import { ActivationProbe } from '../../src/core/train/probe';
import { exportModel } from '../../workers/helpers';
import type { GanWeights } from '../../src/core/compile/weights';
import { cpuTf } from '../helpers/tf';

function plan(id: string, training: Partial<TrainingConfig> = {}): GanPlan {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, ...training });
  if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('; '));
  return res.plan;
}

const values = async (ts: tfNs.Tensor[]) => Promise.all(ts.map(async (t) => Array.from(await t.data())));
const weightsOf = (m: tfNs.LayersModel) => values(m.weights.map((w) => w.read()));

/**
 * G's weight averaging (the gAverage setting): samples come from an exponential moving average of G's
 * weights; training is unchanged. The generated PyTorch step computes the same average (tests/pytorch/step.test.ts).
 */
describe('G weight averaging', () => {
  it('is off unless set, and a project file refuses a decay of 1 or more', () => {
    expect(parseTraining({}).gAverage).toBe(0);
    expect(parseTraining({ gAverage: 0.99 }).gAverage).toBe(0.99);
    expect(() => parseTraining({ gAverage: 1 })).toThrow(/training\.gAverage/);
  });

  it('after each step moves the average 1 − decay of the way to G; samples come from it; training is unchanged', async () => {
    const tf = await cpuTf();
    const data = toyDataset('ring8', 500);
    const decay = 0.9;
    const plain = new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 16, gAverage: 0 }), data);
    const avg = new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 16, gAverage: decay }), data);
    expect(plain.stepper.averagedGenerator).toBeUndefined();
    expect(avg.stepper.averagedGenerator).toBeDefined();
    // At the start the average is G: the same samples.
    const [s0] = await values([avg.sample(8)]);
    const [p0] = await values([plain.sample(8)]);
    expect(s0).toEqual(p0);

    let expected = await weightsOf(avg.gan.generator.model);
    for (let k = 0; k < 3; k++) {
      await avg.run(1);
      const w = await weightsOf(avg.gan.generator.model);
      expected = expected.map((a, i) => a.map((x, j) => x + (1 - decay) * (w[i][j] - x)));
    }
    await plain.run(3);
    // Training does not read the average: G's weights are the plain run's.
    expect(await weightsOf(avg.gan.generator.model)).toEqual(await weightsOf(plain.gan.generator.model));
    const average = avg.stepper.averagedGenerator!;
    const got = await weightsOf(average);
    got.forEach((a, i) => a.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 5)));

    // Samples come from the average: a G with the averaged weights draws them.
    const [fromAverage] = await values([avg.sample(8)]);
    const feed = avg.fixedFeed(8);
    const direct = average.predict(feed.values) as tfNs.Tensor;
    expect(fromAverage).toEqual(Array.from(await direct.data()));
    expect(fromAverage).not.toEqual((await values([plain.sample(8)]))[0]);
    direct.dispose();
    for (const t of [...feed.values, ...feed.categorical]) t.dispose();
    plain.dispose();
    avg.dispose();
  });

  it('restarts from G when the weights are replaced, follows the setting while paused, and leaks no tensors', async () => {
    const tf = await cpuTf();
    const s = new TrainingSession(tf, plan('dcgan-mnist-small', { batchSize: 2, gAverage: 0.99 }), {
      name: 'synthetic',
      shape: [28, 28, 1],
      count: 8,
      numClasses: 10,
      values: new Float32Array(8 * 784).map((_, i) => Math.sin(i * 0.37)),
    });
    await s.run(2);
    const before = tf.memory().numTensors;
    await s.run(3, { flushEvery: 2 });
    expect(tf.memory().numTensors).toBe(before);
    const average = () => s.stepper.averagedGenerator;
    // BatchNorm's moving statistics are the average's own (from its passes on the steps' latents), not G's: G's
    // do not fit the averaged weights. They moved from where the average started (G's at the first step).
    const g = s.gan.generator.model.weights,
      a = average()!.weights;
    const stat = g.findIndex((w) => w.originalName.endsWith('moving_mean'));
    expect(stat).toBeGreaterThanOrEqual(0);
    const [ga, aa] = [(await values([g[stat].read()]))[0], (await values([a[stat].read()]))[0]];
    expect(aa).not.toEqual(ga);
    expect(aa.every(Number.isFinite)).toBe(true);
    const kernel = g.findIndex((w) => w.trainable && w.originalName.endsWith('kernel'));
    expect((await values([a[kernel].read()]))[0]).not.toEqual((await values([g[kernel].read()]))[0]);

    s.stepper.restartFromWeights();
    expect(await weightsOf(average()!)).toEqual(await weightsOf(s.gan.generator.model));

    s.configure({ ...s.stepper.config, gAverage: 0 });
    expect(s.stepper.averagedGenerator).toBeUndefined();
    s.configure({ ...s.stepper.config, gAverage: 0.999 });
    expect(await weightsOf(average()!)).toEqual(await weightsOf(s.gan.generator.model));
    s.configure({ ...s.stepper.config, gAverage: 0 });
    s.configure({ ...s.stepper.config, gAverage: 0.99 });
    // Averages switched off are disposed: with it on again and the optimizers' slots made again, as many tensors as before.
    await s.run(2);
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });

  it("the app's Samples tile (G's output head) comes from the average; G's inner layers show G as it trains", async () => {
    const tf = await cpuTf();
    const s = new TrainingSession(tf, plan('gan-2d-ring', { batchSize: 16, gAverage: 0.9 }), toyDataset('ring8', 500));
    await s.run(5);
    const probe = (averaged: boolean) =>
      new ActivationProbe(
        tf,
        s.plan,
        s.gan,
        s.fixedFeed(64),
        tf.randomNormal([64, 2]),
        undefined,
        {},
        averaged ? () => s.stepper.samplingGenerator : undefined,
      );
    const [avg, plain] = [probe(true), probe(false)];
    const tiles = async (p: ActivationProbe) => Object.fromEntries((await p.read()).map((t) => [t.nodeId, t]));
    const [a, b] = [await tiles(avg), await tiles(plain)];
    expect(a.g_out.kind).toBe('scatter');
    expect(a.g_out.stats).not.toEqual(b.g_out.stats);
    expect(a.g_fc2.stats).toEqual(b.g_fc2.stats);
    // The samples-only read (live activations off) draws the same tile as the full probe.
    expect((await avg.readSamples())!.stats).toEqual(a.g_out.stats);
    // With the average restarted from G, both probes draw the same samples.
    s.stepper.restartFromWeights();
    expect((await avg.readSamples())!.stats).toEqual((await plain.readSamples())!.stats);
    avg.dispose();
    plain.dispose();
    s.dispose();
  });

  it("a run's written generator (the averaged one) loaded into another session is what that session samples from", async () => {
    const tf = await cpuTf();
    const p = plan('gan-2d-ring', { batchSize: 16, gAverage: 0.9 });
    const data = toyDataset('ring8', 500);
    const a = new TrainingSession(tf, p, data);
    await a.run(5);
    const w = {
      generator: await exportModel(tf, a.stepper.samplingGenerator),
      discriminator: await exportModel(tf, a.gan.discriminator.model),
    } as unknown as GanWeights;
    const b = new TrainingSession(tf, p, data);
    b.replaceWeights(w);
    const [fromA, fromB] = await values([a.sample(16), b.sample(16)]);
    expect(fromB).toEqual(fromA);
    a.dispose();
    b.dispose();
  });
});
