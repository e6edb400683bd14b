/**
 * The loss registry's contract: for every loss, the exported TypeScript's loss functions equal the tfjs
 * form the training step runs (same inputs, 1e-5), the exported trainStep trains with it, and a project
 * file naming it reads back. A new loss file is covered by adding its registry line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { LOSSES } from '../../src/core/losses';
import { loadTemplate } from '../../src/core/project/templates';
import { parseProject, serializeProject } from '../../src/core/project/schema';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { emitModule } from '../../src/core/codegen/emit';
import { cpuTf } from '../helpers/tf';

const dir = resolve('.cache', 'loss-contract');
const file = (id: string) => join(dir, `ring-${id}.ts`);

/** The ring template with this loss, a logit head (Wasserstein critics need one) and label smoothing 0.9. */
function projectWith(loss: string) {
  const p = loadTemplate('gan-2d-ring');
  const graph = {
    ...p.graph,
    nodes: p.graph.nodes.map((n) =>
      n.type === 'realFakeHead' ? { ...n, params: { ...n.params, output: 'logit' } } : n,
    ),
  };
  return { ...p, graph, training: { ...p.training, loss, realLabel: 0.9, batchSize: 16, dSteps: 1 } };
}

describe('every loss in the registry', () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    for (const l of LOSSES) {
      const p = projectWith(l.id);
      const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
      if (!res.ok) throw new Error(`${l.id}: ${res.problems.map((x) => x.message).join('; ')}`);
      writeFileSync(file(l.id), emitModule(res.plan, p.name, p.description));
    }
  });

  for (const l of LOSSES) {
    it(`${l.id}: the exported TypeScript computes the same D and G losses as the training step, and trains`, async () => {
      const tf = await cpuTf();
      const mod = await import(/* @vite-ignore */ file(l.id));
      const real = tf.tensor2d([[2.5], [-0.7], [0.1], [4]]),
        fake = tf.tensor2d([[-3], [0.4], [1.2], [-0.2]]);
      const same = (a: tfNs.Tensor, b: tfNs.Tensor) => expect(a.dataSync()[0]).toBeCloseTo(b.dataSync()[0], 5);
      same(mod.discriminatorLoss(real, fake), l.tfjs.d(tf, real, fake, 0.9));
      same(mod.generatorLoss(fake), l.tfjs.g(tf, fake));

      const gan = mod.createGan();
      const data = { images: tf.randomNormal([64, 2]) };
      for (let step = 0; step < 3; step++) {
        const { dLoss, gLoss } = mod.trainStep(gan, data, step);
        for (const v of [dLoss, gLoss]) expect(Number.isFinite((await v.data())[0])).toBe(true);
      }
    });

    it(`${l.id}: a project file with this loss reads back unchanged`, () => {
      const p = projectWith(l.id);
      expect(parseProject(serializeProject(p)).training.loss).toBe(l.id);
    });
  }

  it('a project naming a loss that is not in the registry is refused with the path and the choices', () => {
    const p = projectWith('nsgan');
    expect(() => parseProject({ ...p, training: { ...p.training, loss: 'wasserstein' } })).toThrow(
      /^training\.loss: must be one of nsgan, minimax, lsgan, wgan-gp, hinge/,
    );
  });
});
