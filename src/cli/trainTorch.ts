/**
 * `npm run train -- <project.json> --engine torch`: the same run on PyTorch. Exports the project (with
 * the training flags applied) into <out>/pytorch/ and runs its train.py with the machine's Python (or
 * `torchrun` with --nproc N), which writes the run folder as the tfjs engine does. Without a Python
 * that imports torch it stops before doing anything and says how to install one.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { intOption, type Args } from './args';
import { useBackend } from './backend';
import { loadModel } from './modelFiles';
import { findTorchPython, TORCH_INSTALL, writePytorchProject } from './pytorchProject';
import { mnistPath } from './train';
import type { GanPlan } from '../core/compile/plan';
import { getDatasetKind } from '../core/datasets';
import type { Project } from '../core/project/types';
import { toy2dQuality } from '../core/quality/toy2d';
import { sampleGeneratorFeed } from '../core/train/feed';

/** Flags train.py takes as they are (value flags, then switches). */
const PASS_VALUES = ['steps', 'sample-every', 'data', 'labels', 'image-size', 'channels', 'device', 'threads', 'init-from', 'checkpoint-every'];
export const TORCH_SWITCHES = ['resume', 'sync-bn', 'amp'];

export async function trainTorch(args: Args, project: Project, plan: GanPlan, out: string, real?: Float32Array): Promise<void> {
  const py = findTorchPython();
  if (!py.ok) {
    throw new Error(`--engine torch needs a Python that imports PyTorch and numpy; none found (${py.tried.join('; ')}). Install one:\n  ${TORCH_INSTALL.join('\n  ')}`);
  }
  const code = join(out, 'pytorch');
  await writePytorchProject(code, plan, project, { dataFiles: false });
  const nproc = intOption(args, 'nproc', 1)!;
  const pass: string[] = ['--out', out];
  for (const k of PASS_VALUES) if (args.options[k] !== undefined && args.options[k] !== true) pass.push(`--${k}`, String(args.options[k]));
  for (const k of TORCH_SWITCHES) if (args.options[k] === true) pass.push(`--${k}`);
  const launcher = nproc > 1 ? ['-m', 'torch.distributed.run', '--standalone', `--nproc_per_node=${nproc}`] : [];
  console.log(`engine: PyTorch ${py.version} (${py.python}${nproc > 1 ? `, torchrun with ${nproc} processes` : ''}); the project is in ${code}`);
  const env = { ...process.env, ...(existsSync(join('public', 'data', 'mnist-10k.bin')) ? { GANVAS_MNIST: mnistPath() } : {}) };
  const r = spawnSync(py.python, [...launcher, join(code, 'train.py'), ...pass], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`python train.py stopped (exit ${r.status ?? r.signal}); its message is above`);
  if (args.options.metrics === true) await finalQuality(project, plan, out, real);
}

/** --metrics under --engine torch: the toy-data quality of the final generator (the tfjs engine measures at every sample point). */
async function finalQuality(project: Project, plan: GanPlan, out: string, real?: Float32Array): Promise<void> {
  const modes = getDatasetKind(project.dataset.kind).modes?.(project.dataset);
  if (!modes || !real) {
    console.log('--metrics with --engine torch: quality is measured for 2-D toy data (at the end of the run); losses are in metrics.jsonl');
    return;
  }
  await useBackend(tf, 'cpu');
  const G = await loadModel(tf, join(out, 'generator'));
  const t = tf.tidy(() => G.predict(sampleGeneratorFeed(tf, plan, 2500, 99).values) as tf.Tensor);
  const fake = (await t.data()) as Float32Array;
  t.dispose();
  G.dispose();
  const q = toy2dQuality(fake, real.subarray(0, 5000), modes);
  const steps = lastStep(out);
  appendFileSync(join(out, 'metrics.jsonl'), `${JSON.stringify({ step: steps, quality: q })}\n`);
  console.log(`quality at step ${steps}: ${q.modesCovered}/${q.modes} modes covered, ${(q.highQuality * 100).toFixed(1)}% high-quality samples, KL ${q.kl.toFixed(3)}, JS ${q.js.toFixed(3)}`);
}

/** The last step in a run's metrics.csv. */
function lastStep(out: string): number {
  const rows = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n');
  return Number(rows[rows.length - 1].split(',')[0]);
}
