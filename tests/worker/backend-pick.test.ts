/**
 * 'auto' where the only GPUs are software ones: the trainer times each backend on a few steps, trains
 * on the fastest, says so, and hands the page the result to remember; a remembered result is used
 * without timing again. Pure rules first, then the real Trainer in Node (wasm + cpu backends).
 */
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { cpuTf, wasmTf } from '../helpers/tf';
import { Trainer } from '../../workers/trainer';
import type { TrainerApi, TrainerEvent } from '../../workers/api';
import {
  isSoftwareRenderer, measuredCandidates, memoryKey, onlySoftwareGpus, rankTimings, type GpuEnvironment,
} from '../../src/core/backend/pick';
import { planOf } from './harness';

const swiftGpu = { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader device', isFallbackAdapter: true };
const SWIFT_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('software-GPU detection', () => {
  it('measures only when every GPU present is a software one', () => {
    expect(isSoftwareRenderer(SWIFT_GL)).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(onlySoftwareGpus({ webgpu: swiftGpu, webglRenderer: SWIFT_GL })).toBe(true);
    expect(onlySoftwareGpus({ webglRenderer: 'Mesa Intel(R) UHD Graphics 620' })).toBe(false);
    expect(onlySoftwareGpus({ webgpu: { ...swiftGpu, isFallbackAdapter: false } })).toBe(false);
    // No GPU at all (Node, a browser without WebGL): the fixed order wasm → cpu applies, nothing to time.
    expect(onlySoftwareGpus({})).toBe(false);
    expect(measuredCandidates({ webgpu: swiftGpu, webglRenderer: SWIFT_GL })).toEqual(['webgpu', 'webgl', 'wasm']);
  });

  it('ranks by time, failures last, and keys memory by environment and kind of model', () => {
    expect(rankTimings([{ backend: 'webgpu', msPerStep: 900 }, { backend: 'webgl', error: 'x' }, { backend: 'wasm', msPerStep: 7 }]).map((t) => t.backend))
      .toEqual(['wasm', 'webgpu', 'webgl']);
    const env: GpuEnvironment = { webglRenderer: SWIFT_GL };
    expect(memoryKey(planOf('dcgan-mnist').plan, env)).not.toBe(memoryKey(planOf('gan-2d-ring').plan, env));
    expect(memoryKey(planOf('gan-2d-ring').plan, env)).not.toBe(memoryKey(planOf('gan-2d-ring').plan, { webglRenderer: 'llvmpipe' }));
  });
});

/** A Trainer whose "browser" reports SwiftShader WebGPU + WebGL but can only really run wasm and cpu. */
async function softwareOnlyTrainer() {
  const tf = await cpuTf();
  await wasmTf();
  const env: GpuEnvironment = { webgpu: swiftGpu, webglRenderer: SWIFT_GL };
  const trainer = new Trainer(tf, { wasm: async () => {}, cpu: async () => {}, environment: async () => env });
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(trainer, port1);
  const events: TrainerEvent[] = [];
  return { api: Comlink.wrap<TrainerApi>(port2), events, sink: Comlink.proxy((e: TrainerEvent) => { events.push(e); }), env, close: () => { port1.close(); port2.close(); } };
}

describe("'auto' with only software GPUs", () => {
  it('times the backends, trains on the fastest, explains it, and hands the choice back to remember', async () => {
    const t = await softwareOnlyTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(plan, data, { backend: 'auto' }, t.sink);
    expect(summary.backend).toBe('wasm');
    expect(summary.remember).toEqual({ key: memoryKey(plan, t.env), backend: 'wasm' });
    const why = summary.notices.find((n) => /timed a few steps/.test(n));
    expect(why).toMatch(/wasm \d+(\.\d)? ms/);
    expect(why).toMatch(/webgpu failed/); // no adapter in Node: listed, not hidden
    expect(why).toMatch(/Training on wasm/);
    await t.api.step();
    await t.api.stop();
    t.close();
  });

  it('uses a remembered choice without timing again', async () => {
    const t = await softwareOnlyTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(plan, data, { backend: 'auto', backendMemory: { [memoryKey(plan, t.env)]: 'cpu' } }, t.sink);
    expect(summary.backend).toBe('cpu');
    expect(summary.remember).toBeUndefined();
    expect(summary.notices.some((n) => /measured fastest .* earlier run/.test(n))).toBe(true);
    expect(summary.notices.some((n) => /timed/.test(n))).toBe(false);
    await t.api.stop();
    t.close();
  });

  it('a forced backend is never second-guessed', async () => {
    const t = await softwareOnlyTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 32 });
    const summary = await t.api.init(plan, data, { backend: 'cpu' }, t.sink);
    expect(summary.backend).toBe('cpu');
    expect(summary.notices).toEqual([]);
    await t.api.stop();
    t.close();
  });
});
