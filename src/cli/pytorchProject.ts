/**
 * Writing a generated PyTorch project to disk (export --target pytorch, train --engine torch), and
 * finding a Python that imports torch.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import type { GanPlan } from '../core/compile/plan';
import type { DataSources } from '../core/datasets';
import type { Project } from '../core/project/types';
import { pytorchDataFiles, pytorchProject } from '../core/codegen/pytorch';
import { mnistPath } from './train';

/** The bytes of a data source, as Node has them. */
const SOURCES: Record<keyof DataSources, () => Uint8Array> = {
  mnistBytes: () => readFileSync(mnistPath()),
  custom: () => {
    throw new Error('imported data is not bundled into an export');
  },
};

/** Writes the project's files (and the data files its dataset kind bundles) into `dir`; returns the paths written. */
export async function writePytorchProject(
  dir: string,
  plan: GanPlan,
  project: Project,
  opts: { dataFiles?: boolean } = {},
): Promise<string[]> {
  const files = pytorchProject(plan, project);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    written.push(name);
  }
  if (opts.dataFiles !== false) {
    for (const [name, source] of Object.entries(pytorchDataFiles(project))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), SOURCES[source]());
      written.push(name);
    }
  }
  return written;
}

/** An existing folder with files in it: exporting there could overwrite someone's edits. */
export const nonEmptyDir = (dir: string): boolean => existsSync(dir) && readdirSync(dir).length > 0;

export const TORCH_INSTALL = [
  'python3 -m venv .venv && .venv/bin/pip install torch numpy pillow',
  'then: GANVAS_PYTHON=.venv/bin/python npm run train -- ... --engine torch',
  '(pip picks the CPU, CUDA or MPS build for this machine: https://pytorch.org/get-started/)',
];

export type TorchPython = { ok: true; python: string; version: string } | { ok: false; tried: string[] };

/** The first of $GANVAS_PYTHON, the repo's test venv, python3, python that imports torch and numpy. */
export function findTorchPython(): TorchPython {
  const env = process.env.GANVAS_PYTHON;
  const candidates = env ? [env] : [resolve('.cache', 'torch-venv', 'bin', 'python'), 'python3', 'python'];
  const tried: string[] = [];
  for (const python of candidates) {
    if (python.includes('/') && !existsSync(python)) {
      tried.push(`${python}: not found`);
      continue;
    }
    const r = spawnSync(python, ['-c', 'import numpy, torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.error) {
      tried.push(`${python}: ${(r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : r.error.message}`);
      continue;
    }
    if (r.status === 0) return { ok: true, python, version: r.stdout.trim() };
    const why = (r.stderr.trim().split('\n').pop() ?? '').replace(/^ModuleNotFoundError: /, '');
    tried.push(`${python}: ${why || `exit ${r.status}`}`);
  }
  return { ok: false, tried };
}
