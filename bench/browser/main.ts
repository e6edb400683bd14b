/**
 * The browser half of `npm run bench:browser`: runs Ganvas's compiled GAN step and the hand-written
 * tfjs step of the same models, interleaved, on one backend at a time, and reports medians to the
 * Playwright driver (bench/browser-run.mjs) through window.runBench.
 */
import { hostRange } from '../../src/core/data/host';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerFastCpuKernels } from '../../src/core/kernels/cpuConv2DBackpropFilter';
import { registerWasmTrainingKernels } from '../../src/core/kernels/wasmTrainingKernels';
import { installTrainingPatches } from '../../src/core/kernels/trainingPatches';
import { loadTemplate } from '../../src/core/project/templates';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { TrainingSession } from '../../src/core/train/session';
import { datasetCache, median, planOf, timeOnce } from '../common';
import { handDcgan, handInfogan, handRing, type HandGan } from '../handwritten';
import { allowWasmThreads, wasmThreadsInUse } from '../../workers/wasmThreads';

// ?threads=N: the wasm backend with N XNNPACK threads (needs the dev server's COOP/COEP headers);
// without it, single-threaded as before.
const threads = Number(new URLSearchParams(location.search).get('threads') ?? 0);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 0 && globalThis.crossOriginIsolated === true);
if (threads > 0 && globalThis.crossOriginIsolated) allowWasmThreads(wasm, threads);
const dataset = datasetCache(async () => (await fetch('/data/mnist-10k.bin')).arrayBuffer());
wasm.setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
registerFastCpuKernels(tf);
registerWasmTrainingKernels(tf);
installTrainingPatches(tf);

async function use(backend: string, flags: Record<string, boolean> = {}): Promise<string> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} is not available`);
  await tf.ready();
  for (const [k, v] of Object.entries(flags)) tf.env().set(k, v);
  let adapter = '';
  if (backend === 'webgpu') {
    const a = await (
      navigator as unknown as {
        gpu: {
          requestAdapter(): Promise<{
            info?: { vendor: string; architecture: string };
            isFallbackAdapter?: boolean;
          } | null>;
        };
      }
    ).gpu.requestAdapter();
    adapter = a
      ? `${a.info?.vendor ?? '?'} ${a.info?.architecture ?? ''}${a.isFallbackAdapter ? ' (fallback adapter)' : ''}`
      : 'none';
  }
  return adapter;
}

/** The hand-written GAN of each template with a `hand: true` case. */
const HAND: Record<string, (t: typeof tf) => HandGan> = {
  'gan-2d-ring': handRing,
  'dcgan-tf-tutorial': handDcgan,
  'infogan-mnist': handInfogan,
};

export interface StepCase {
  template: string;
  batch: number;
  backend: string;
  reps: number;
  hand?: boolean;
  flags?: Record<string, boolean>;
}

async function stepCase(c: StepCase) {
  const adapter = await use(c.backend, c.flags);
  const host = await dataset(c.template);
  const s = new TrainingSession(tf, planOf(c.template, c.batch), host);
  const h: HandGan | undefined = c.hand ? HAND[c.template](tf) : undefined;
  const images = h ? tf.tensor(hostRange(host, 0, host.count), [host.count, ...host.shape]) : undefined;
  const a: number[] = [],
    b: number[] = [];
  for (let r = -1; r < c.reps; r++) {
    // Alternate which runs first, so neither always pays for the other's garbage or cache misses.
    const ours = () => timeOnce(() => s.stepper.step());
    const theirs = () => (h ? timeOnce(() => h.step(tf, h, images!, c.batch, 1000 + r)) : Promise.resolve(0));
    let ta: number, tb: number;
    if (r % 2 === 0) {
      ta = await ours();
      tb = await theirs();
    } else {
      tb = await theirs();
      ta = await ours();
    }
    if (r >= 0) {
      a.push(ta);
      b.push(tb);
    }
  }
  s.dispose();
  if (h) {
    h.G.dispose();
    h.D.dispose();
    h.optG.dispose();
    h.optD.dispose();
    images!.dispose();
  }
  // The ratio is the median of the pairs' ratios (each pair ran back to back): on this shared machine the
  // speed drifts by ±10% over a minute, which a ratio of the two medians takes in whole.
  const ratio = h ? median(a.map((x, i) => x / b[i])) : undefined;
  return {
    ...c,
    adapter,
    threads: c.backend === 'wasm' ? wasmThreadsInUse() : undefined,
    compiled: median(a),
    hand: h ? median(b) : undefined,
    ratio,
  };
}

async function firstStep(template: string, backend: string) {
  await use(backend);
  const host = await dataset(template);
  const t0 = performance.now();
  const p = loadTemplate(template);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), {
    ...p.training,
    batchSize: Math.min(p.training.batchSize, 64),
  });
  if (!res.ok) throw new Error(template);
  const s = new TrainingSession(tf, res.plan, host);
  await s.run(1);
  const ms = performance.now() - t0;
  await s.run(2);
  const bytes = tf.memory().numBytes;
  s.dispose();
  return { template, backend, firstStepMs: ms, tfMb: bytes / 2 ** 20 };
}

/** Time per kernel of one compiled step (tf.profile), summed by kernel name, after `warm` steps. */
async function profileStep(c: { template: string; batch: number; backend: string; warm: number }) {
  await use(c.backend);
  const s = new TrainingSession(tf, planOf(c.template, c.batch), await dataset(c.template));
  for (let i = 0; i < c.warm; i++) await timeOnce(() => s.stepper.step());
  const t0 = performance.now();
  const prof = await tf.profile(() => {
    s.stepper.step();
  });
  const wall = performance.now() - t0;
  const byKernel: Record<string, { ms: number; calls: number }> = {};
  const byShape: Record<string, { ms: number; calls: number }> = {};
  for (const k of prof.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    for (const [map, key] of [
      [byKernel, k.name],
      [byShape, `${k.name} ${JSON.stringify(k.inputShapes)}`],
    ] as const) {
      const e = map[key] ?? { ms: 0, calls: 0 };
      map[key] = { ms: e.ms + ms, calls: e.calls + 1 };
    }
  }
  s.dispose();
  return { ...c, threads: c.backend === 'wasm' ? wasmThreadsInUse() : undefined, wall, byKernel, byShape };
}

declare global {
  interface Window {
    runBench: (kind: string, arg: unknown) => Promise<unknown>;
    benchReady: boolean;
  }
}
window.runBench = async (kind, arg) => {
  try {
    if (kind === 'profile') return await profileStep(arg as Parameters<typeof profileStep>[0]);
    return kind === 'step'
      ? await stepCase(arg as StepCase)
      : await firstStep((arg as { template: string }).template, (arg as { backend: string }).backend);
  } catch (e) {
    return { error: String((e as Error).message ?? e) };
  }
};
window.benchReady = true;
document.getElementById('log')!.textContent = 'ready';
