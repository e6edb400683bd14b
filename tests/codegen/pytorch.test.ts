import { describe, expect, it } from 'vitest';
import type * as tfNs from '@tensorflow/tfjs';
import { BLOCKS, getBlock } from '../../src/core/blocks';
import { buildGan } from '../../src/core/compile/build';
import { compileGraph } from '../../src/core/compile/plan';
import { seedGanWeights } from '../../src/core/compile/seededInit';
import { PytorchExportError, pytorchProject } from '../../src/core/codegen/pytorch';
import { pythonNames } from '../../src/core/codegen/pytorch/names';
import { kerasTopology } from '../../src/core/codegen/pytorch/topology';
import { datasetInfo, DATASET_KINDS } from '../../src/core/datasets';
import { LOSSES } from '../../src/core/losses';
import { OPTIMIZERS } from '../../src/core/training/optimizers';
import { TEMPLATE_IDS, loadTemplate } from '../../src/core/project/templates';
import { sampleGeneratorFeed } from '../../src/core/train/feed';
import { cpuTf } from '../helpers/tf';

/** The PyTorch generator without Python: registries complete, deterministic text, names, the Keras topology. */
const compiled = (id: string) => {
  const p = loadTemplate(id);
  const r = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!r.ok) throw new Error(id);
  return { project: p, plan: r.plan };
};

describe('PyTorch generator', () => {
  it('every block with a tfjs layer has a PyTorch forward, every input that draws a batch a PyTorch draw; every loss, optimizer and dataset kind a PyTorch form', () => {
    for (const b of BLOCKS) {
      if (b.layer) expect(b.torch?.forward, b.type).toBeTypeOf('function');
      if (b.sample) expect(b.torch?.sample, b.type).toBeTypeOf('function');
    }
    for (const l of LOSSES)
      expect(
        [l.pytorch.d, l.pytorch.g].every((t) => t.length > 0),
        l.id,
      ).toBe(true);
    for (const o of OPTIMIZERS)
      expect(o.pytorch({ type: o.id, learningRate: 0.001, beta1: 0.5, beta2: 0.999 }, 'ps'), o.id).toMatch(
        /\(ps, lr=0\.001/,
      );
    // Whole numbers as floats: torch.optim.Adam refuses betas=(0, 0.9) (ints and floats mixed).
    for (const o of OPTIMIZERS)
      expect(o.pytorch({ type: o.id, learningRate: 1, beta1: 0, beta2: 1 }, 'ps'), o.id).not.toMatch(/[=(, ][01][,)]/);
    for (const k of DATASET_KINDS) expect(k.pytorch?.(k.example), k.id).toMatch(/^ {4}/);
  });

  it('gives the same text for the same graph, for every template', () => {
    for (const id of TEMPLATE_IDS) {
      const { plan, project } = compiled(id);
      expect(pytorchProject(plan, project)).toEqual(pytorchProject(structuredClone(plan), structuredClone(project)));
    }
  });

  it('fails with a clear message, naming the block, when a block has no PyTorch form', () => {
    const { plan, project } = compiled('gan-2d-ring');
    const dense = getBlock('dense');
    const saved = dense.torch;
    try {
      delete dense.torch;
      expect(() => pytorchProject(plan, project)).toThrow(PytorchExportError);
      expect(() => pytorchProject(plan, project)).toThrow(
        "the block Dense (node 'g_fc1') has no PyTorch form yet, so this graph cannot be exported to PyTorch",
      );
    } finally {
      dense.torch = saved;
    }
  });

  it('names modules after the nodes: valid Python, distinct, never a reserved word or an nn.Module attribute', () => {
    const { plan } = compiled('gan-2d-ring');
    // Ids a user may type (letters, digits, _) that collide with Python or PyTorch once used as attributes.
    const ids = ['class', 'n_class', 'forward', 'training', 'self', '_parameters', 'torch', 'labels'];
    plan.generator.layers = ids.map((id, i) => ({
      ...plan.generator.layers[0],
      id: `${id}`,
      inputs: [{ port: 'x', sources: [i ? ids[i - 1] : 'z'] }],
    }));
    const name = pythonNames(plan);
    const names = ids.map(name);
    expect(new Set(names).size).toBe(ids.length);
    for (const n of names) {
      expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(['class', 'forward', 'training', 'self', '_parameters', 'torch', 'labels']).not.toContain(n);
    }
    expect(ids.map(pythonNames(structuredClone(plan)))).toEqual(names); // the same plan, the same names
  });

  for (const id of TEMPLATE_IDS) {
    it(`${id}: the Keras topology written into a PyTorch run's model.json builds the compiled models in tfjs`, async () => {
      const tf = await cpuTf();
      const { plan } = compiled(id);
      const app = buildGan(tf, plan);
      seedGanWeights(tf, app, 3);
      for (const [net, built] of [
        ['generator', app.generator.model],
        ['discriminator', app.discriminator.model],
      ] as const) {
        const m = await tf.models.modelFromJSON({
          modelTopology: kerasTopology(plan[net], net) as tfNs.io.ModelJSON['modelTopology'],
        });
        expect(m.layers.map((l) => [l.name, l.outputShape])).toEqual(built.layers.map((l) => [l.name, l.outputShape]));
        expect(m.weights.map((w) => w.originalName)).toEqual(built.weights.map((w) => w.originalName));
        m.setWeights(built.getWeights());
        if (net === 'generator') {
          const feed = sampleGeneratorFeed(tf, plan, 2, 5);
          const a = await (m.predict(feed.values) as tfNs.Tensor).data(),
            b = await (built.predict(feed.values) as tfNs.Tensor).data();
          expect(Array.from(a)).toEqual(Array.from(b));
        }
        m.dispose();
      }
      app.generator.model.dispose();
      app.discriminator.model.dispose();
    });
  }
});
