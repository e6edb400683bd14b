import { floatDevice } from '../../src/core/data/device';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { TEMPLATE_IDS, loadTemplate } from '../../src/core/project/templates';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { buildGan } from '../../src/core/compile/build';
import { datasetInfo } from '../../src/core/datasets';
import { emitModule } from '../../src/core/codegen/emit';
import { GanStep } from '../../src/core/train/step';
import type { TrainingConfig } from '../../src/core/training/types';
import { wasmTf } from '../helpers/tf';

// Inside the repo, so the generated modules resolve @tensorflow/tfjs from its node_modules.
const dir = resolve('.cache', 'export-test');

function planOf(id: string, training: Partial<TrainingConfig> = {}): GanPlan {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 2, dSteps: 1, ...training });
  if (!res.ok) throw new Error(`${id} does not compile`);
  return res.plan;
}
const file = (id: string) => join(dir, `${id}.ts`);
/** The ring with G weight averaging on: the module gains the average (createGan, trainStep, sample). */
const AVERAGED = 'gan-2d-ring-averaged';

describe('exported TypeScript', () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    for (const id of TEMPLATE_IDS) {
      const p = loadTemplate(id);
      writeFileSync(file(id), emitModule(planOf(id), p.name, p.description));
    }
    writeFileSync(file(AVERAGED), emitModule(planOf('gan-2d-ring', { gAverage: 0.9 }), 'averaged'));
  });

  it('is the same text for the same graph', () => {
    const p = loadTemplate('infogan-mnist');
    expect(emitModule(planOf('infogan-mnist'), p.name)).toBe(emitModule(planOf('infogan-mnist'), p.name));
  });

  it('type-checks with tsc --strict for every template', () => {
    const r = spawnSync(
      process.execPath,
      [
        resolve('node_modules/typescript/bin/tsc'),
        '--strict',
        '--noEmit',
        '--target',
        'es2022',
        '--module',
        'esnext',
        '--moduleResolution',
        'bundler',
        '--skipLibCheck',
        '--types',
        'node',
        ...[...TEMPLATE_IDS, AVERAGED].map(file),
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  for (const id of TEMPLATE_IDS) {
    it(`${id}: builds the same models as the app, samples identically with the same weights, and trains`, async () => {
      const tf = await wasmTf();
      const mod = await import(/* @vite-ignore */ file(id));
      const plan = planOf(id);
      const app = buildGan(tf, plan);
      const G: tfNs.LayersModel = mod.buildGenerator(),
        D: tfNs.LayersModel = mod.buildDiscriminator();
      expect(G.countParams()).toBe(plan.generator.params);
      expect(D.countParams()).toBe(plan.discriminator.params);
      expect(G.layers.map((l) => [l.name, l.outputShape])).toEqual(
        app.generator.model.layers.map((l) => [l.name, l.outputShape]),
      );
      expect(D.layers.map((l) => [l.name, l.outputShape])).toEqual(
        app.discriminator.model.layers.map((l) => [l.name, l.outputShape]),
      );

      G.setWeights(app.generator.model.getWeights());
      const feed = mod.sampleGeneratorInputs(3, undefined, 5);
      const ours = app.generator.model.predict(feed.values) as tfNs.Tensor;
      const theirs = G.predict(feed.values) as tfNs.Tensor;
      const diff = tf.max(tf.abs(tf.sub(ours, theirs))).dataSync()[0];
      expect(diff).toBeLessThanOrEqual(1e-5);
      // Their sampling draws the same latents as ours for the same seed.
      const mine = new GanStep(tf, plan, app, floatDevice(tf, tf.zeros([1, ...plan.data.shape]))).sampleGenerator(3, 5);
      for (let i = 0; i < mine.values.length; i++)
        expect(Array.from(mine.values[i].dataSync())).toEqual(Array.from(feed.values[i].dataSync()));

      const images = tf.randomUniform([6, ...plan.data.shape], -1, 1);
      const labels = tf.tensor1d([0, 1, 2, 3, 4, 5], 'int32');
      const gan = { ...mod.createGan(), generator: G, discriminator: D };
      const { dLoss, gLoss } = mod.trainStep(gan, { images, labels });
      expect(Number.isFinite((await dLoss.data())[0])).toBe(true);
      expect(Number.isFinite((await gLoss.data())[0])).toBe(true);
      const s = mod.sample(2, gan);
      expect(s.shape).toEqual([2, ...plan.data.shape]);
      tf.dispose([ours, theirs, images, labels, dLoss, gLoss, s]);
    });
  }

  it("with G weight averaging: each step moves the average 1 − decay of the way to G's weights, and sample() draws from it", async () => {
    const tf = await wasmTf();
    const mod = await import(/* @vite-ignore */ file(AVERAGED));
    expect(mod.TRAINING.gAverage).toBe(0.9);
    const gan = mod.createGan();
    const read = async (m: tfNs.LayersModel) =>
      Promise.all(m.weights.map(async (w) => Array.from(await w.read().data())));
    expect(await read(gan.average)).toEqual(await read(gan.generator));
    const images = tf.randomUniform([8, 2], -1, 1);
    let expected = await read(gan.generator);
    for (let step = 0; step < 2; step++) {
      tf.dispose(Object.values(mod.trainStep(gan, { images }, step)));
      const w = await read(gan.generator);
      expected = expected.map((a, i) => a.map((x, j) => x + 0.1 * (w[i][j] - x)));
    }
    const got = await read(gan.average);
    got.forEach((a, i) => a.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 5)));
    const s = mod.sample(4, gan, 3);
    const direct = gan.average.predict(mod.sampleGeneratorInputs(4, undefined, 3).values) as tfNs.Tensor;
    expect(Array.from(await s.data())).toEqual(Array.from(await direct.data()));
    tf.dispose([images, s, direct]);
  });
});
