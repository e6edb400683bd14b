/**
 * `npm run train -- <project.json> --engine torch`: the same run on PyTorch. Exports the project (with
 * the training flags applied) into <out>/pytorch/ and runs its train.py with the machine's Python (or
 * `torchrun` with --nproc N), which writes the run folder as the tfjs engine does. Without a Python
 * that imports torch it stops before doing anything and says how to install one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { intOption, type Args } from './args';
import { findTorchPython, TORCH_INSTALL, writePytorchProject } from './pytorchProject';
import { mnistPath } from './train';
import type { GanPlan } from '../core/compile/plan';
import type { Project } from '../core/project/types';

/** Flags train.py takes as they are (value flags, then switches). */
const PASS_VALUES = [
  'steps',
  'sample-every',
  'data',
  'labels',
  'image-size',
  'channels',
  'fit',
  'device',
  'threads',
  'init-from',
  'checkpoint-every',
];
export const TORCH_SWITCHES = ['resume', 'sync-bn', 'amp'];
const PASS_SWITCHES = [...TORCH_SWITCHES, 'metrics'];

export async function trainTorch(args: Args, project: Project, plan: GanPlan, out: string): Promise<void> {
  const py = findTorchPython();
  if (!py.ok) {
    throw new Error(
      `--engine torch needs a Python that imports PyTorch and numpy; none found (${py.tried.join('; ')}). Install one:\n  ${TORCH_INSTALL.join('\n  ')}`,
    );
  }
  const code = join(out, 'pytorch');
  await writePytorchProject(code, plan, project, { dataFiles: false });
  const nproc = intOption(args, 'nproc', 1)!;
  const pass: string[] = ['--out', out];
  for (const k of PASS_VALUES)
    if (args.options[k] !== undefined && args.options[k] !== true) pass.push(`--${k}`, String(args.options[k]));
  for (const k of PASS_SWITCHES) if (args.options[k] === true) pass.push(`--${k}`);
  const launcher = nproc > 1 ? ['-m', 'torch.distributed.run', '--standalone', `--nproc_per_node=${nproc}`] : [];
  console.log(
    `engine: PyTorch ${py.version} (${py.python}${nproc > 1 ? `, torchrun with ${nproc} processes` : ''}); the project is in ${code}`,
  );
  const env = {
    ...process.env,
    ...(existsSync(join('public', 'data', 'mnist-10k.bin')) ? { GANVAS_MNIST: mnistPath() } : {}),
  };
  const r = spawnSync(py.python, [...launcher, join(code, 'train.py'), ...pass], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`python train.py stopped (exit ${r.status ?? r.signal}); its message is above`);
}
