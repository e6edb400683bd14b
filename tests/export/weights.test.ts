import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type * as tfNs from '@tensorflow/tfjs';
import { weightsFromZip, weightsToZip } from '../../src/app/export/weightsZip';
import { buildGan, disposeGan, type BuiltGan } from '../../src/core/compile/build';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { firstMismatch, loadWeights, specsOf } from '../../src/core/compile/weights';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import { loadModel } from '../../src/cli/modelFiles';
import { exportModel } from '../../workers/helpers';
import { cpuTf } from '../helpers/tf';

function planOf(id: string): GanPlan {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!res.ok) throw new Error(id);
  return res.plan;
}
const modelsOf = (g: BuiltGan) => ({ generator: g.generator.model, discriminator: g.discriminator.model });
async function zipOf(tf: typeof tfNs, g: BuiltGan, extra: Record<string, string> = {}): Promise<Uint8Array> {
  return weightsToZip(
    {
      generator: await exportModel(tf, g.generator.model),
      discriminator: await exportModel(tf, g.discriminator.model),
    },
    extra,
  );
}
const values = (m: tfNs.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

const tmp = mkdtempSync(join(tmpdir(), 'ganvas-weights-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('weights zip', () => {
  it('holds generator/ and discriminator/ as tfjs layers models that the CLI loader (and tf.loadLayersModel) reads', async () => {
    const tf = await cpuTf();
    const plan = planOf('gan-2d-ring');
    const g = buildGan(tf, plan);
    const files = unzipSync(
      await zipOf(tf, g, {
        'plan.json': JSON.stringify(plan),
        'project.json': JSON.stringify(loadTemplate('gan-2d-ring')),
      }),
    );
    expect(Object.keys(files).sort()).toEqual([
      'discriminator/model.json',
      'discriminator/weights.bin',
      'generator/model.json',
      'generator/weights.bin',
      'plan.json',
      'project.json',
    ]);
    for (const [p, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, p)), { recursive: true });
      writeFileSync(join(tmp, p), bytes);
    }
    const G = await loadModel(tf, join(tmp, 'generator'));
    expect(values(G)).toEqual(values(g.generator.model));
    expect(G.layers.map((l) => l.name)).toEqual(g.generator.model.layers.map((l) => l.name));
    G.dispose();
    disposeGan(g);
    // The unzipped folder is a run folder for the CLI's sampler.
    const r = spawnSync(
      process.execPath,
      ['scripts/run-cli.mjs', 'sample', tmp, '--n', '5', '--out', join(tmp, 's.csv')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(readFileSync(join(tmp, 's.csv'), 'utf8').trim().split('\n')).toHaveLength(6);
  });

  it('loads into freshly built models of the same project: identical weights and outputs, no tensor left over', async () => {
    const tf = await cpuTf();
    const plan = planOf('gan-2d-ring');
    const a = buildGan(tf, plan),
      b = buildGan(tf, plan);
    expect(values(b.generator.model)).not.toEqual(values(a.generator.model));
    const zip = await zipOf(tf, a);
    const before = tf.memory().numTensors;
    loadWeights(tf, modelsOf(b), weightsFromZip(zip));
    expect(tf.memory().numTensors).toBe(before);
    expect(values(b.generator.model)).toEqual(values(a.generator.model));
    expect(values(b.discriminator.model)).toEqual(values(a.discriminator.model));
    const z = tf.randomNormal([5, a.generator.model.inputs[0].shape[1]!], 0, 1, 'float32', 3);
    const [ya, yb] = [a, b].map((g) => g.generator.model.predict(z) as tfNs.Tensor);
    expect(Array.from(yb.dataSync())).toEqual(Array.from(ya.dataSync()));
    tf.dispose([z, ya, yb]);
    disposeGan(a);
    disposeGan(b);
  });

  it('refuses weights of another graph, naming the first mismatch, and changes nothing', async () => {
    const tf = await cpuTf();
    const ring = buildGan(tf, planOf('gan-2d-ring'));
    const p = loadTemplate('gan-2d-ring');
    // The same graph with a wider first hidden layer.
    const wider = {
      ...p.graph,
      nodes: p.graph.nodes.map((n) => (n.id === 'g_fc1' ? { ...n, params: { ...n.params, units: 64 } } : n)),
    };
    const res = compileGraph(wider, datasetInfo(p.dataset), p.training);
    if (!res.ok) throw new Error('wider ring');
    const other = buildGan(tf, res.plan);
    const zip = await zipOf(tf, other);
    const keep = { g: values(ring.generator.model), d: values(ring.discriminator.model) };
    expect(() => loadWeights(tf, modelsOf(ring), weightsFromZip(zip))).toThrow(
      /^generator: 'g_fc1\/kernel' is \[16, 64\] in the file but \[16, 128\] in this project$/,
    );
    expect(values(ring.generator.model)).toEqual(keep.g);
    expect(values(ring.discriminator.model)).toEqual(keep.d);

    // A DCGAN file in a ring project: the first of the ring's weights the file lacks.
    const dcgan = buildGan(tf, planOf('vanilla-gan-mnist'));
    const dcZip = weightsFromZip(await zipOf(tf, dcgan));
    expect(() => loadWeights(tf, modelsOf(ring), dcZip)).toThrow(/^generator: /);
    expect(values(ring.generator.model)).toEqual(keep.g);
    [ring, other, dcgan].forEach(disposeGan);
  });

  it('names what is missing or broken in the zip', () => {
    expect(() => weightsFromZip(new Uint8Array([1, 2, 3]))).toThrow('the file is not a zip');
    const onlyG = weightsToZip({
      generator: { weightSpecs: [], weightData: new ArrayBuffer(0) },
      discriminator: { weightSpecs: [], weightData: new ArrayBuffer(0) },
    });
    const files = unzipSync(onlyG);
    delete files['discriminator/model.json'];
    expect(() => weightsFromZip(zipSync(files))).toThrow('the zip has no discriminator/model.json');
  });

  it("compares specs in the project's layer order, and reports extra weights", () => {
    const e = [
      { name: 'a/kernel', shape: [2, 3], dtype: 'float32' },
      { name: 'b/kernel', shape: [3, 1], dtype: 'float32' },
    ];
    expect(firstMismatch('generator', e, e)).toBeUndefined();
    expect(firstMismatch('generator', e, [e[1], e[0]])).toBeUndefined();
    expect(firstMismatch('generator', e, [e[0]])).toBe(
      "generator: the file has no weights 'b/kernel' ([3, 1] in this project)",
    );
    expect(firstMismatch('generator', e, [...e, { name: 'c/bias', shape: [1], dtype: 'float32' }])).toBe(
      "generator: the file has weights 'c/bias' that no layer of this project has",
    );
  });

  it('specsOf uses the names tf.io saves (layer/weight, not the uniquified variable name)', async () => {
    const tf = await cpuTf();
    const g = buildGan(tf, planOf('gan-2d-ring'));
    const saved = await exportModel(tf, g.generator.model);
    expect(specsOf(g.generator.model).map((s) => s.name)).toEqual(
      (saved.weightSpecs as { name: string }[]).map((s) => s.name),
    );
    disposeGan(g);
  });
});
