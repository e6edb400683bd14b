import { afterEach, describe, expect, it } from 'vitest';
import { runStepOfZip, weightsFromZip, weightsToZip } from '../../src/app/export/weightsZip';
import { planOf, startTrainer, type Harness } from '../worker/harness';

/**
 * Issue 5's round trip over the worker API (Comlink over a MessageChannel, cpu backend, as the page
 * drives it): train, export the weights as the zip the app downloads, import them into a fresh
 * trainer, and the samples for the same seed are identical.
 */
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.api.stop();
    h.close();
  }
});
async function trainer(template: string): Promise<Harness> {
  const h = await startTrainer();
  open.push(h);
  const { plan, data } = planOf(template, { batchSize: 8 });
  await h.api.init(plan, data, { backend: 'cpu', visualize: false }, h.sink);
  return h;
}

describe('weights round trip through the trainer', () => {
  it('train, export, import into a fresh trainer: identical samples for the same seed, and training continues', async () => {
    const a = await trainer('gan-2d-ring');
    for (let i = 0; i < 5; i++) await a.api.step();
    const want = await a.api.sample(64, 7);
    const zip = weightsToZip(await a.api.exportWeights());

    const b = await trainer('gan-2d-ring');
    const fresh = await b.api.sample(64, 7);
    expect(Array.from(fresh.values)).not.toEqual(Array.from(want.values));
    await b.api.step();
    const tensors = (await b.api.memory()).numTensors;
    await b.api.importWeights(weightsFromZip(zip));
    const got = await b.api.sample(64, 7);
    expect(got.shape).toEqual(want.shape);
    expect(Array.from(got.values)).toEqual(Array.from(want.values));
    expect(Array.from(got.tile.pixels)).toEqual(Array.from(want.tile.pixels));

    const m = await b.api.step();
    for (const v of [m.dLoss, m.gLoss]) expect(Number.isFinite(v)).toBe(true);
    // No leak: after a step (fresh optimizer state built again) as many tensors as after a step before the import.
    expect((await b.api.memory()).numTensors).toBe(tensors);
  });

  it("continues from the exported run's step (run.json, or a CLI run's metrics.jsonl), with this run's history dropped", async () => {
    const a = await trainer('gan-2d-ring');
    for (let i = 0; i < 5; i++) await a.api.step();
    const zip = weightsToZip(await a.api.exportWeights(), { 'run.json': JSON.stringify({ step: 6 }) });
    expect(runStepOfZip(zip)).toBe(6);
    const b = await trainer('gan-2d-ring');
    await b.api.step();
    expect(await b.api.importWeights(weightsFromZip(zip), runStepOfZip(zip))).toBe(6);
    await b.waitFor((e): e is Extract<typeof e, { type: 'imported' }> => e.type === 'imported' && e.step === 6);
    expect((await b.api.step()).step).toBe(7);
    // A zipped `npm run train` folder: its metrics.jsonl says how far it went; a zip that says nothing: undefined.
    const cli = weightsToZip(await a.api.exportWeights(), {
      'runs/ring/metrics.jsonl': '{"step":1,"dLoss":1}\n{"step":0,"realQuality":{}}\n{"step":3000,"quality":{}}\n',
    });
    expect(runStepOfZip(cli)).toBe(3000);
    expect(runStepOfZip(weightsToZip(await a.api.exportWeights()))).toBeUndefined();
  });

  it('refuses the weights of another project with the first mismatch, and the samples stay as they were', async () => {
    const dc = await trainer('vanilla-gan-mnist');
    const zip = weightsToZip(await dc.api.exportWeights());
    const ring = await trainer('gan-2d-ring');
    const before = await ring.api.sample(16, 3);
    await expect(ring.api.importWeights(weightsFromZip(zip))).rejects.toThrow(/^generator: /);
    expect(Array.from((await ring.api.sample(16, 3)).values)).toEqual(Array.from(before.values));
  });
});
