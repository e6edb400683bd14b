/**
 * `ganvas sample <run dir> --n N --out FILE [--seed S]`: N samples from a trained generator, as a
 * PNG grid (images; a scatter plot for 2-D data) or as CSV rows of numbers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { intOption, type Args } from './args';
import { useBackend } from './backend';
import { loadModel } from './modelFiles';
import { encodePng } from './png';
import type { GanPlan } from '../core/compile/plan';
import { imageGrid, scatterPlot } from '../core/data/render';
import { cyclingLabels, sampleGeneratorFeed } from '../core/train/feed';
import { toyDataset } from '../core/data/toy2d';

/** A JSON file of a run folder; a damaged one is named in the error. */
function readJson(file: string): Record<string, unknown> {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('expected a JSON object');
    return v;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/** The plan and generator of a run folder written by `train` (or its generator/ folder). */
function runFiles(dir: string): { plan: GanPlan; generatorDir: string; scale: 'tanh' | 'sigmoid' } {
  const root = existsSync(join(dir, 'plan.json')) ? dir : join(dir, '..');
  const generatorDir = existsSync(join(dir, 'model.json')) ? dir : join(root, 'generator');
  if (!existsSync(join(root, 'plan.json')))
    throw new Error(`'${dir}' is not a Ganvas run folder (no plan.json); pass the --out folder of 'npm run train'`);
  const project = join(root, 'project.json');
  const dataset = existsSync(project) ? (readJson(project).dataset as { scale?: unknown } | undefined) : undefined;
  const planFile = join(root, 'plan.json');
  const plan = readJson(planFile) as unknown as GanPlan;
  if (plan.format !== 'ganvas-plan' || !Array.isArray(plan.data?.shape))
    throw new Error(`${planFile}: not a Ganvas plan (written by 'npm run train')`);
  return { plan, generatorDir, scale: dataset?.scale === 'sigmoid' ? 'sigmoid' : 'tanh' };
}

export async function sample(args: Args): Promise<void> {
  const dir = args.positional[0];
  if (!dir) throw new Error('which run? usage: npm run sample -- <run dir> --n N --out FILE');
  const n = intOption(args, 'n', 64)!;
  const seed = intOption(args, 'seed', 1234, 0)!;
  const { plan, generatorDir, scale } = runFiles(resolve(dir));
  const is2d = plan.data.shape.length === 1 && plan.data.shape[0] === 2;
  const out = resolve(String(args.options.out ?? (is2d ? 'samples.csv' : 'samples.png')));
  if (!/\.(png|csv)$/i.test(out)) throw new Error(`--out must end in .png or .csv, got '${out}'`);
  await useBackend(tf, 'cpu');
  const G = await loadModel(tf, generatorDir);
  const values = tf.tidy(
    () => G.predict(sampleGeneratorFeed(tf, plan, n, seed, cyclingLabels(tf, plan, n)).values) as tf.Tensor,
  );
  const flat = (await values.data()) as Float32Array;
  values.dispose();
  const per = flat.length / n;
  if (out.toLowerCase().endsWith('.csv')) {
    const rows = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * per, (i + 1) * per)).join(','));
    const header = is2d ? 'x,y' : Array.from({ length: per }, (_, j) => `v${j}`).join(',');
    writeFileSync(out, `${header}\n${rows.join('\n')}\n`);
  } else {
    const r = is2d
      ? scatterPlot(toyDataset('ring8', 0).values, flat)
      : imageGrid(flat, n, plan.data.shape[0], plan.data.shape[1], plan.data.shape[2] ?? 1, scale);
    writeFileSync(out, encodePng(r.pixels, r.width, r.height, r.channels));
  }
  console.log(`wrote ${n} samples (seed ${seed}) to ${out}`);
}
