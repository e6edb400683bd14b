import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, loadTemplate } from '../../src/core/project/templates';
import { datasetInfo } from '../../src/core/datasets';
import { compileGraph } from '../../src/core/compile/plan';
import { buildGan } from '../../src/core/compile/build';
import { GanStep, METRICS } from '../../src/core/train/step';
import { toyDataset } from '../../src/core/data/toy2d';
import { cpuTf } from '../helpers/tf';
import { floatDevice } from '../../src/core/data/device';
import type { GanPlan } from '../../src/core/compile/plan';

/** Random data of the plan's shape: the templates' wiring is what is under test here, not MNIST. */
function fakeData(tf: Awaited<ReturnType<typeof cpuTf>>, plan: GanPlan, n = 16) {
  if (plan.data.shape.length === 1 && plan.data.shape[0] === 2) {
    const d = toyDataset('ring8', n);
    return floatDevice(tf, tf.tensor(d.values, [n, 2]));
  }
  return floatDevice(
    tf,
    tf.randomUniform([n, ...plan.data.shape], -1, 1),
    tf.tensor1d(
      Array.from({ length: n }, (_, i) => i % 10),
      'int32',
    ),
  );
}

/** Radford et al.'s 64×64 DCGAN (G 19 million parameters): two steps on tfjs's cpu backend take ~110 s on a quiet machine here. */
const BIG = new Set(['dcgan-sprites64']);

describe('every template', () => {
  for (const id of TEMPLATE_IDS) {
    it(
      `${id} validates, compiles and trains two steps with finite losses`,
      async () => {
        const tf = await cpuTf();
        const p = loadTemplate(id);
        const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 2 });
        if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('\n'));
        expect(res.problems.filter((x) => x.severity === 'error')).toEqual([]);
        const gan = buildGan(tf, res.plan);
        const data = fakeData(tf, res.plan);
        const stepper = new GanStep(tf, res.plan, gan, data);
        for (let i = 0; i < 2; i++) {
          const m = stepper.step();
          const v = Array.from(await m.data());
          m.dispose();
          expect(v).toHaveLength(METRICS.length);
          for (const x of v) expect(Number.isFinite(x)).toBe(true);
        }
        const out = gan.generator.model.outputs[0].shape;
        expect(out.slice(1)).toEqual(res.plan.data.shape);
      },
      BIG.has(id) ? 600_000 : undefined,
    );
  }
});
