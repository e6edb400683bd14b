import { afterEach, describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../workers/api';
import { planOf, startTrainer, type Harness } from './harness';
import { NORM_EVERY } from '../../src/core/train/step';

type Ev<K extends TrainerEvent['type']> = Extract<TrainerEvent, { type: K }>;
const is =
  <K extends TrainerEvent['type']>(type: K, more: (e: Ev<K>) => boolean = () => true) =>
  (e: TrainerEvent): e is Ev<K> =>
    e.type === type && more(e as Ev<K>);

let h: Harness | undefined;
afterEach(async () => {
  await h?.api.stop();
  h?.close();
  h = undefined;
});

describe('trainer worker API (Comlink over a MessageChannel, cpu backend)', () => {
  it('inits gan-2d-ring, steps, sends tiles of the right sizes, pauses and resumes without leaking tensors', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4 });
    const summary = await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    expect(summary.backend).toBe('cpu');
    expect(summary.step).toBe(1);
    expect(summary.params.generator).toBe(plan.generator.params);

    const m = await h.api.step();
    expect(m.step).toBe(2);
    for (const v of [m.dLoss, m.gLoss, m.dReal, m.dFake]) expect(Number.isFinite(v)).toBe(true);

    const tiles = (await h.waitFor(is('tiles'))).tiles;
    const byId = new Map(tiles.map((t) => [t.nodeId, t]));
    // Every node of both networks has a tile, heads included.
    for (const id of ['z', 'g_fc1', 'g_fc2', 'g_xy', 'g_out', 'd_input', 'd_fc1', 'd_fc2', 'd_logit', 'd_head'])
      expect(byId.has(id), id).toBe(true);
    for (const t of tiles) expect(t.pixels.length).toBe(t.width * t.height * t.channels);
    expect(byId.get('g_fc1')).toMatchObject({
      kind: 'strip',
      width: 64,
      height: 16,
      channels: 1,
      total: 128,
      activation: 'relu',
    });
    expect(byId.get('g_out')).toMatchObject({ kind: 'scatter', width: 64, height: 64, channels: 2 });
    const fc1 = byId.get('g_fc1')!.stats;
    expect(fc1.min).toBeGreaterThanOrEqual(0); // a ReLU
    expect(fc1.dead).toBeGreaterThanOrEqual(0);
    expect(fc1.dead).toBeLessThanOrEqual(1);
    expect(fc1.nonFinite).toBe(0);
    // The scatter shows the 256 real points of the fixed batch in channel 1.
    expect(byId.get('g_out')!.pixels.some((v, i) => i % 2 === 1 && v > 0)).toBe(true);

    // Run freely, then pause: the step counter rises, and stops once pause resolves.
    await h.api.start();
    await h.waitFor(is('metrics', (e) => e.step >= 30));
    await h.api.pause();
    const paused = (await h.api.memory()).numTensors;
    const at = h.events.filter(is('metrics')).at(-1)!.step;
    expect(h.events.some(is('status', (e) => e.status === 'paused'))).toBe(true);
    const metrics = h.events.filter(is('metrics'));
    expect(metrics.at(-1)!.stepsPerSec).toBeGreaterThan(0);
    expect(metrics.at(-1)!.elapsedMs).toBeGreaterThan(0);

    // Resume; the tensor count is the same after 20 more steps (and probes) as before.
    await h.api.start();
    await h.waitFor(is('metrics', (e) => e.step >= at + 20));
    await h.api.pause();
    expect((await h.api.memory()).numTensors).toBe(paused);
    for (let i = 0; i < 5; i++) await h.api.step();
    expect((await h.api.memory()).numTensors).toBe(paused);
  });

  it('sends the per-layer gradient norms with the metrics, as plain numbers, on measuring steps only', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4 });
    await h.api.init(plan, data, { backend: 'cpu', visualize: false }, h.sink);
    // Init's step 1 measures: the first metrics event already carries every weighted layer's norm.
    const first = await h.waitFor(is('metrics'));
    expect(first.layerGradNorms?.map((p) => p.step)).toEqual([1]);
    const layers = ['g_fc1', 'g_fc2', 'g_xy', 'd_fc1', 'd_fc2', 'd_logit'];
    expect(Object.keys(first.layerGradNorms![0].norms).sort()).toEqual([...layers].sort());
    for (const v of Object.values(first.layerGradNorms![0].norms)) expect(typeof v === 'number' && v > 0).toBe(true);
    for (let i = 0; i < NORM_EVERY; i++) await h.api.step();
    await h.waitFor(is('metrics', (e) => e.step === NORM_EVERY + 1)); // events come through their own port
    const later = h.events.filter(is('metrics')).slice(1);
    expect(later.map((e) => e.step)).toEqual(Array.from({ length: NORM_EVERY }, (_, i) => i + 2));
    // Steps 2..10 measure nothing; step 11 does.
    expect(later.filter((e) => e.layerGradNorms).map((e) => e.step)).toEqual([NORM_EVERY + 1]);
    expect(later.at(-1)!.layerGradNorms![0].step).toBe(NORM_EVERY + 1);
  });

  it('auto-pauses on NaN with a learning rate of 1e30 and names the step and the node', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4 });
    await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    const bad = { ...plan.training, batchSize: 4 };
    bad.generator = { ...bad.generator, learningRate: 1e30 };
    bad.discriminator = { ...bad.discriminator, learningRate: 1e30 };
    await h.api.setOptions({ training: bad });
    await h.api.start();
    const { fault } = await h.waitFor(is('fault'));
    await h.waitFor(is('status', (e) => e.status === 'paused'));
    expect(fault.step).toBeGreaterThan(1);
    expect(fault.nodeId).toBeTruthy();
    expect(fault.message).toMatch(/step \d+/);
    expect(fault.message).toMatch(/learning rate is too high/);
    expect(fault.causes.some((c) => /normalisation/.test(c))).toBe(true);
  });

  it('after a NaN pause rolls back to the last weights that trained on without NaN, and trains on from there', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4 });
    // checkpointMs 0: a rollback candidate after every chunk (the app takes one every 5 s of training).
    await h.api.init(plan, data, { backend: 'cpu', checkpointMs: 0 }, h.sink);
    for (let i = 0; i < 6; i++) await h.api.step();
    const good = await h.api.step();
    expect(good.step).toBe(8);
    const bad = { ...plan.training, batchSize: 4 };
    bad.generator = { ...bad.generator, learningRate: 1e30 };
    bad.discriminator = { ...bad.discriminator, learningRate: 1e30 };
    await h.api.setOptions({ training: bad });
    await h.api.start();
    const f = await h.waitFor(is('fault'));
    await h.waitFor(is('status', (e) => e.status === 'paused'));
    // The point offered is before the NaN, and no earlier than the last step trained at the sane rate.
    expect(f.rollbackStep).toBeGreaterThanOrEqual(7);
    expect(f.rollbackStep).toBeLessThan(f.fault.step);
    await h.api.setOptions({ training: { ...plan.training, batchSize: 4 } });
    expect(await h.api.rollback()).toBe(f.rollbackStep);
    await h.waitFor(is('rolledBack', (e) => e.step === f.rollbackStep));
    // Training goes on from that step, with finite losses and finite samples.
    for (let i = 0; i < 5; i++) {
      const m = await h.api.step();
      expect(m.step).toBe(f.rollbackStep! + i + 1);
      for (const v of [m.dLoss, m.gLoss, m.dReal, m.dFake]) expect(Number.isFinite(v)).toBe(true);
    }
    const sample = await h.api.sample(64);
    expect(sample.values.every(Number.isFinite)).toBe(true);
    const before = (await h.api.memory()).numTensors;
    await h.api.step();
    expect((await h.api.memory()).numTensors).toBe(before);
  });

  it('refuses to roll back when nothing trained without NaN (the first step already failed)', async () => {
    h = await startTrainer();
    const bad = { generator: { type: 'adam' as const, learningRate: 1e30, beta1: 0.5, beta2: 0.999 } };
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4, ...bad, discriminator: bad.generator });
    const summary = await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    expect(summary.fault?.step).toBe(1);
    await expect(h.api.rollback()).rejects.toThrow(/no earlier weights/);
  });

  it('reports a NaN in the very first step (run by init) in the summary and stays paused', async () => {
    h = await startTrainer();
    const bad = { generator: { type: 'adam' as const, learningRate: 1e30, beta1: 0.5, beta2: 0.999 } };
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4, ...bad, discriminator: bad.generator });
    const summary = await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    expect(summary.fault?.step).toBe(1);
    expect(summary.fault?.nodeId).toBeTruthy();
  });

  it('refuses hyperparameter changes while running, and exports weights and samples', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4 });
    await h.api.init(plan, data, { backend: 'cpu', visualize: false }, h.sink);
    await h.api.start();
    await expect(h.api.setOptions({ training: plan.training })).rejects.toThrow(/pause/);
    await h.waitFor(is('samples'));
    await h.api.pause();
    expect(h.events.some(is('tiles'))).toBe(false); // visualisation off: no probe, only samples
    const s = await h.api.sample(64, 7);
    expect(s.shape).toEqual([64, 2]);
    expect(s.values.length).toBe(128);
    expect(s.tile.kind).toBe('scatter');
    const w = await h.api.exportWeights();
    expect(w.generator.weightData.byteLength).toBe(plan.generator.params * 4);
    expect(w.discriminator.weightData.byteLength).toBe(plan.discriminator.params * 4);
  });
});
