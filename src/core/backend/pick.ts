/**
 * "Auto" when the only GPUs are software ones (SwiftShader, llvmpipe: headless browsers, VMs, remote
 * desktops). Their WebGPU/WebGL work, but the wasm backend is often many times faster on the same
 * CPU (dense models), and sometimes WebGL is (convolutions). Instead of guessing, the trainer measures
 * a few steps on each candidate the first time a kind of model trains in such an environment,
 * trains on the fastest, and remembers the winner under a key (the page keeps it in localStorage).
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

/**
 * True when a GPU backend exists but every one is a software adapter: then measuring pays off.
 * No GPU at all (Node, a browser without WebGL) keeps the fixed order: wasm, then cpu.
 */
export function onlySoftwareGpus(env: GpuEnvironment): boolean {
  const gpu = env.webgpu !== undefined, gl = env.webglRenderer !== undefined;
  if (!gpu && !gl) return false;
  return (!gpu || env.webgpu!.isFallbackAdapter) && (!gl || isSoftwareRenderer(env.webglRenderer!));
}

/** The backends worth timing there: cpu is always slower than wasm, so it stays the last resort. */
export function measuredCandidates(env: GpuEnvironment): BackendName[] {
  return [...(env.webgpu ? ['webgpu' as const] : []), ...(env.webglRenderer ? ['webgl' as const] : []), 'wasm'];
}

export function describeEnvironment(env: GpuEnvironment): string {
  const parts: string[] = [];
  if (env.webgpu) parts.push(`WebGPU: ${[env.webgpu.vendor, env.webgpu.architecture, env.webgpu.description].filter(Boolean).join(' ') || 'software adapter'}`);
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

export interface Timing { backend: BackendName; msPerStep?: number; error?: string }

/** Fastest first; candidates that failed go last, in their original order. */
export function rankTimings(ts: Timing[]): Timing[] {
  const ok = ts.filter((t) => t.msPerStep !== undefined).sort((a, b) => a.msPerStep! - b.msPerStep!);
  return [...ok, ...ts.filter((t) => t.msPerStep === undefined)];
}

const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);

/** The notice the user sees: what was measured, what was chosen and why. */
export function explainMeasuredChoice(ts: Timing[], chosen: BackendName, env: GpuEnvironment, batch: number): string {
  const rows = rankTimings(ts).map((t) => (t.msPerStep !== undefined ? `${t.backend} ${ms(t.msPerStep)}` : `${t.backend} failed`));
  return `Only software GPUs here (${describeEnvironment(env)}), so Ganvas timed a few steps at batch ${batch} on each `
    + `backend: ${rows.join(', ')} per step. Training on ${chosen}, the fastest; remembered for this kind of model `
    + '(pick a backend in the panel to override).';
}

export function explainRememberedChoice(chosen: BackendName, env: GpuEnvironment): string {
  return `Only software GPUs here (${describeEnvironment(env)}): training on ${chosen}, measured fastest for this kind `
    + 'of model on an earlier run (pick a backend in the panel to override).';
}
