import { describe, expect, it } from 'vitest';
import {
  addNode,
  connect,
  disconnect,
  emptyGraph,
  moveNodes,
  removeNodes,
  renameNode,
  setParams,
  topoOrder,
} from '../../src/core/graph/ops';
import { validateGraph } from '../../src/core/validate/validate';
import { canConnect } from '../../src/core/validate/canConnect';
import { loadTemplate } from '../../src/core/project/templates';
import { datasetInfo } from '../../src/core/datasets';
import type { Graph } from '../../src/core/graph/types';

const MNIST = { shape: [28, 28, 1], numClasses: 10 };

/** The smallest valid GAN: z -> dense -> reshape -> G out; D: data -> flatten -> dense(1) -> head. */
function tinyGan(): Graph {
  let g = emptyGraph();
  g = addNode(g, { id: 'z', type: 'latentNoise', network: 'generator', params: { size: 8 } });
  g = addNode(g, { id: 'g_fc', type: 'dense', network: 'generator', params: { units: 784 } });
  g = addNode(g, { id: 'g_reshape', type: 'reshape', network: 'generator', params: { targetShape: [28, 28, 1] } });
  g = addNode(g, { id: 'g_out', type: 'generatorOutput', network: 'generator' });
  g = addNode(g, { id: 'd_in', type: 'realData', network: 'discriminator' });
  g = addNode(g, { id: 'd_flat', type: 'flatten', network: 'discriminator' });
  g = addNode(g, { id: 'd_fc', type: 'dense', network: 'discriminator', params: { units: 1 } });
  g = addNode(g, { id: 'd_head', type: 'realFakeHead', network: 'discriminator' });
  for (const [s, t] of [
    ['z', 'g_fc'],
    ['g_fc', 'g_reshape'],
    ['g_reshape', 'g_out'],
    ['d_in', 'd_flat'],
    ['d_flat', 'd_fc'],
    ['d_fc', 'd_head'],
  ]) {
    g = connect(g, s, t, 'x');
  }
  return g;
}
const errors = (g: Graph) =>
  validateGraph(g, MNIST)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.message);

describe('pure edit operations', () => {
  it('never change the graph they are given', () => {
    const g = tinyGan();
    const before = JSON.stringify(g);
    setParams(g, 'g_fc', { units: 3 });
    moveNodes(g, { z: { x: 5, y: 5 } });
    removeNodes(g, ['g_fc']);
    renameNode(g, 'g_fc', 'g_dense');
    disconnect(g, [g.edges[0].id]);
    expect(JSON.stringify(g)).toBe(before);
  });

  it('fill new nodes with the block defaults and give them fresh readable names', () => {
    let g = addNode(emptyGraph(), { type: 'conv2d', network: 'discriminator' });
    g = addNode(g, { type: 'conv2d', network: 'discriminator' });
    expect(g.nodes.map((n) => n.id)).toEqual(['d_conv2d1', 'd_conv2d2']);
    expect(g.nodes[0].params).toMatchObject({ filters: 64, kernelSize: 5, strides: 2, padding: 'same' });
  });

  it('replace the old wire of a single-input port but add to a multi-input port', () => {
    let g = tinyGan();
    g = addNode(g, { id: 'g_fc2', type: 'dense', network: 'generator', params: { units: 784 } });
    g = connect(g, 'z', 'g_fc2', 'x');
    g = connect(g, 'g_fc2', 'g_reshape', 'x');
    expect(g.edges.filter((e) => e.target === 'g_reshape').map((e) => e.source)).toEqual(['g_fc2']);
    g = addNode(g, { id: 'g_cat', type: 'concatenate', network: 'generator' });
    g = connect(connect(g, 'z', 'g_cat', 'x'), 'g_fc', 'g_cat', 'x');
    expect(g.edges.filter((e) => e.target === 'g_cat')).toHaveLength(2);
  });

  it('remove a node together with its wires, and rename a node in its wires too', () => {
    const g = removeNodes(tinyGan(), ['g_fc']);
    expect(g.edges.some((e) => e.source === 'g_fc' || e.target === 'g_fc')).toBe(false);
    const r = renameNode(tinyGan(), 'g_fc', 'g_dense');
    expect(r.edges.filter((e) => e.source === 'g_dense' || e.target === 'g_dense')).toHaveLength(2);
    expect(() => renameNode(tinyGan(), 'g_fc', 'z')).toThrow(/already exists/);
  });
});

describe('validation', () => {
  it('accepts the smallest valid GAN and every template', () => {
    expect(errors(tinyGan())).toEqual([]);
    for (const id of ['dcgan-mnist', 'infogan-mnist', 'acgan-mnist', 'gan-2d-ring']) {
      const p = loadTemplate(id);
      expect(validateGraph(p.graph, datasetInfo(p.dataset), { loss: p.training.loss }).ok).toBe(true);
    }
  });

  it('names the node and both shapes when a convolution gets a flat input', () => {
    let g = removeNodes(tinyGan(), ['d_flat']);
    g = addNode(g, { id: 'd_flat', type: 'flatten', network: 'discriminator' });
    g = addNode(g, { id: 'd_conv1', type: 'conv2d', network: 'discriminator' });
    g = connect(connect(connect(g, 'd_in', 'd_flat', 'x'), 'd_flat', 'd_conv1', 'x'), 'd_conv1', 'd_fc', 'x');
    expect(errors(g)).toContain("Conv2D 'd_conv1' expects a 4-D input [batch, h, w, c] but receives [batch, 784]");
  });

  it('reports a cycle on every node in it', () => {
    let g = tinyGan();
    g = addNode(g, { id: 'd_add', type: 'add', network: 'discriminator' });
    g = { ...g, edges: g.edges.filter((e) => e.target !== 'd_fc') };
    g = connect(connect(connect(g, 'd_flat', 'd_add', 'x'), 'd_add', 'd_fc', 'x'), 'd_fc', 'd_add', 'x');
    const msgs = errors(g).filter((m) => m.includes('cycle'));
    expect(msgs.length).toBeGreaterThanOrEqual(2);
    expect(topoOrder(g).cyclic).toEqual(expect.arrayContaining(['d_add', 'd_fc']));
  });

  it('reports a missing input, a dangling output and a generator output of the wrong shape', () => {
    let g = setParams(tinyGan(), 'g_reshape', { targetShape: [28, 14, 2] });
    g = addNode(g, { id: 'd_extra', type: 'dense', network: 'discriminator', params: { units: 3 } });
    g = addNode(g, { id: 'd_orphan', type: 'dropout', network: 'discriminator' });
    g = connect(g, 'd_flat', 'd_extra', 'x');
    const v = validateGraph(g, MNIST);
    const msgs = v.problems.map((p) => `${p.severity}: ${p.message}`);
    expect(msgs).toContain(
      "error: Fake samples G(z) 'g_out' receives [batch, 28, 14, 2] but the real data is [batch, 28, 28, 1]; the generator must produce samples of the real data's shape",
    );
    expect(msgs).toContain("error: Dropout 'd_orphan' has nothing connected to its input 'x'");
    expect(msgs).toContain("warning: Dense 'd_extra''s output is not connected to anything");
    expect(v.ok).toBe(false);
  });

  it('asks for the heads the GAN needs', () => {
    const g = removeNodes(tinyGan(), ['d_head']);
    expect(errors(g)).toContain('the discriminator needs a real/fake head');
    let info = addNode(tinyGan(), { id: 'c', type: 'categoricalCode', network: 'generator' });
    info = addNode(info, { id: 'g_cat', type: 'concatenate', network: 'generator' });
    expect(errors(info)).toContain(
      "the generator has InfoGAN codes but the discriminator has no 'Q codes' head to recover them",
    );
    const wgan = validateGraph(setParams(tinyGan(), 'd_head', { output: 'sigmoid' }), MNIST, { loss: 'wgan-gp' });
    expect(wgan.problems.map((p) => p.message)).toContain(
      'a Wasserstein critic must output an unbounded score: set the real/fake head to logit',
    );
  });

  it('reports invalid params and a block placed in the wrong network', () => {
    let g = setParams(tinyGan(), 'g_fc', { units: 0 });
    g = addNode(g, { id: 'g_data', type: 'realData', network: 'generator' });
    const msgs = errors(g);
    expect(msgs).toContain("Dense 'g_fc': units must be at least 1, got 0");
    expect(msgs).toContain("Images: real | fake 'g_data' belongs in the discriminator, not the generator");
  });

  it('counts parameters and MACs per network', () => {
    const v = validateGraph(tinyGan(), MNIST);
    expect(v.totals.generator.params).toBe(8 * 784 + 784);
    expect(v.totals.discriminator.params).toBe(785);
    expect(v.totals.generator.macs).toBe(8 * 784);
  });
});

describe('canConnect (the editor asks it while a wire is dragged)', () => {
  it('accepts a compatible wire and says what shape it carries', () => {
    const g = disconnect(tinyGan(), ['d_flat->d_fc:x']);
    expect(canConnect(g, 'd_flat', 'd_fc', 'x', MNIST)).toEqual({ ok: true, shape: [1] });
  });
  it('refuses a flat tensor into a convolution, with the reason', () => {
    const g = addNode(tinyGan(), { id: 'd_conv1', type: 'conv2d', network: 'discriminator' });
    expect(canConnect(g, 'd_flat', 'd_conv1', 'x', MNIST)).toEqual({
      ok: false,
      reason: "Conv2D 'd_conv1' expects a 4-D input [batch, h, w, c] but receives [batch, 784]",
    });
  });
  it('refuses cycles, wires across networks and wires out of heads', () => {
    expect(canConnect(tinyGan(), 'd_fc', 'd_flat', 'x', MNIST)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cycle/),
    });
    expect(canConnect(tinyGan(), 'g_fc', 'd_fc', 'x', MNIST)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cannot cross/),
    });
    expect(canConnect(tinyGan(), 'd_head', 'd_fc', 'x', MNIST)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/has no output/),
    });
  });
  it('accepts the first wire into a merge block even though it needs a second', () => {
    const g = addNode(tinyGan(), { id: 'g_cat', type: 'concatenate', network: 'generator' });
    expect(canConnect(g, 'z', 'g_cat', 'x', MNIST)).toEqual({ ok: true });
  });
});
