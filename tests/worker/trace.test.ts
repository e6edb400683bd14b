/**
 * trainer.trace (the layer view's data): one sample of the fixed latent batch followed through every
 * node of G and D, over Comlink in Node on the cpu backend. It is the same sample the sample grid
 * shows, every node's every value comes back with the plan's shape, and no tensor is left behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { probeBatchSize } from '../../src/core/train/probe';
import { planOf, startTrainer, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.api.stop();
  h?.close();
  h = undefined;
});

const prod = (s: number[]) => s.reduce((a, b) => a * b, 1);

describe('trainer.trace over Comlink, cpu backend', () => {
  it("dcgan-mnist: every node of G then D with its shape and all its values; G's output is sample i of the fixed batch; no tensor leak", async () => {
    h = await startTrainer();
    const { plan, data } = planOf('dcgan-mnist', { batchSize: 2 });
    await h.api.init(plan, data, { backend: 'cpu', visualize: false }, h.sink);
    const before = (await h.api.memory()).numTensors;
    const t = await h.api.trace(3);
    expect((await h.api.memory()).numTensors).toBe(before);
    expect([t.sample, t.batch, t.step]).toEqual([3, probeBatchSize(plan), 1]);

    const shapes = new Map(
      [
        ...plan.generator.inputs,
        ...plan.generator.layers,
        ...plan.discriminator.inputs,
        ...plan.discriminator.layers,
      ].map((n) => [n.id, n.shape]),
    );
    const ids = t.layers.map((l) => l.nodeId);
    expect(ids).toEqual([
      ...plan.generator.inputs.map((n) => n.id),
      ...plan.generator.layers.map((n) => n.id),
      'g_out',
      ...plan.discriminator.inputs.map((n) => n.id),
      ...plan.discriminator.layers.map((n) => n.id),
      'd_head',
    ]);
    for (const l of t.layers) {
      if (shapes.has(l.nodeId)) expect(l.shape, l.nodeId).toEqual(shapes.get(l.nodeId));
      expect(l.values.length, l.nodeId).toBe(prod(l.shape));
      expect(l.values.every(Number.isFinite), l.nodeId).toBe(true);
    }
    // Every channel at full resolution: g_deconv1 is 7×7×128, far more than a node tile's 64 channels.
    expect(t.layers.find((l) => l.nodeId === 'g_deconv1')!.values.length).toBe(7 * 7 * 128);

    // G's output is sample 3 of the same seeded batch the sample grid draws...
    const batch = await h.api.sample(probeBatchSize(plan));
    const fake = t.layers.find((l) => l.nodeId === 'g_out')!.values;
    const size = 28 * 28;
    const want = batch.values.subarray(3 * size, 4 * size);
    expect(Math.max(...fake.map((v, k) => Math.abs(v - want[k])))).toBeLessThan(1e-5);
    // ... and D's input is that image; D's verdict is its head's score.
    expect(Array.from(t.layers.find((l) => l.nodeId === 'd_input')!.values)).toEqual(Array.from(fake));
    expect(t.verdict).toEqual({
      head: 'd_head',
      score: t.layers.find((l) => l.nodeId === 'd_head')!.values[0],
      activation: 'logit',
    });
  });

  it('gan-2d-ring: answered while training runs, from a later step, without leaking', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 8 });
    await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    const before = (await h.api.memory()).numTensors;
    await h.api.start();
    await h.waitFor((e): e is never => e.type === 'metrics' && e.step >= 10);
    const t = await h.api.trace(0);
    expect(t.step).toBeGreaterThanOrEqual(10);
    expect(t.layers.find((l) => l.nodeId === 'z')!.values.length).toBe(plan.generator.inputs[0].shape[0]);
    expect(t.layers.find((l) => l.nodeId === 'g_out')!.shape).toEqual([2]);
    await h.api.pause();
    expect((await h.api.memory()).numTensors).toBe(before);
  });
});
