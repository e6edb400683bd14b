import { afterEach, describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../workers/api';
import { planOf, startTrainer, type Harness } from './harness';

type QualityEvent = Extract<TrainerEvent, { type: 'quality' }>;
const isQuality = (e: TrainerEvent): e is QualityEvent => e.type === 'quality';

let h: Harness | undefined;
afterEach(async () => { await h?.api.stop(); h?.close(); h = undefined; });

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
    expect(e.quality.samples).toBe(256);
    expect(e.quality.classShares).toHaveLength(10);
    expect(e.quality.coverage).toBeGreaterThanOrEqual(1);
    // An untrained generator is far from the real digits; the real digits score high.
    expect(e.real!.coverage).toBe(10);
    expect(e.real!.classifierScore).toBeGreaterThan(8);
    expect(e.quality.fd).toBeGreaterThan(5 * e.real!.fd);
    expect(e.quality.codeAccuracy).toBeUndefined(); // no categorical code in this GAN
    expect(e.ms).toBeGreaterThan(0);
    await h.api.stop();
    expect((await h.api.memory()).numTensors).toBe(before);
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
