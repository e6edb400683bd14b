/**
 * 'auto': with only software GPUs the trainer starts on wasm at once (the known answer) and says why; with
 * a real GPU an image model goes to the GPU at once, and a vector model gets a short, bounded timing of
 * each backend (shown while it runs), whose winner the page remembers. Pure rules first, then the real
 * Trainer in Node (wasm + cpu backends; "GPUs" are what the fake environment reports).
 */
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { cpuTf, wasmTf } from '../helpers/tf';
import { Trainer } from '../../workers/trainer';
import type { TrainerApi, TrainerEvent } from '../../workers/api';
import {
  isSoftwareRenderer,
  memoryKey,
  onlySoftwareGpus,
  planBackends,
  rankTimings,
  timeSteps,
  type GpuEnvironment,
} from '../../src/core/backend/pick';
import { planOf } from './harness';

const swiftGpu = {
  vendor: 'google',
  architecture: 'swiftshader',
  device: '',
  description: 'SwiftShader device',
  isFallbackAdapter: true,
};
const SWIFT_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const REAL_GL = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)';

describe('software-GPU detection and the plan', () => {
  it('tells software GPUs from real ones', () => {
    expect(isSoftwareRenderer(SWIFT_GL)).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(onlySoftwareGpus({ webgpu: swiftGpu, webglRenderer: SWIFT_GL })).toBe(true);
    expect(onlySoftwareGpus({ webglRenderer: 'Mesa Intel(R) UHD Graphics 620' })).toBe(false);
    expect(onlySoftwareGpus({ webgpu: { ...swiftGpu, isFallbackAdapter: false } })).toBe(false);
    // No GPU at all (Node, a browser without WebGL): the fixed order wasm → cpu applies, nothing to time.
    expect(onlySoftwareGpus({})).toBe(false);
  });

  it('knows the answer without timing where it can: software GPUs -> wasm, a real GPU with an image model -> the GPU', () => {
    const ring = planOf('gan-2d-ring').plan,
      dcgan = planOf('dcgan-mnist').plan;
    const soft = planBackends({ webgpu: swiftGpu, webglRenderer: SWIFT_GL }, dcgan);
    expect(soft).toMatchObject({ kind: 'known', order: ['wasm', 'webgpu', 'webgl', 'cpu'] });
    expect(soft.kind === 'known' && soft.reason).toMatch(/Only software GPUs here .* training on wasm at once/);
    expect(planBackends({ webgpu: swiftGpu, webglRenderer: SWIFT_GL }, ring).kind).toBe('known');
    expect(planBackends({ webglRenderer: REAL_GL }, dcgan)).toEqual({ kind: 'known', order: ['webgl', 'wasm', 'cpu'] });
    // A software WebGPU adapter beside a real WebGL: the real GPU first, the software one after wasm.
    expect(planBackends({ webgpu: swiftGpu, webglRenderer: REAL_GL }, dcgan)).toEqual({
      kind: 'known',
      order: ['webgl', 'wasm', 'webgpu', 'cpu'],
    });
    // A small vector model on a real GPU: not known, so timed (the GPU and wasm), the rest after.
    expect(planBackends({ webglRenderer: REAL_GL }, ring)).toEqual({
      kind: 'time',
      candidates: ['webgl', 'wasm'],
      rest: ['webgl', 'wasm', 'cpu'],
    });
    expect(planBackends({}, ring)).toEqual({ kind: 'known', order: ['wasm', 'cpu'], reason: undefined });
  });

  it('times a backend in bounded time: a warm-up step over the cap drops it without waiting for the step', async () => {
    let t = 0;
    const now = () => t;
    // 10 ms steps: one warm-up, then 5 steps (the step limit comes before the 1.5 s window).
    expect(
      await timeSteps(async () => {
        t += 10;
      }, now),
    ).toEqual({ msPerStep: 10 });
    // 400 ms steps: the window ends the timing after 4 steps.
    let n = 0;
    expect(
      await timeSteps(async () => {
        t += 400;
        n++;
      }, now),
    ).toEqual({ msPerStep: 400 });
    expect(n).toBe(1 + 4);
    // A step that takes minutes (SwiftShader's first DCGAN step took 80 s): given up on at the cap.
    const started = Date.now();
    const r = await timeSteps(() => new Promise<void>((ok) => setTimeout(ok, 3_000)), now, {
      batch: 16,
      steps: 5,
      windowMs: 1500,
      capMs: 50,
    });
    expect(r).toEqual({ error: 'over 0.05 s per step' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ranks by time, failures last, and keys memory by environment and kind of model', () => {
    expect(
      rankTimings([
        { backend: 'webgpu', msPerStep: 900 },
        { backend: 'webgl', error: 'x' },
        { backend: 'wasm', msPerStep: 7 },
      ]).map((t) => t.backend),
    ).toEqual(['wasm', 'webgpu', 'webgl']);
    const env: GpuEnvironment = { webglRenderer: SWIFT_GL };
    expect(memoryKey(planOf('dcgan-mnist').plan, env)).not.toBe(memoryKey(planOf('gan-2d-ring').plan, env));
    expect(memoryKey(planOf('gan-2d-ring').plan, env)).not.toBe(
      memoryKey(planOf('gan-2d-ring').plan, { webglRenderer: 'llvmpipe' }),
    );
  });
});

/** A Trainer whose "browser" reports these GPUs but can only really run wasm and cpu. */
async function trainerWith(env: GpuEnvironment) {
  const tf = await cpuTf();
  await wasmTf();
  const trainer = new Trainer(tf, { wasm: async () => {}, cpu: async () => {}, environment: async () => env });
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(trainer, port1);
  const events: TrainerEvent[] = [];
  return {
    api: Comlink.wrap<TrainerApi>(port2),
    events,
    sink: Comlink.proxy((e: TrainerEvent) => {
      events.push(e);
    }),
    env,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

const progressOf = (events: TrainerEvent[]) => events.flatMap((e) => (e.type === 'progress' ? [e.message] : []));

describe("'auto' in the trainer", () => {
  it('with only software GPUs starts on wasm at once, explains why, and shows what init is doing', async () => {
    const t = await trainerWith({ webgpu: swiftGpu, webglRenderer: SWIFT_GL });
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(plan, data, { backend: 'auto' }, t.sink);
    expect(summary.backend).toBe('wasm');
    expect(summary.remember).toBeUndefined();
    expect(summary.notices.some((n) => /training on wasm at once/.test(n))).toBe(true);
    expect(summary.notices.some((n) => /timed/.test(n))).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    const progress = progressOf(t.events);
    expect(progress.some((m) => /^timing/.test(m))).toBe(false);
    expect(progress).toEqual(
      expect.arrayContaining(['starting wasm', 'building the models on wasm and taking the first step']),
    );
    await t.api.step();
    await t.api.stop();
    t.close();
  });

  it('with a real GPU and a vector model times the backends (bounded, shown), trains on the fastest, and hands the choice back to remember', async () => {
    const t = await trainerWith({ webglRenderer: REAL_GL });
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(plan, data, { backend: 'auto' }, t.sink);
    expect(summary.backend).toBe('wasm');
    expect(summary.remember).toEqual({ key: memoryKey(plan, t.env), backend: 'wasm' });
    const why = summary.notices.find((n) => /timed a few steps/.test(n));
    expect(why).toMatch(/wasm \d+(\.\d)? ms/);
    expect(why).toMatch(/webgl failed \(the webgl backend is not available here\)/); // no WebGL in Node: listed, not hidden
    expect(why).toMatch(/Training on wasm/);
    await new Promise((r) => setTimeout(r, 0));
    expect(progressOf(t.events)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^timing webgl: a few steps of this model at batch 16/),
        expect.stringMatching(/^timing wasm/),
      ]),
    );
    await t.api.step();
    await t.api.stop();
    t.close();
  });

  it('uses a remembered choice without timing again', async () => {
    const t = await trainerWith({ webglRenderer: REAL_GL });
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(
      plan,
      data,
      { backend: 'auto', backendMemory: { [memoryKey(plan, t.env)]: 'cpu' } },
      t.sink,
    );
    expect(summary.backend).toBe('cpu');
    expect(summary.remember).toBeUndefined();
    expect(summary.notices.some((n) => /measured fastest .* earlier run/.test(n))).toBe(true);
    expect(summary.notices.some((n) => /timed/.test(n))).toBe(false);
    await t.api.stop();
    t.close();
  });

  it('a forced backend is never second-guessed', async () => {
    const t = await trainerWith({ webgpu: swiftGpu, webglRenderer: SWIFT_GL });
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(plan, data, { backend: 'cpu' }, t.sink);
    expect(summary.backend).toBe('cpu');
    expect(summary.notices).toEqual([]);
    await t.api.stop();
    t.close();
  });
});
