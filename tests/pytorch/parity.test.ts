import { beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import type * as tfNs from '@tensorflow/tfjs';
import { buildGan } from '../../src/core/compile/build';
import { seedGanWeights } from '../../src/core/compile/seededInit';
import type { GanPlan } from '../../src/core/compile/plan';
import { sampleGeneratorFeed } from '../../src/core/train/feed';
import { BLOCKS, getBlock } from '../../src/core/blocks';
import { TEMPLATE_IDS } from '../../src/core/project/templates';
import type { Project } from '../../src/core/project/types';
import { saveModel } from '../../src/cli/modelFiles';
import { cpuTf } from '../helpers/tf';
import { blockPlan, probeProject, templatePlan, withoutNoise, type BlockCase } from './plans';
import { hostTensor, pythonOk, readTensors, relDiff, writeProject, writeTensors, type HostTensor } from './helpers';

/**
 * Parity of the generated PyTorch networks with the compiled tfjs models, for every block (in the
 * shapes and settings where the two engines' defaults differ) and every template: the same weights,
 * moved through the tfjs weights format and loaded by the project's own tfjs_weights.load, give the
 * same outputs within 1e-4 (relative) in inference and in training mode (batch statistics; BatchNorm's
 * moving averages after the pass compared too), and the same parameter counts. Dropout and Gaussian
 * noise draw random numbers no two engines share: they are off for the training-mode comparison
 * (their own behaviour is checked statistically in noise.test.ts).
 */
const dir = resolve('.cache', 'pytorch-test', 'parity');
const TOL = 1e-4;

const BLOCK_CASES: BlockCase[] = [
  ...(
    [
      [3, 1, 'same'],
      [4, 2, 'same'],
      [5, 2, 'same'],
      [3, 3, 'same'],
      [2, 2, 'valid'],
      [5, 2, 'valid'],
      [1, 1, 'same'],
    ] as const
  ).map(([k, s, padding]) => ({
    name: `conv2d k${k} s${s} ${padding}`,
    type: 'conv2d',
    params: { filters: 4, kernelSize: k, strides: s, padding },
    input: [9, 7, 3],
  })),
  {
    name: 'conv2d relu, no bias',
    type: 'conv2d',
    params: { filters: 4, kernelSize: 3, strides: 2, activation: 'relu', useBias: false },
    input: [9, 7, 3],
  },
  ...(
    [
      [5, 2, 'same'],
      [4, 2, 'same'],
      [3, 1, 'same'],
      [1, 2, 'same'],
      [2, 3, 'same'],
      [3, 2, 'valid'],
      [1, 3, 'valid'],
      [2, 2, 'valid'],
      [5, 1, 'valid'],
    ] as const
  ).map(([k, s, padding]) => ({
    name: `conv2dTranspose k${k} s${s} ${padding}`,
    type: 'conv2dTranspose',
    params: { filters: 4, kernelSize: k, strides: s, padding },
    input: [5, 4, 3],
  })),
  {
    name: 'conv2dTranspose tanh, no bias',
    type: 'conv2dTranspose',
    params: { filters: 2, kernelSize: 4, strides: 2, activation: 'tanh', useBias: false },
    input: [5, 4, 3],
  },
  ...['maxPooling2d', 'averagePooling2d'].flatMap((type) =>
    (
      [
        [2, 2, 'valid'],
        [3, 2, 'same'],
        [2, 2, 'same'],
        [3, 1, 'same'],
        [3, 3, 'valid'],
        [2, 3, 'same'],
      ] as const
    ).map(([k, s, padding]) => ({
      name: `${type} ${k} /${s} ${padding}`,
      type,
      params: { poolSize: k, strides: s, padding },
      input: [9, 7, 3],
    })),
  ),
  { name: 'dense sigmoid', type: 'dense', params: { units: 5, activation: 'sigmoid' }, input: [12] },
  {
    name: 'dense on an image (channels), softmax',
    type: 'dense',
    params: { units: 4, activation: 'softmax' },
    input: [5, 4, 3],
  },
  { name: 'dense on [len, n], no bias', type: 'dense', params: { units: 3, useBias: false }, input: [4, 5] },
  { name: 'batchNormalization 1-D', type: 'batchNormalization', params: {}, input: [12], train: true },
  {
    name: 'batchNormalization image',
    type: 'batchNormalization',
    params: { momentum: 0.9, epsilon: 0.01 },
    input: [5, 4, 3],
    train: true,
  },
  { name: 'batchNormalization [len, n]', type: 'batchNormalization', params: {}, input: [4, 5], train: true },
  // tfjs cannot train a BatchNorm without gamma or beta (its training branch reads them): inference only.
  {
    name: 'batchNormalization no center',
    type: 'batchNormalization',
    params: { center: false },
    input: [5, 4, 3],
    train: false,
  },
  {
    name: 'batchNormalization no scale',
    type: 'batchNormalization',
    params: { scale: false },
    input: [12],
    train: false,
  },
  { name: 'layerNormalization 1-D', type: 'layerNormalization', params: {}, input: [12] },
  {
    name: 'layerNormalization image (channels)',
    type: 'layerNormalization',
    params: { epsilon: 0.01 },
    input: [5, 4, 3],
  },
  { name: 'layerNormalization no center', type: 'layerNormalization', params: { center: false }, input: [12] },
  { name: 'layerNormalization no scale', type: 'layerNormalization', params: { scale: false }, input: [5, 4, 3] },
  ...['relu', 'leakyRelu', 'tanh', 'sigmoid', 'elu', 'softmax', 'linear'].map((fn) => ({
    name: `activation ${fn} on an image`,
    type: 'activation',
    params: { fn, alpha: 0.2 },
    input: [5, 4, 3],
  })),
  { name: 'activation softmax 1-D', type: 'activation', params: { fn: 'softmax' }, input: [12] },
  { name: 'reshape image -> [21, 9]', type: 'reshape', params: { targetShape: [21, 9] }, input: [9, 7, 3] },
  { name: 'reshape [12] -> image', type: 'reshape', params: { targetShape: [2, 3, 2] }, input: [12] },
  { name: 'reshape image -> image', type: 'reshape', params: { targetShape: [3, 7, 9] }, input: [9, 7, 3] },
  { name: 'reshape [12] -> rank 4', type: 'reshape', params: { targetShape: [2, 1, 3, 2] }, input: [12] },
  { name: 'flatten image', type: 'flatten', params: {}, input: [9, 7, 3] },
  { name: 'flatten [len, n]', type: 'flatten', params: {}, input: [4, 5] },
  { name: 'upSampling2d nearest', type: 'upSampling2d', params: { size: 2 }, input: [5, 4, 2] },
  {
    name: 'upSampling2d bilinear 2',
    type: 'upSampling2d',
    params: { size: 2, interpolation: 'bilinear' },
    input: [5, 4, 2],
  },
  {
    name: 'upSampling2d bilinear 3',
    type: 'upSampling2d',
    params: { size: 3, interpolation: 'bilinear' },
    input: [3, 4, 2],
  },
  { name: 'zeroPadding2d', type: 'zeroPadding2d', params: { padding: 2 }, input: [5, 4, 2] },
  { name: 'concatenate images (channels)', type: 'concatenate', params: {}, input: [5, 4, 3] },
  { name: 'concatenate 1-D', type: 'concatenate', params: {}, input: [12] },
  { name: 'add', type: 'add', params: {}, input: [5, 4, 3] },
  { name: 'multiply', type: 'multiply', params: {}, input: [12] },
  { name: 'embedding', type: 'embedding', params: { inputDim: 10, outputDim: 4 }, input: [3], integers: 10 },
  { name: 'dropout (inference)', type: 'dropout', params: { rate: 0.5 }, input: [12], train: false },
  { name: 'gaussianNoise (inference)', type: 'gaussianNoise', params: { stddev: 0.5 }, input: [5, 4, 3], train: false },
];

interface Prepared {
  name: string;
  want: Record<string, HostTensor>;
  out: string;
  plan: GanPlan;
  train: boolean;
}

/** Random weights (BatchNorm's statistics and scales too, so inference is not the identity) and tfjs's outputs. */
async function prepare(
  tf: typeof tfNs,
  name: string,
  plan: GanPlan,
  project: Project,
  train: boolean,
  integers?: number,
): Promise<Prepared> {
  const slug = name.replace(/[^\w]+/g, '_');
  const caseDir = join(dir, slug);
  writeProject(join(caseDir, 'project'), plan, project);
  const gan = buildGan(tf, plan);
  seedGanWeights(tf, gan, 7);
  for (const m of [gan.generator.model, gan.discriminator.model]) {
    for (const w of m.weights) {
      const n = w.originalName;
      const v = /(moving_variance|gamma)$/.test(n)
        ? tf.randomUniform(w.shape as number[], 0.5, 1.5, 'float32', 3)
        : /(bias|beta|moving_mean)$/.test(n)
          ? tf.randomNormal(w.shape as number[], 0, 0.3, 'float32', 5)
          : undefined;
      if (v) {
        w.write(v);
        v.dispose();
      }
    }
  }
  const weights = join(caseDir, 'weights');
  await saveModel(tf, gan.generator.model, join(weights, 'generator'));
  await saveModel(tf, gan.discriminator.model, join(weights, 'discriminator'));
  const batch = 4;
  const feed = sampleGeneratorFeed(tf, plan, batch, 11);
  const labels = plan.usesLabels ? tf.randomUniform([batch], 0, plan.data.numClasses, 'int32', 13) : undefined;
  const images = integers
    ? tf.floor(tf.randomUniform([batch, ...plan.data.shape], 0, integers, 'float32', 17))
    : tf.randomNormal([batch, ...plan.data.shape], 0, 1, 'float32', 17);
  const dIn = plan.discriminator.inputs.map((input) =>
    input.role === 'data' ? images : getBlock(input.type).sample!(tf, input.params, batch, { labels }).value,
  );
  const inputs: Record<string, HostTensor> = {};
  for (const [i, t] of feed.values.entries()) inputs[`g${i}`] = await hostTensor(t);
  for (const [i, t] of dIn.entries()) inputs[`d${i}`] = await hostTensor(t);
  writeTensors(join(caseDir, 'inputs'), inputs);

  const want: Record<string, HostTensor> = {};
  const asList = (x: tfNs.Tensor | tfNs.Tensor[]) => (Array.isArray(x) ? x : [x]);
  want.g_eval = await hostTensor(gan.generator.model.predict(feed.values) as tfNs.Tensor);
  for (const [i, t] of asList(gan.discriminator.model.predict(dIn) as tfNs.Tensor).entries())
    want[`d_eval${i}`] = await hostTensor(t);
  if (train) {
    want.g_train = await hostTensor(gan.generator.model.apply(feed.values, { training: true }) as tfNs.Tensor);
    for (const [i, t] of asList(gan.discriminator.model.apply(dIn, { training: true }) as tfNs.Tensor).entries())
      want[`d_train${i}`] = await hostTensor(t);
    for (const [prefix, m] of [
      ['g', gan.generator.model],
      ['d', gan.discriminator.model],
    ] as const) {
      for (const w of m.weights) want[`${prefix}:${w.originalName}`] = await hostTensor(w.read());
    }
  }
  gan.generator.model.dispose();
  gan.discriminator.model.dispose();
  return { name, want, out: join(caseDir, 'out'), plan, train };
}

/** Runs every case's Python in one process (PyTorch's import is the slow part) and reads the outputs. */
function runAll(cases: Prepared[]): void {
  const list = join(dir, `${cases[0].name.replace(/[^\w]+/g, '_')}-cases.json`);
  writeFileSync(
    list,
    JSON.stringify(
      cases.map((c) => {
        const base = c.out.slice(0, -'out'.length);
        return {
          project: join(base, 'project'),
          weights: join(base, 'weights'),
          inputs: join(base, 'inputs'),
          out: c.out,
          train: c.train,
        };
      }),
    ),
  );
  pythonOk('parity.py', [list]);
}

function expectParity(c: Prepared): void {
  const got = readTensors(c.out);
  expect(Array.from(got.params.data), `${c.name}: parameter counts`).toEqual([
    c.plan.generator.params,
    c.plan.discriminator.params,
  ]);
  for (const [k, want] of Object.entries(c.want)) {
    expect(got[k]?.shape, `${c.name}: shape of ${k}`).toEqual(want.shape);
    const d = relDiff(got[k].data, want.data);
    expect(d, `${c.name}: ${k} differs by ${d.toExponential(2)} (relative)`).toBeLessThanOrEqual(TOL);
  }
}

describe('PyTorch networks equal the compiled tfjs models on the same weights', () => {
  const blocks: Prepared[] = [],
    templates: Prepared[] = [];
  beforeAll(async () => {
    const tf = await cpuTf();
    for (const c of BLOCK_CASES) {
      const plan = blockPlan(c);
      blocks.push(await prepare(tf, c.name, plan, probeProject(c.name, plan), c.train ?? true, c.integers));
    }
    runAll(blocks);
    for (const id of TEMPLATE_IDS) {
      const { plan, project } = templatePlan(id);
      templates.push(await prepare(tf, id, withoutNoise(plan), project, true));
    }
    runAll(templates);
  }, 600_000);

  it('covers every block of the registry that has a tfjs layer, and every input block draws its values', () => {
    // From the registry, so a new block file is checked here without editing this test.
    const tried = new Set(BLOCK_CASES.map((c) => c.type));
    expect(BLOCKS.filter((b) => b.layer && !tried.has(b.type)).map((b) => b.type)).toEqual([]);
    expect(BLOCKS.filter((b) => b.inputRole && b.inputRole !== 'data' && !b.torch?.sample).map((b) => b.type)).toEqual(
      [],
    );
  });

  for (const c of BLOCK_CASES) it(`block: ${c.name}`, () => expectParity(blocks.find((b) => b.name === c.name)!));
  for (const id of TEMPLATE_IDS)
    it(`template: ${id} (G and D, inference and training mode, counts)`, () =>
      expectParity(templates.find((t) => t.name === id)!));
});
