import { afterEach, describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../workers/api';
import { planOf, startTrainer, type Harness } from './harness';

type QualityEvent = Extract<TrainerEvent, { type: 'quality' }>;
const isQuality = (e: TrainerEvent): e is QualityEvent => e.type === 'quality';

let h: Harness | undefined;
afterEach(async () => {
  await h?.api.stop();
  h?.close();
  h = undefined;
});

describe('sample quality in the trainer (vanilla-gan-mnist, cpu)', () => {
  it('sends a quality event while running, with the real digits as the target, and frees the classifier on stop', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('vanilla-gan-mnist', { batchSize: 8 });
    const before = (await h.api.memory()).numTensors;
    await h.api.init(plan, data, { backend: 'cpu', visualize: false }, h.sink);
    await h.api.start();
    const e = await h.waitFor(isQuality, 120_000);
    await h.api.pause();
    expect(e.step).toBeGreaterThan(1);
    const q = e.quality!;
    expect(q.samples).toBe(256);
    expect(q.classShares).toHaveLength(10);
    expect(q.coverage).toBeGreaterThanOrEqual(1);
    // An untrained generator is far from the real digits; the real digits score high.
    expect(e.real!.coverage).toBe(10);
    expect(e.real!.classifierScore).toBeGreaterThan(8);
    expect(q.fd).toBeGreaterThan(5 * e.real!.fd);
    expect(q.codeAccuracy).toBeUndefined(); // no categorical code in this GAN
    // The same 256 digits measured for diversity: an untrained G's images are far less varied than real digits.
    expect(e.diversity!.samples).toBe(256);
    expect(e.diversity!.spread).toBeGreaterThan(0);
    expect(e.diversity!.spread).toBeLessThan(0.5);
    expect(e.diversity!.neighbours).toBeLessThan(0.5);
    expect(e.ms).toBeGreaterThan(0);
    await h.api.stop();
    expect((await h.api.memory()).numTensors).toBe(before);
  });

  it('measures diversity (and no classifier metrics) on imported images', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('vanilla-gan-mnist', { batchSize: 8 });
    // 300 "imported" 28x28 images: the bundled digits relabelled as a custom, unlabelled set.
    const n = 300,
      values = new Float32Array(n * 784);
    const bytes = new Uint8Array(data.mnistBytes!);
    for (let i = 0; i < values.length; i++) values[i] = (bytes[bytes.length - values.length + i] ?? 0) / 127.5 - 1;
    const custom = { name: 'imported', shape: [28, 28, 1], count: n, numClasses: 0, values };
    await h.api.init(
      plan,
      { spec: { kind: 'custom', scale: 'tanh', name: 'imported', shape: [28, 28, 1], numClasses: 0 }, custom },
      { backend: 'cpu', visualize: false },
      h.sink,
    );
    await h.api.start();
    const e = await h.waitFor(isQuality, 120_000);
    await h.api.pause();
    expect(e.quality).toBeUndefined();
    expect(e.real).toBeUndefined();
    expect(e.diversity!.samples).toBe(256);
    expect(Number.isFinite(e.diversity!.spread) && Number.isFinite(e.diversity!.neighbours)).toBe(true);
  });

  it('sends none with the option off', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('vanilla-gan-mnist', { batchSize: 8 });
    await h.api.init(plan, data, { backend: 'cpu', visualize: false, quality: false }, h.sink);
    await h.api.start();
    // Well past the first due time (2 s of training).
    await h.waitFor((x): x is TrainerEvent => x.type === 'metrics' && x.elapsedMs > 3000, 120_000);
    await h.api.pause();
    expect(h.events.some(isQuality)).toBe(false);
  });
});

describe('factor metrics in the trainer (the generated sprites)', () => {
  it("a run on the sprites reports its samples' factors (class coverage, the line the CLI prints) and the real samples' as the target", async () => {
    h = await startTrainer();
    const { plan } = planOf('dcgan-sprites32', { batchSize: 8 });
    const spec = { kind: 'sprites32', scale: 'tanh' as const, count: 64, seed: 1 };
    await h.api.init(plan, { spec }, { backend: 'cpu', visualize: false }, h.sink);
    await h.api.start();
    const e = await h.waitFor(isQuality, 300_000);
    await h.api.pause();
    const f = e.factors!;
    expect(f.quality.samples).toBe(256);
    expect(f.quality.classes).toBe(4);
    expect(f.quality.codeAccuracy).toBeUndefined(); // a DCGAN has no categorical code
    expect(f.text).toMatch(/% recognisable, \d\/4 classes \(square/);
    // Real sprites are all recognised and cover every shape: the target.
    expect(e.realFactors!.quality.recognised).toBeGreaterThan(0.9);
    expect(e.realFactors!.quality.coverage).toBe(4);
    // As long as its wait for the first measurement: at load average 5 the run took longer than the default 120 s.
  }, 300_000);
});
