/**
 * Issue 18, by hand: project files and edits that try to be more than data. Each is refused with the
 * path of the field (or the node at fault) and a message that says why, or works as data.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { ProjectError, parseProject, tryParseProject } from '../../src/core/project/schema';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { addNode, connect, renameNode, topoOrder } from '../../src/core/graph/ops';
import { validateGraph } from '../../src/core/validate/validate';
import { PROTOTYPE_NAMES } from '../../src/core/graph/ids';
import { LIMITS } from '../../src/core/limits';
import { estimateMemory } from '../../src/core/validate/limitProblems';
import { inferShapes } from '../../src/core/shapes/infer';
import { idxDataset, parseIdx } from '../../src/core/data/idx';
import { useEditor } from '../../src/state/store';
import { validationOf } from '../../src/state/validation';
import { resetEditor } from '../state/resetEditor';
import { TEMPLATE_IDS } from '../../src/core/project/templates';

const ring = () => JSON.parse(readFileSync('templates/gan-2d-ring.json', 'utf8'));
const refusal = (input: unknown): ProjectError => {
  const r = tryParseProject(input);
  if (r.ok) throw new Error('accepted');
  expect(r.error).toBeInstanceOf(ProjectError);
  return r.error;
};
/** The ring with node 1 (g_fc1) renamed, wires included. */
function renamed(id: string) {
  const p = ring();
  const old = p.graph.nodes[1].id;
  p.graph.nodes[1].id = id;
  for (const e of p.graph.edges) {
    if (e.source === old) e.source = id;
    if (e.target === old) e.target = id;
  }
  return p;
}

describe('node ids that are Object.prototype members', () => {
  for (const id of ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty']) {
    it(`'${id}' is refused at load with the field path, from a file text and from an object`, () => {
      for (const input of [renamed(id), JSON.stringify(renamed(id))]) {
        const e = refusal(input);
        expect(e.path).toBe('graph.nodes[1].id');
        expect(e.reason).toContain(`'${id}' is a name every JavaScript object already has`);
      }
    });
  }

  it("is refused by the editor's rename with the same message, and the graph stays as it was", () => {
    resetEditor();
    const before = useEditor.getState().doc.graph;
    const msg = useEditor.getState().rename('g_dense', 'constructor');
    expect(msg).toMatch(/^'constructor' is a name every JavaScript object already has .* choose another name$/);
    expect(useEditor.getState().doc.graph).toBe(before);
    expect(useEditor.getState().rename('g_dense', '_hidden')).toBe(
      "'_hidden' is not a valid name: use a letter, then letters, digits and _ (like g_dense1)",
    );
    expect(useEditor.getState().rename('g_dense', 'a\u001bb')).toBe(
      '"a\\u001bb" is not a valid name: use a letter, then letters, digits and _ (like g_dense1)',
    );
    expect(() => renameNode(before, 'g_dense', 'toString')).toThrow(/Object.prototype.toString/);
    expect(() => addNode(before, { id: 'valueOf', type: 'dense', network: 'generator' })).toThrow(
      /Object.prototype.valueOf/,
    );
    expect(PROTOTYPE_NAMES).toEqual(new Set(Object.getOwnPropertyNames(Object.prototype)));
  });

  it('(why: tfjs itself cannot reload a model with such a layer, nor build a layer whose name starts with _)', async () => {
    await tf.setBackend('cpu');
    const x = tf.input({ shape: [2] });
    const model = tf.model({
      inputs: x,
      outputs: tf.layers.dense({ units: 1, name: 'constructor' }).apply(x) as tf.SymbolicTensor,
    });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    await expect(tf.loadLayersModel(tf.io.fromMemory(saved!))).rejects.toThrow();
    expect(() => tf.layers.dense({ units: 1, name: '_x' }).apply(tf.input({ shape: [2] }))).toThrow(
      /Not a valid tensor name/,
    );
    model.dispose();
  });

  it('ordinary ids keep working: the ring still loads and compiles', () => {
    const p = parseProject(renamed('Constructor_2'));
    expect(compileGraph(p.graph, datasetInfo(p.dataset), p.training).ok).toBe(true);
  });
});

describe('keys from the file are data', () => {
  it('a parameter named like a prototype member is refused like any unknown parameter', () => {
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      // JSON text, so that "__proto__" is an own key (as JSON.parse makes it), not a prototype.
      const text = JSON.stringify(ring()).replace('"units":128', `"units":128,"${key}":3`);
      expect(text).toContain(key);
      const e = refusal(text);
      expect(e.message).toBe(`graph.nodes[1].params.${key}: Dense has no parameter '${key}'`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a top-level "__proto__" key changes no prototype', () => {
    const p = parseProject(JSON.stringify(ring()).replace('{', '{"__proto__":{"polluted":1},'));
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the parser', () => {
  it('refuses version null (and any non-whole version) with its path instead of reading it as 0', () => {
    for (const [v, shown] of [
      [null, 'null'],
      ['1', '"1"'],
      [1.5, '1.5'],
      [-1, '-1'],
      [[1], '[1]'],
    ] as const) {
      const e = refusal({ ...ring(), version: v });
      expect(e.path).toBe('version');
      expect(e.reason).toBe(`expected a whole number (1 for this Ganvas), got ${shown}`);
    }
    const old = ring();
    delete old.version;
    expect(parseProject(old).version).toBe(1);
  });

  it('measures nesting before any recursion and names the path, for text, objects and cycles', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const text = `{"format":"ganvas","version":1,"description":${'['.repeat(200_000)}1${']'.repeat(200_000)}}`;
    for (const input of [{ ...ring(), description: deep }, text]) {
      const e = refusal(input);
      expect(e.path).toBe(`description${'[0]'.repeat(LIMITS.nesting.value - 1)}`);
      expect(e.reason).toBe(
        'nested more than 32 levels deep; the limit is 32 levels of nesting in a project file (a project nests 6)',
      );
    }
    const loop: Record<string, unknown> = { ...ring() };
    loop.viewport = loop;
    expect(refusal(loop).reason).toMatch(/nested more than 32 levels/);
  });

  it('refuses more nodes than the limit, before reading them', () => {
    const p = ring();
    p.graph.nodes = Array.from({ length: LIMITS.nodes.value + 1 }, () => 'not even a node');
    expect(refusal(p).message).toBe('graph.nodes: 5,001 entries; the limit is 5,000 nodes in a graph');
  });

  it('escapes control characters it echoes (an ESC sequence cannot reach a terminal)', () => {
    const p = ring();
    p.graph.nodes[2].type = '\u001b[2J\u001b]0;owned\u0007';
    const e = refusal(p);
    expect(e.message).toBe('graph.nodes[2].type: unknown block type "\\u001b[2J\\u001b]0;owned\\u0007"');
    expect(/[\u0000-\u001f]/.test(e.message)).toBe(false);
    const key = ring();
    key.graph.nodes[1].params['\u001b[31m\u202e'] = 1;
    expect(refusal(key).message).toBe(
      'graph.nodes[1].params["\\u001b[31m\\u202e"]: Dense has no parameter "\\u001b[31m\\u202e"',
    );
    const id = renamed('bad\nid');
    expect(refusal(id).message).toBe(
      'graph.nodes[1].id: "bad\\nid" is not a valid name: use a letter, then letters, digits and _ (like g_dense1)',
    );
    expect(refusal({ ...ring(), name: 12 }).message).toBe('name: expected text, got 12');
    expect(refusal({ ...ring(), viewport: { x: 0, y: 0, zoom: Infinity } }).message).toBe(
      'viewport.zoom: expected a number, got Infinity',
    );
  });
});

describe('cycles', () => {
  it('name exactly the nodes on the loop, not those downstream of it', () => {
    const p = parseProject(ring());
    // d_fc1 -> d_a -> d_b -> d_a is a loop; d_c hangs below it and is not on it.
    let g = addNode(
      addNode(addNode(p.graph, { id: 'd_a', type: 'add', network: 'discriminator' }), {
        id: 'd_b',
        type: 'dense',
        network: 'discriminator',
      }),
      { id: 'd_c', type: 'dense', network: 'discriminator' },
    );
    g = connect(
      connect(connect(connect(g, 'd_fc1', 'd_a', 'x'), 'd_a', 'd_b', 'x'), 'd_b', 'd_a', 'x'),
      'd_b',
      'd_c',
      'x',
    );
    expect(topoOrder(g).cyclic.sort()).toEqual(['d_a', 'd_b', 'd_c']);
    const v = validateGraph(g, datasetInfo(p.dataset), { loss: 'nsgan' });
    const cycle = v.problems.filter((q) => q.message.includes('cycle'));
    expect(cycle.map((q) => q.nodeId)).toEqual(['d_a', 'd_b']);
    expect(cycle[0].message).toBe("Add 'd_a' is part of a cycle (d_a -> d_b -> d_a); a network must flow one way");
    expect(v.problems.filter((q) => q.nodeId === 'd_c' && q.severity === 'error')).toEqual([]);
  });

  it('a loop of three names its three nodes in order, and a self-loop its one node', () => {
    const p = parseProject(ring());
    let g = p.graph;
    for (const id of ['d_x', 'd_y', 'd_z']) g = addNode(g, { id, type: 'add', network: 'discriminator' });
    g = connect(connect(connect(g, 'd_x', 'd_y', 'x'), 'd_y', 'd_z', 'x'), 'd_z', 'd_x', 'x');
    g = connect(addNode(g, { id: 'd_self', type: 'add', network: 'discriminator' }), 'd_self', 'd_self', 'x');
    const msgs = validateGraph(g, datasetInfo(p.dataset))
      .problems.filter((q) => q.message.includes('cycle'))
      .map((q) => q.message);
    expect(msgs).toEqual([
      "Add 'd_x' is part of a cycle (d_x -> d_y -> d_z -> d_x); a network must flow one way",
      "Add 'd_y' is part of a cycle (d_x -> d_y -> d_z -> d_x); a network must flow one way",
      "Add 'd_z' is part of a cycle (d_x -> d_y -> d_z -> d_x); a network must flow one way",
      "Add 'd_self' is part of a cycle (d_self -> d_self); a network must flow one way",
    ]);
  });
});

describe('size limits', () => {
  for (const units of [1e9, 3_000_000]) {
    it(`a Dense of ${units.toLocaleString('en-US')} units loads, but does not compile: the node, the limit and the estimate are named`, () => {
      const p = ring();
      p.graph.nodes[1].params.units = units;
      const project = parseProject(p);
      const res = compileGraph(project.graph, datasetInfo(project.dataset), project.training);
      expect(res.ok).toBe(false);
      const errors = res.problems.filter((q) => q.severity === 'error');
      const layer = errors.find((q) => q.nodeId === 'g_fc1')!;
      const params = 16 * units + units;
      expect(layer.message).toContain(
        `Dense 'g_fc1' has ${params.toLocaleString('en-US')} parameters; the limit is 20,000,000 parameters in one layer`,
      );
      const memory = errors.find((q) => q.message.startsWith('training at batch 256 needs about'))!;
      expect(memory.message).toMatch(
        /needs about [\d,.]+ GB \(weights .*\); the limit is 2 GB of estimated training memory/,
      );
      expect(memory.nodeId).toBeDefined();
    });
  }

  it('the editor shows the same problems (Problems list, status bar) and follows the batch size', () => {
    resetEditor();
    const s = useEditor.getState();
    s.setParam('g_dense', 'units', 3_000_000);
    const problems = validationOf(useEditor.getState().doc).problems.filter(
      (q) => q.nodeId === 'g_dense' && q.severity === 'error',
    );
    expect(problems.map((q) => q.message).join('\n')).toMatch(
      /Dense 'g_dense' has 300,000,000 parameters; the limit is 20,000,000/,
    );
    resetEditor();
    const at = (batchSize: number) => {
      useEditor.getState().setTraining({ batchSize });
      return validationOf(useEditor.getState().doc).problems.some((q) =>
        q.message.includes('estimated training memory'),
      );
    };
    expect(at(64)).toBe(false);
    expect(at(4096)).toBe(true);
  });

  it('every template fits within the limits at its batch size (memory and networks within half)', () => {
    for (const id of TEMPLATE_IDS) {
      const p = parseProject(readFileSync(`templates/${id}.json`, 'utf8'));
      const shapes = inferShapes(p.graph, datasetInfo(p.dataset));
      const m = estimateMemory(p.graph, shapes, p.training.batchSize, p.training.loss);
      // The largest is Radford et al.'s 64×64 RGB DCGAN, as the paper built it: G of 19 million parameters,
      // ~740 MB to train at batch 32; the MNIST and 2-D templates are far smaller (InfoGAN, the largest of
      // them: 290 MB at batch 64, networks of 6.7 million).
      expect(m.total, id).toBeLessThan(LIMITS.memoryBytes.value / 2);
      expect(Math.max(shapes.totals.generator.params, shapes.totals.discriminator.params), id).toBeLessThan(
        LIMITS.networkParams.value / 2,
      );
      // Its largest layer, the 5×5 transposed convolution from 1024 to 512 channels, has 13.1 million.
      expect(Math.max(...p.graph.nodes.map((n) => shapes.nodes[n.id].params)), id).toBeLessThan(
        LIMITS.layerParams.value,
      );
    }
  });
});

describe('data files are named in their errors', () => {
  it('a truncated .gz names the file', async () => {
    const idx = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8]);
    const gz = gzipSync(idx);
    await expect(parseIdx(gz.subarray(0, gz.length - 6), 'train-images.idx.gz')).rejects.toThrow(
      /^train-images.idx.gz: the gzip data is damaged or cut off/,
    );
    await expect(idxDataset(gz.subarray(0, 12), undefined, 'tanh', 'x', { images: '/data/x.gz' })).rejects.toThrow(
      /^\/data\/x.gz: /,
    );
  });

  it('many labels do not overflow the stack (no Math.max(...labels))', async () => {
    const n = 300_000;
    const header = (magic: number, dims: number[]) => [
      0,
      0,
      8,
      magic,
      ...dims.flatMap((d) => [d >>> 24, (d >>> 16) & 255, (d >>> 8) & 255, d & 255]),
    ];
    const images = new Uint8Array([...header(3, [n, 1, 1]), ...new Uint8Array(n)]);
    const labels = new Uint8Array([...header(1, [n]), ...Uint8Array.from({ length: n }, (_, i) => i % 7)]);
    expect((await idxDataset(images, labels, 'tanh')).numClasses).toBe(7);
  });
});
