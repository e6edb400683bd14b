/**
 * The worker trains on the new data: the generated sprites (made in the worker from the spec), an imported
 * dataset handed over as bytes, and refuses one over the device-memory budget once, with the figures. Colour
 * samples come back as 3-channel tiles; latent arithmetic runs through `generate`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainer, type Harness } from './harness';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { parseProject } from '../../src/core/project/schema';
import { buildBatch, type ExploreRequest } from '../../src/core/explore';
import { spritesDataset } from '../../src/core/data/sprites';
import type { DatasetSpec } from '../../src/core/project/types';
import { infoganSprites32 } from '../helpers/spritesProject';

let h: Harness | undefined;
afterEach(async () => {
  await h?.api.stop();
  h?.close();
  h = undefined;
});

function spritesPlan(dataset: DatasetSpec) {
  const p = parseProject(infoganSprites32(dataset as unknown as Record<string, unknown>));
  const r = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 4 });
  if (!r.ok) throw new Error(r.problems.map((x) => x.message).join('\n'));
  return r.plan;
}

describe('the trainer on the new data (cpu backend, over Comlink)', () => {
  it('sprites32 generated in the worker: trains, colour samples, latent arithmetic, no tensor leak', async () => {
    h = await startTrainer();
    const spec: DatasetSpec = { kind: 'sprites32', scale: 'tanh', count: 64 };
    const plan = spritesPlan(spec);
    const s = await h.api.init(plan, { spec }, { backend: 'cpu', quality: false }, h.sink);
    expect(s.dataset).toEqual({ name: 'sprites 32×32 (seed 1)', count: 64, shape: [32, 32, 3] });
    // D's colour input is shown as pictures (a 4×4 grid of the real batch), not as three grey channels.
    expect(s.layouts.find((l) => l.nodeId === 'd_input')).toMatchObject({
      kind: 'image',
      channels: 3,
      width: 128,
      height: 128,
    });
    await h.api.step();
    const tiles = await h.api.probe();
    const d = tiles.find((t) => t.nodeId === 'd_input')!;
    let colour = 0;
    for (let i = 0; i < d.pixels.length; i += 3)
      if (
        Math.max(d.pixels[i], d.pixels[i + 1], d.pixels[i + 2]) -
          Math.min(d.pixels[i], d.pixels[i + 1], d.pixels[i + 2]) >
        40
      )
        colour++;
    expect(colour).toBeGreaterThan(100);
    const before = (await h.api.memory()).numTensors;
    const sample = await h.api.sample(4);
    expect(sample.tile.channels).toBe(3);
    expect(sample.shape).toEqual([4, 32, 32, 3]);
    const grid: ExploreRequest = { kind: 'grid', seed: 1, rows: 2, cols: 3 };
    const points = buildBatch(plan, grid).points;
    const r = await h.api.generate({
      kind: 'arithmetic',
      a: [points[0], points[1]],
      b: [points[2]],
      c: [points[3], points[4]],
      neighbours: 4,
      seed: 2,
    });
    expect([r.rows, r.cols]).toEqual([2, 4]);
    expect(r.tile!.channels).toBe(3);
    expect(r.tile!.pixels.length).toBe(r.tile!.width * r.tile!.height * 3);
    expect((await h.api.memory()).numTensors).toBe(before);
  });

  it('an imported dataset handed over as bytes trains; one over the device-memory budget is refused once, with the figures', async () => {
    h = await startTrainer();
    const host = { ...spritesDataset({ size: 32, count: 16, seed: 4, scale: 'tanh' }), name: 'my sprites' };
    const spec: DatasetSpec = {
      kind: 'custom',
      scale: 'tanh',
      name: 'my sprites',
      shape: [32, 32, 3],
      numClasses: 4,
      count: 16,
    };
    const plan = spritesPlan(spec);
    const s = await h.api.init(plan, { spec, custom: host }, { backend: 'cpu', quality: false }, h.sink);
    expect(s.dataset).toEqual({ name: 'my sprites', count: 16, shape: [32, 32, 3] });
    const m = await h.api.step();
    expect(Number.isFinite(m.dLoss)).toBe(true);
    await h.api.stop();
    // Only the count matters to the estimate: the refusal comes before any upload.
    const huge = { ...host, count: 300_000, labels: undefined };
    await expect(h.api.init(plan, { spec, custom: huge }, { backend: 'cpu', quality: false }, h.sink)).rejects.toThrow(
      "'my sprites' needs 1.1 GB of device memory (300,000 samples of 32×32×3, image bytes packed 3 to a float32: 4 KB each); the budget is 1 GB of device memory for the dataset. Keep at most 262,144 samples",
    );
  });
});
