/**
 * What "auto" trains on, decided before the first step so a newcomer's Train starts in seconds:
 * - only software GPUs (SwiftShader, llvmpipe: headless browsers, VMs, remote desktops): wasm at once.
 *   That answer is known: on SwiftShader wasm beat WebGL and WebGPU on every model measured, by 9x to 70x
 *   (BENCHMARKS.md: ring 7.7 ms vs 67 / 543 ms per step; DCGAN batch 32 0.87 s vs WebGL 17.5 s, WebGPU
 *   12.3 s at batch 8), and timing the user's DCGAN on them took 80 s and 28 s (issue 17);
 * - a real GPU and an image (convolutional) model: the GPU at once (what GPUs are for);
 * - a real GPU and a vector model (2-D data, dense layers): not known — a GPU's per-op overhead can lose
 *   to wasm on small matmuls — so a short, bounded timing of each (BOUNDED_TIMING), whose winner the
 *   page remembers under a key (localStorage) so it runs once per kind of model and machine.
 * Software adapters are never tried before wasm when a real GPU or wasm is there.
 */
import type { AdapterReport, BackendName } from './choose';
import type { GanPlan } from '../compile/plan';

/** What the page's GPUs are, as far as the browser tells. */
export interface GpuEnvironment {
  /** The WebGPU adapter, if any. */
  webgpu?: AdapterReport;
  /** The WebGL renderer string (WEBGL_debug_renderer_info), if WebGL works at all. */
  webglRenderer?: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** True when a GPU backend exists but every one is a software adapter. */
export function onlySoftwareGpus(env: GpuEnvironment): boolean {
  const gpu = env.webgpu !== undefined,
    gl = env.webglRenderer !== undefined;
  if (!gpu && !gl) return false;
  return (!gpu || env.webgpu!.isFallbackAdapter) && (!gl || isSoftwareRenderer(env.webglRenderer!));
}

/** The GPU backends with a real (hardware) device behind them. */
export function hardwareGpus(env: GpuEnvironment): BackendName[] {
  return [
    ...(env.webgpu && !env.webgpu.isFallbackAdapter ? ['webgpu' as const] : []),
    ...(env.webglRenderer && !isSoftwareRenderer(env.webglRenderer) ? ['webgl' as const] : []),
  ];
}

/** Software GPU backends: tried only after wasm (it is many times faster than them). */
function softwareGpus(env: GpuEnvironment): BackendName[] {
  return [
    ...(env.webgpu?.isFallbackAdapter ? ['webgpu' as const] : []),
    ...(env.webglRenderer && isSoftwareRenderer(env.webglRenderer) ? ['webgl' as const] : []),
  ];
}

/** The limits of the timing run where it is needed (seconds, not minutes: the user is waiting to train). */
export interface TimingLimits {
  batch: number;
  steps: number;
  windowMs: number;
  capMs: number;
}
export const BOUNDED_TIMING: TimingLimits = {
  /** At most this batch. */
  batch: 16,
  /** After one warm-up step (kernels compile), up to `steps` steps or `windowMs`, whichever comes first. */
  steps: 5,
  windowMs: 1500,
  /** A backend whose warm-up step is not done within this is dropped (and listed as too slow). */
  capMs: 5000,
};

export type BackendPlan =
  | { kind: 'known'; order: BackendName[]; reason?: string }
  | { kind: 'time'; candidates: BackendName[]; rest: BackendName[] };

const unique = (xs: BackendName[]) => [...new Set(xs)];

/** What 'auto' does in this environment for this kind of model (see the file comment). */
export function planBackends(env: GpuEnvironment, plan: Pick<GanPlan, 'data'>): BackendPlan {
  const hw = hardwareGpus(env),
    sw = softwareGpus(env);
  const fallbacks = unique(['wasm', ...sw, 'cpu']);
  if (!hw.length) {
    return { kind: 'known', order: fallbacks, reason: sw.length ? explainKnownSoftware(env) : undefined };
  }
  if (plan.data.shape.length >= 3) return { kind: 'known', order: unique([...hw, ...fallbacks]) };
  return { kind: 'time', candidates: [...hw, 'wasm'], rest: unique([...hw, ...fallbacks]) };
}

export function explainKnownSoftware(env: GpuEnvironment): string {
  return (
    `Only software GPUs here (${describeEnvironment(env)}): training on wasm at once. On software adapters wasm was 9–70x ` +
    'faster than WebGPU and WebGL for every model measured (BENCHMARKS.md), so there is nothing to time ' +
    '(pick a backend in the panel to override).'
  );
}

export function describeEnvironment(env: GpuEnvironment): string {
  const parts: string[] = [];
  if (env.webgpu)
    parts.push(
      `WebGPU: ${[env.webgpu.vendor, env.webgpu.architecture, env.webgpu.description].filter(Boolean).join(' ') || 'software adapter'}`,
    );
  if (env.webglRenderer) parts.push(`WebGL: ${env.webglRenderer}`);
  return parts.join('; ');
}

/**
 * What the measurement is remembered under: the environment and the kind of model (image models are
 * convolution-bound, vector models matmul-bound, and their fastest backends differ).
 */
export function memoryKey(plan: Pick<GanPlan, 'data'>, env: GpuEnvironment): string {
  const kind = plan.data.shape.length >= 3 ? 'image models' : 'vector models';
  return `${kind} | ${describeEnvironment(env)}`;
}

export interface Timing {
  backend: BackendName;
  msPerStep?: number;
  error?: string;
}

/** Fastest first; candidates that failed go last, in their original order. */
export function rankTimings(ts: Timing[]): Timing[] {
  const ok = ts.filter((t) => t.msPerStep !== undefined).sort((a, b) => a.msPerStep! - b.msPerStep!);
  return [...ok, ...ts.filter((t) => t.msPerStep === undefined)];
}

const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);

/** The notice the user sees: what was measured, what was chosen and why. */
export function explainMeasuredChoice(ts: Timing[], chosen: BackendName, env: GpuEnvironment, batch: number): string {
  const rows = rankTimings(ts).map((t) =>
    t.msPerStep !== undefined
      ? `${t.backend} ${ms(t.msPerStep)}`
      : `${t.backend} failed (${t.error ?? 'unknown error'})`,
  );
  return (
    `A small model on a GPU (${describeEnvironment(env)}) may train faster on wasm, so Ganvas timed a few steps at batch ${batch} on each ` +
    `backend: ${rows.join(', ')} per step. Training on ${chosen}, the fastest; remembered for this kind of model ` +
    '(pick a backend in the panel to override).'
  );
}

export function explainRememberedChoice(chosen: BackendName, env: GpuEnvironment): string {
  return (
    `Training on ${chosen}, measured fastest here (${describeEnvironment(env)}) for this kind ` +
    'of model on an earlier run (pick a backend in the panel to override).'
  );
}

/** What the page shows while a backend is being timed. */
export function describeTiming(backend: BackendName, batch: number): string {
  return `timing ${backend}: a few steps of this model at batch ${batch} (at most ${BOUNDED_TIMING.capMs / 1000 + BOUNDED_TIMING.windowMs / 1000} s)`;
}

/**
 * ms per step of `step` (which resolves when a step has finished), bounded: one warm-up step that must
 * end within BOUNDED_TIMING.capMs (else the result is an error, and the step is left to finish on its own),
 * then up to BOUNDED_TIMING.steps steps or windowMs.
 */
export async function timeSteps(
  step: () => Promise<void>,
  now: () => number,
  limits: TimingLimits = BOUNDED_TIMING,
): Promise<{ msPerStep?: number; error?: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<'cap'>((ok) => {
    timer = setTimeout(() => ok('cap'), limits.capMs);
  });
  const warm = await Promise.race([step().then(() => 'done' as const), cap]).finally(() => clearTimeout(timer));
  if (warm === 'cap') return { error: `over ${limits.capMs / 1000} s per step` };
  const t0 = now();
  let n = 0;
  while (n < limits.steps && (n === 0 || now() - t0 < limits.windowMs)) {
    await step();
    n++;
  }
  return { msPerStep: (now() - t0) / n };
}
