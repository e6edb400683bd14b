/**
 * Shared by the PyTorch export tests: the Python with torch (found or made by scripts/python-env.mjs),
 * writing a generated project to disk, and tensors exchanged with the Python side (a JSON manifest +
 * one little-endian binary, the shape of the tfjs weights format; tests/pytorch/py/tensors.py reads it).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import type { GanPlan } from '../../src/core/compile/plan';
import type { Project } from '../../src/core/project/types';
import { pytorchProject } from '../../src/core/codegen/pytorch';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PY_DIR = join(ROOT, 'tests', 'pytorch', 'py');

/** The Python that imports torch (the test command runs scripts/python-env.mjs first; a lone vitest run does it here). */
export function torchPython(): string {
  const record = join(ROOT, '.cache', 'torch-python');
  if (!existsSync(record)) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'python-env.mjs')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`no Python with torch:\n${r.stdout}${r.stderr}`);
  }
  return readFileSync(record, 'utf8').trim();
}

export function runPython(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {},
): SpawnSyncReturns<string> {
  return spawnSync(torchPython(), args, {
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    timeout: opts.timeout ?? 300_000,
    // Two threads: the machine is shared, and a fixed count keeps PyTorch's sums in one order.
    env: { ...process.env, OMP_NUM_THREADS: '2', PYTHONDONTWRITEBYTECODE: '1', ...opts.env },
  });
}

/**
 * `python -m torch.distributed.run --standalone --nproc_per_node=N <args>`, run once more (with a warning) when a
 * rank died only of gloo's teardown abort ("terminate called without an active exception", SIGABRT as a process
 * group is destroyed at exit; PyTorch 2.13, seen twice in ~60 clean runs here, docs/testing.md). Any other
 * failure, or the same abort twice, is returned as it is.
 */
export function runTorchrun(
  nproc: number,
  args: string[],
  opts: Parameters<typeof runPython>[1] = {},
): SpawnSyncReturns<string> {
  const run = () =>
    runPython(['-m', 'torch.distributed.run', '--standalone', `--nproc_per_node=${nproc}`, ...args], opts);
  const first = run();
  if (first.status === 0 || !first.stderr.includes('terminate called without an active exception')) return first;
  console.warn(`torchrun: a rank aborted in gloo's teardown; running it once more.\n${first.stderr.slice(-2000)}`);
  return run();
}

/** Runs a script of tests/pytorch/py and returns its stdout; a failure shows Python's traceback. */
export function pythonOk(script: string, args: string[], opts: Parameters<typeof runPython>[1] = {}): string {
  const r = runPython([join(PY_DIR, script), ...args], opts);
  if (r.status !== 0) throw new Error(`${script} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export function writeProject(dir: string, plan: GanPlan, project: Project): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(pytorchProject(plan, project))) writeFileSync(join(dir, name), text);
  return dir;
}

export interface HostTensor {
  shape: number[];
  data: Float32Array | Int32Array;
}

export function writeTensors(file: string, tensors: Record<string, HostTensor>): void {
  mkdirSync(dirname(file), { recursive: true });
  const specs: { name: string; shape: number[]; dtype: string }[] = [];
  const parts: Buffer[] = [];
  for (const [name, t] of Object.entries(tensors)) {
    specs.push({ name, shape: t.shape, dtype: t.data instanceof Int32Array ? 'int32' : 'float32' });
    parts.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }
  writeFileSync(`${file}.json`, JSON.stringify(specs));
  writeFileSync(`${file}.bin`, Buffer.concat(parts));
}

export function readTensors(file: string): Record<string, HostTensor> {
  const specs = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { name: string; shape: number[]; dtype: string }[];
  const bin = readFileSync(`${file}.bin`);
  const out: Record<string, HostTensor> = {};
  let offset = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const bytes = bin.buffer.slice(bin.byteOffset + offset, bin.byteOffset + offset + 4 * n);
    out[s.name] = { shape: s.shape, data: s.dtype === 'int32' ? new Int32Array(bytes) : new Float32Array(bytes) };
    offset += 4 * n;
  }
  return out;
}

export async function hostTensor(t: tfNs.Tensor): Promise<HostTensor> {
  const data = await t.data();
  return { shape: [...t.shape], data: t.dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data) };
}

/** max |a - b| / max |b|: how far PyTorch's numbers are from tfjs's, relative to tfjs's scale. */
export function relDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let diff = 0,
    scale = 0;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return scale === 0 ? diff : diff / scale;
}
