import { describe, expect, it } from 'vitest';
import type * as tfNs from '@tensorflow/tfjs';
import { TEMPLATE_IDS, loadTemplate } from '../../src/core/project/templates';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { buildGan, disposeGan } from '../../src/core/compile/build';
import { seedGanWeights } from '../../src/core/compile/seededInit';
import { TrainingSession } from '../../src/core/train/session';
import { toyDataset } from '../../src/core/data/toy2d';
import type { TrainingConfig } from '../../src/core/project/types';
import { cpuTf } from '../helpers/tf';

function planOf(id: string, training: Partial<TrainingConfig> = {}): GanPlan {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, ...training });
  if (!res.ok) throw new Error('does not compile');
  return res.plan;
}
const values = (m: tfNs.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('seeded weight initialisation', () => {
  it('every weight of every template has an initializer to re-draw it from', async () => {
    const tf = await cpuTf();
    for (const id of TEMPLATE_IDS) {
      const gan = buildGan(tf, planOf(id));
      const before = tf.memory().numTensors;
      expect([id, seedGanWeights(tf, gan, 1)]).toEqual([id, []]);
      expect(tf.memory().numTensors).toBe(before);
      disposeGan(gan);
    }
  }, 120_000);

  for (const id of ['gan-2d-ring', 'vanilla-gan-mnist']) {
    it(`${id}: the same seed gives the same weights, another seed other weights`, async () => {
      const tf = await cpuTf();
      const plan = planOf(id);
      const [a, b, c] = [buildGan(tf, plan), buildGan(tf, plan), buildGan(tf, plan)];
      expect(values(a.generator.model)).not.toEqual(values(b.generator.model)); // tfjs alone: unseeded
      seedGanWeights(tf, a, 7);
      seedGanWeights(tf, b, 7);
      seedGanWeights(tf, c, 8);
      for (const net of ['generator', 'discriminator'] as const) {
        expect(values(b[net].model)).toEqual(values(a[net].model));
        expect(values(c[net].model)).not.toEqual(values(a[net].model));
      }
      [a, b, c].forEach(disposeGan);
    });
  }

  it("draws from each layer's own initializer: glorot-normal spread, zero biases, BatchNorm gamma 1", async () => {
    const tf = await cpuTf();
    const gan = buildGan(tf, planOf('dcgan-mnist'));
    const std = (v: number[]) =>
      Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length - (v.reduce((s, x) => s + x, 0) / v.length) ** 2);
    seedGanWeights(tf, gan, 42);
    const seededValues = values(gan.generator.model);
    let kernels = 0;
    gan.generator.model.weights.forEach((w, i) => {
      const name = w.originalName.split('/').pop(),
        v = seededValues[i];
      if (name === 'bias' || name === 'beta' || name === 'moving_mean') expect(v.every((x) => x === 0)).toBe(true);
      if (name === 'gamma' || name === 'moving_variance') expect(v.every((x) => x === 1)).toBe(true);
      if (name !== 'kernel') return;
      // tfjs's default kernels are glorot-normal, truncated at two standard deviations (which leaves
      // 0.8796 of the spread): std = 0.8796 * sqrt(2 / (fanIn + fanOut)). The seeded draw is fixed, so
      // this compares fixed numbers with the formula (comparing with tfjs's own unseeded draw was flaky).
      const shape = w.shape as number[];
      const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
      const fans = receptive * (shape[shape.length - 2] + shape[shape.length - 1]);
      expect([w.originalName, std(v) / (0.87962566 * Math.sqrt(2 / fans))]).toEqual([
        w.originalName,
        expect.closeTo(1, 1),
      ]);
      kernels++;
    });
    expect(kernels).toBeGreaterThan(2);
    disposeGan(gan);
  });

  it('the same training seed repeats the first losses exactly; another seed does not', async () => {
    const tf = await cpuTf();
    const data = toyDataset('ring8', 1000);
    const losses = async (seed: number) => {
      const s = new TrainingSession(tf, planOf('gan-2d-ring', { batchSize: 64, seed }), data);
      await s.run(5);
      s.dispose();
      return s.history.map((m) => [m.dLoss, m.gLoss, m.dReal, m.dFake]);
    };
    const [a, b, c] = [await losses(3), await losses(3), await losses(4)];
    expect(b).toEqual(a);
    expect(c[0]).not.toEqual(a[0]);
  });
});
