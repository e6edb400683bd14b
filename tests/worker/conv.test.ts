import { afterEach, describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../workers/api';
import { planOf, startTrainer, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.api.stop();
  h?.close();
  h = undefined;
});

describe('trainer on a convolutional GAN (dcgan-tf-tutorial, batch 2, cpu)', () => {
  it('sends mosaics for feature maps, the sample grid for G, and runs a step in three phases', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('dcgan-tf-tutorial', { batchSize: 2 });
    const summary = await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    expect(summary.dataset).toMatchObject({ name: 'MNIST', count: 10_000, shape: [28, 28, 1] });
    const tiles = (await h.waitFor((e): e is Extract<TrainerEvent, { type: 'tiles' }> => e.type === 'tiles')).tiles;
    const byId = new Map(tiles.map((t) => [t.nodeId, t]));
    // 7×7×256 feature maps: the first 64 channels in an 8×8 mosaic with 1-pixel gutters.
    expect(byId.get('g_reshape')).toMatchObject({ kind: 'mosaic', width: 8 * 8, height: 8 * 8, shown: 64, total: 256 });
    // 28×28×1 output of the last deconvolution: its one channel.
    expect(byId.get('g_deconv3')).toMatchObject({
      kind: 'mosaic',
      width: 29,
      height: 29,
      shown: 1,
      total: 1,
      activation: 'tanh',
    });
    // G's output node shows the 4×4 sample grid.
    expect(byId.get('g_out')).toMatchObject({ kind: 'image', width: 112, height: 112, channels: 1 });
    expect(byId.get('d_conv1')).toMatchObject({ kind: 'mosaic', width: 8 * 15, height: 8 * 15, total: 64 });
    expect(byId.get('d_flatten')).toMatchObject({ kind: 'strip', width: 64, height: 16, total: 6272 });
    for (const t of tiles) expect(t.pixels.length).toBe(t.width * t.height * t.channels);
    // tanh output: the saturation figure applies; values within [-1, 1].
    expect(byId.get('g_deconv3')!.stats.min).toBeGreaterThanOrEqual(-1);

    const before = (await h.api.memory()).numTensors;
    for (const p of ['dReal', 'dFake', 'g'] as const) {
      await h.api.phase(p);
      await h.waitFor((e): e is TrainerEvent => e.type === 'phase' && e.phase === p);
    }
    const ph = h.events.filter((e): e is Extract<TrainerEvent, { type: 'phase' }> => e.type === 'phase');
    expect(ph.map((e) => e.phase)).toEqual(['dReal', 'dFake', 'g']);
    expect(ph[0].tiles.every((t) => t.network === 'discriminator')).toBe(true);
    expect(ph[2].tiles.every((t) => t.network === 'generator')).toBe(true);
    expect(Number.isFinite(ph[0].dScore)).toBe(true);
    expect(ph[2].step).toBe(summary.step + 1);
    expect((await h.api.memory()).numTensors).toBe(before);
  });
});
