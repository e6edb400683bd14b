import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { weightsFromZip, weightsToZip } from '../../src/app/export/weightsZip';
import { cyclingLabels, sampleGeneratorFeed } from '../../src/core/train/feed';
import { cpuTf } from '../helpers/tf';
import { planOf, startTrainer, type Harness } from '../worker/harness';
import { templatePlan } from './plans';
import {
  hostTensor,
  pythonOk,
  readTensors,
  relDiff,
  runPython,
  writeProject,
  writeTensors,
  type HostTensor,
} from './helpers';

/**
 * The way back: train a few steps in the app's trainer (the worker API over Comlink, as the page drives
 * it), export its weights zip, continue training in the PyTorch project from it (--init-from), zip the
 * PyTorch run's generator/ and discriminator/ as a user would, import that into a fresh trainer: the app's
 * samples for a seed equal PyTorch's own samples of the same latents and labels (1e-4). The conditional GAN:
 * class labels in G and D, BatchNorm (its moving statistics decide inference-mode samples), dropout.
 */
const dir = resolve('.cache', 'pytorch-test', 'roundtrip');
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.api.stop();
    h.close();
  }
});

async function trainer(): Promise<Harness> {
  const h = await startTrainer();
  open.push(h);
  const { plan, data } = planOf('cgan-mnist', { batchSize: 8 });
  await h.api.init(plan, data, { backend: 'cpu', visualize: false, quality: false }, h.sink);
  return h;
}

/** A folder's files as a zip (what zipping a run folder gives). */
function zipFolder(root: string, names: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[`run/${relative(root, p)}`] = readFileSync(p);
    }
  };
  for (const n of names) walk(join(root, n));
  return zipSync(files);
}

describe('app -> PyTorch -> app', () => {
  it("continues the app's training in PyTorch and brings the result back: the app samples what PyTorch samples", async () => {
    const app = await trainer();
    for (let i = 0; i < 2; i++) await app.api.step();
    mkdirSync(dir, { recursive: true });
    const appZip = join(dir, 'app-weights.zip');
    writeFileSync(appZip, weightsToZip(await app.api.exportWeights()));

    const { plan, project } = templatePlan('cgan-mnist', { batchSize: 8 });
    const code = writeProject(join(dir, 'project'), plan, project);
    const run = join(dir, 'run');
    const r = runPython(
      [join(code, 'train.py'), '--steps', '3', '--out', run, '--init-from', appZip, '--threads', '2'],
      { env: { GANVAS_MNIST: resolve('public', 'data', 'mnist-10k.bin') } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`weights from ${appZip}`);

    // The latents the app's sample(n, seed) draws, and PyTorch's samples of them from its run.
    const tf = await cpuTf();
    const n = 9,
      seed = 5;
    const feed = sampleGeneratorFeed(tf, plan, n, seed, cyclingLabels(tf, plan, n));
    const inputs: Record<string, HostTensor> = {};
    for (const [i, v] of feed.values.entries()) inputs[`g${i}`] = await hostTensor(v);
    writeTensors(join(dir, 'latents'), inputs);
    pythonOk('sample.py', [code, run, join(dir, 'latents'), join(dir, 'torch-samples')]);
    const torchSamples = readTensors(join(dir, 'torch-samples')).samples;

    const back = await trainer();
    const before = await back.api.sample(n, seed);
    await back.api.importWeights(weightsFromZip(zipFolder(run, ['generator', 'discriminator'])));
    const got = await back.api.sample(n, seed);
    expect(got.shape).toEqual([n, 28, 28, 1]);
    expect(relDiff(before.values, torchSamples.data)).toBeGreaterThan(0.01); // a fresh trainer samples something else
    const d = relDiff(got.values, torchSamples.data);
    expect(d, `app vs PyTorch samples differ by ${d.toExponential(2)}`).toBeLessThanOrEqual(1e-4);
    // And training goes on in the app from the PyTorch weights.
    const m = await back.api.step();
    expect(Number.isFinite(m.dLoss) && Number.isFinite(m.gLoss)).toBe(true);
  }, 900_000);
});
