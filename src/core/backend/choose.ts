/**
 * Backend choice: WebGPU when an adapter is really there, else WebGL, else WASM, else CPU. Every
 * attempt is bounded by a timeout and recorded, so a failure becomes a visible notice, never a hang.
 * Platform specifics (importing the webgpu/wasm packages, wasm file URLs) come in as loaders.
 */
import type { TF } from '../blocks';
import type { GpuEnvironment } from './pick';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

export interface AdapterReport {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software adapter (SwiftShader here): WebGPU works, but slowly. */
  isFallbackAdapter: boolean;
}

/** Settings a backend takes when it starts. */
export interface LoadOptions {
  /** wasm threads (where the page is cross-origin isolated); 'auto' = the platform's choice. */
  wasmThreads?: number | 'auto';
}

export interface BackendLoaders {
  /** Registers the backend's package with tf (a dynamic import); absent = not available here. */
  webgpu?: (o?: LoadOptions) => Promise<void>;
  webgl?: (o?: LoadOptions) => Promise<void>;
  wasm?: (o?: LoadOptions) => Promise<void>;
  cpu?: (o?: LoadOptions) => Promise<void>;
  /** A few words on how the started backend runs (e.g. "2 threads"), shown beside its name. */
  details?: (name: BackendName) => string | undefined;
  /** What GPUs the platform has (a browser); absent in Node, where 'auto' keeps the fixed order. */
  environment?: () => Promise<GpuEnvironment>;
}

export interface Activated {
  backend: BackendName;
  adapter?: AdapterReport;
}

/** The backends to try, in order: the forced one first, then the ones after it. */
export function candidates(choice: BackendChoice = 'auto'): BackendName[] {
  return choice === 'auto' ? [...BACKENDS] : BACKENDS.slice(BACKENDS.indexOf(choice));
}

export function withTimeout<V>(p: Promise<V>, ms: number, what: string): Promise<V> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

interface GpuAdapterLike {
  info?: Partial<AdapterReport>;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<Partial<AdapterReport>>;
}

/** Asks for a WebGPU adapter; navigator.gpu alone proves nothing (headless chromium without the flag has it and returns null). */
export async function probeWebGpu(): Promise<AdapterReport | undefined> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } }).navigator
    ?.gpu;
  if (!gpu) return undefined;
  const adapter = await withTimeout(gpu.requestAdapter(), 10_000, 'navigator.gpu.requestAdapter()');
  if (!adapter) return undefined;
  const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
  };
}

/** Makes `name` the active backend or throws saying why (no adapter, package missing, init failed, timeout). */
export async function activateBackend(
  tf: TF,
  name: BackendName,
  loaders: BackendLoaders,
  options: LoadOptions = {},
  timeoutMs = 20_000,
): Promise<Activated> {
  let adapter: AdapterReport | undefined;
  if (name === 'webgpu') {
    adapter = await probeWebGpu();
    if (!adapter) throw new Error('no WebGPU adapter (navigator.gpu.requestAdapter() returned none)');
  }
  const load = loaders[name];
  if (!load) throw new Error(`the ${name} backend is not available here`);
  await withTimeout(load(options), timeoutMs, `loading the ${name} backend`);
  const ok = await withTimeout(tf.setBackend(name), timeoutMs, `starting the ${name} backend`);
  if (!ok) throw new Error(`the ${name} backend failed to initialise`);
  await withTimeout(tf.ready(), timeoutMs, `starting the ${name} backend`);
  return { backend: name, adapter };
}

export function describeAdapter(a: AdapterReport | undefined): string {
  if (!a) return '';
  const name = [a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' ');
  return `${name || 'unknown adapter'}${a.isFallbackAdapter ? ' (software fallback adapter: slow)' : ''}`;
}
