import { afterEach, describe, expect, it } from 'vitest';
import type { ExploreRequest } from '../../workers/api';
import { planOf, startTrainer, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.api.stop();
  h?.close();
  h = undefined;
});

describe('trainer.generate (latent explorer) over Comlink, cpu backend', () => {
  it('gan-2d-ring: points for grid and interpolation, real points and extent to draw them, while running too, no tensor leak', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 8 });
    await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    await h.api.step();
    const before = (await h.api.memory()).numTensors;

    const grid = await h.api.generate({ kind: 'grid', seed: 1, rows: 8, cols: 8 });
    expect(grid.step).toBe(2);
    expect(grid.shape).toEqual([64, 2]);
    expect(grid.values.length).toBe(128);
    expect(grid.tile).toBeUndefined();
    expect(grid.real!.length).toBe(1024);
    expect(grid.extent).toBeGreaterThan(1);
    expect(grid.values.every(Number.isFinite)).toBe(true);

    const path = await h.api.generate({ kind: 'interpolate', seedA: 1, seedB: 2, steps: 9, mode: 'slerp' });
    expect([path.rows, path.cols, path.shape[0]]).toEqual([1, 9, 9]);
    // Same seeds, same points: deterministic.
    const again = await h.api.generate({ kind: 'interpolate', seedA: 1, seedB: 2, steps: 9, mode: 'slerp' });
    expect(Array.from(again.values)).toEqual(Array.from(path.values));
    expect((await h.api.memory()).numTensors).toBe(before);

    // While the loop runs: answered between chunks, from a later step.
    await h.api.start();
    await h.waitFor((e): e is never => e.type === 'metrics' && e.step >= 10);
    const live = await h.api.generate({ kind: 'grid', seed: 2, rows: 4, cols: 4 });
    expect(live.step).toBeGreaterThanOrEqual(10);
    await h.api.pause();
    // The loop's own tensors are back to the paused level.
    expect((await h.api.memory()).numTensors).toBe(before);
  });

  it('infogan-mnist: sweeps and grids come back as image tiles of rows × cols cells with 1-pixel gaps, no tensor leak', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('infogan-mnist', { batchSize: 4 });
    // (init used to fail here: the probe read the Q head's continuous output for its categorical tile.)
    await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    const before = (await h.api.memory()).numTensors;
    const requests: ExploreRequest[] = [
      { kind: 'sweep', seed: 1, rows: 3, input: 'c_cat' },
      { kind: 'sweep', seed: 1, rows: 2, input: 'c_cont', dim: 0, steps: 5 },
      { kind: 'interpolate', seedA: 1, seedB: 2, steps: 6, mode: 'lerp' },
    ];
    const [cat, cont, lerp] = await Promise.all(requests.map((r) => h!.api.generate(r)));
    expect(cat.tile).toMatchObject({ kind: 'image', channels: 1, width: 10 * 29 - 1, height: 3 * 29 - 1 });
    expect(cat.tile!.pixels.length).toBe(cat.tile!.width * cat.tile!.height);
    expect(cat.shape).toEqual([30, 28, 28, 1]);
    expect(cont.tile).toMatchObject({ width: 5 * 29 - 1, height: 2 * 29 - 1 });
    expect(cont.colLabels).toEqual(['-2.0', '-1.0', '0.0', '1.0', '2.0']);
    expect(lerp.tile).toMatchObject({ width: 6 * 29 - 1, height: 28 });
    // The gap column between cells 0 and 1 has the gap grey; cells have G's pixels (not all one value).
    const t = lerp.tile!;
    for (let y = 0; y < 28; y++) expect(t.pixels[y * t.width + 28]).toBe(96);
    // (An untrained G from the seeded initialisation is nearly flat: a few distinct grey levels per cell.)
    const cell0 = Array.from({ length: 28 * 28 }, (_, i) => t.pixels[Math.floor(i / 28) * t.width + (i % 28)]);
    expect(new Set(cell0).size).toBeGreaterThan(1);
    // The sweep's columns differ (the code reaches G); the pixels of cell (0,0) equal G's output scaled.
    expect(cat.values.slice(0, 784)).not.toEqual(cat.values.slice(784, 2 * 784));
    const v = cat.values[0];
    expect(cat.tile!.pixels[0]).toBe(Math.round(Math.min(255, Math.max(0, ((v + 1) / 2) * 255))));
    expect((await h.api.memory()).numTensors).toBe(before);
    // A request the plan cannot serve says why, and leaks nothing.
    await expect(h.api.generate({ kind: 'byClass', seed: 1, cols: 2 })).rejects.toThrow(/no class label/);
    expect((await h.api.memory()).numTensors).toBe(before);
  });

  it('acgan-mnist: one row per class', async () => {
    h = await startTrainer();
    const { plan, data } = planOf('acgan-mnist', { batchSize: 2 });
    await h.api.init(plan, data, { backend: 'cpu' }, h.sink);
    const r = await h.api.generate({ kind: 'byClass', seed: 3, cols: 3 });
    expect([r.rows, r.cols]).toEqual([10, 3]);
    expect(r.rowLabels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(r.tile).toMatchObject({ width: 3 * 29 - 1, height: 10 * 29 - 1 });
  });
});
