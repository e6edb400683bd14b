/** Templates follow the data: what can follow a new shape or class count does; what cannot is named. */
import { describe, expect, it } from 'vitest';
import { loadTemplate, templateForShape } from '../../src/core/project/templates';
import { compileGraph } from '../../src/core/compile/plan';
import { validateGraph } from '../../src/core/validate/validate';
import { datasetInfo } from '../../src/core/datasets';
import { explainShapeProblems, followData } from '../../src/core/shapes/follow';
import type { DatasetSpec } from '../../src/core/project/types';

const sprites32: DatasetSpec = { kind: 'sprites32', scale: 'tanh' };
const params = (g: ReturnType<typeof followData>['graph'], id: string) => g.nodes.find((n) => n.id === id)!.params;

describe('following the data', () => {
  it('a conditional MLP GAN (Dense → Reshape) follows 32×32 RGB sprites with 4 classes whole, and trains-ready', () => {
    const p = loadTemplate('cgan-mlp-mnist');
    const { graph, changed } = followData(p.graph, datasetInfo(sprites32));
    expect(changed.sort()).toEqual(['d_label', 'g_label', 'g_pixels', 'g_reshape']);
    expect(params(graph, 'g_label').classes).toBe(4);
    expect(params(graph, 'g_pixels').units).toBe(3072);
    expect(params(graph, 'g_reshape').targetShape).toEqual([32, 32, 3]);
    expect(compileGraph(graph, datasetInfo(sprites32), p.training).ok).toBe(true);
    // The original graph is untouched (the store keeps it for undo).
    expect(params(p.graph, 'g_label').classes).toBe(10);
  });

  it('AC-GAN (tfjs-examples): the label, its embedding, the class head and the channels follow; the image size cannot, and the problem says where to change it', () => {
    const p = loadTemplate('acgan-tfjs-examples');
    const info = datasetInfo(sprites32);
    const { graph, changed } = followData(p.graph, info);
    expect(changed.sort()).toEqual(['d_class', 'g_deconv3', 'g_embed', 'label']);
    expect([
      params(graph, 'label').classes,
      params(graph, 'g_embed').inputDim,
      params(graph, 'd_class').units,
      params(graph, 'g_deconv3').filters,
    ]).toEqual([4, 4, 4, 3]);
    const problems = explainShapeProblems(
      graph,
      info,
      validateGraph(graph, info, { loss: 'nsgan', batchSize: 8 }).problems,
      templateForShape,
    );
    const g = problems.find((x) => x.nodeId === 'g_out')!;
    expect(g.message).toBe(
      "Fake samples G(z) 'g_out' receives [batch, 28, 28, 3] but the real data is [batch, 32, 32, 3]; the generator must produce samples of the real data's shape: " +
        "change where G's images start ('g_reshape', 3×3×384) or its upsampling ('g_deconv1', 'g_deconv2', 'g_deconv3') so that it ends at 32×32, or start from the template 'DCGAN 32×32 RGB (small)'",
    );
  });

  it('2-D points: an MLP generator ending in Dense(2) is already right; changing nothing changes nothing', () => {
    const p = loadTemplate('gan-2d-ring');
    expect(followData(p.graph, { shape: [2], numClasses: 0 }).changed).toEqual([]);
    expect(followData(p.graph, { shape: [2], numClasses: 0 }).graph).toBe(p.graph);
  });
});
