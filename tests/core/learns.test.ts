/**
 * The short version of the quality benchmark (bench/quality.ts, docs/quality.md): a template that stops
 * learning fails here, not only in a benchmark nobody reran. The 2-D ring template, trained from scratch on
 * the wasm backend in Node (one thread) with fixed seeds, must cover all 8 modes with 80% of its samples on
 * them within a bounded number of steps. Training is deterministic for a seed, so the bound is not luck.
 * The test took 50 s on this 2-core machine at load average 3, 124 s at load 10 (no time assertion, a long
 * timeout).
 */
import { hostRange } from '../../src/core/data/host';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/core/project/templates';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo, getDatasetKind, loadDataset } from '../../src/core/datasets';
import { TrainingSession } from '../../src/core/train/session';
import { toy2dQuality } from '../../src/core/quality/toy2d';
import { wasmTf } from '../helpers/tf';

// Seed 1 (Adam 2e-3, β2 0.99, since the eleventh sitting) has 8/8 modes and 84.6% of its samples on a mode at
// step 2,000 in the benchmark (docs/quality.md), drawn from G's averaged weights (the template's G weight
// averaging). Without the average it has 40.0% there, so 80% also fails when the average stops working.
const SEED = 1,
  MAX_STEPS = 2000,
  EVERY = 500,
  HIGH_QUALITY = 0.8;

describe('the 2-D ring template learns (fixed seed, wasm)', () => {
  it(`covers 8/8 modes with >= ${HIGH_QUALITY * 100}% of its samples on a mode within ${MAX_STEPS} steps`, async () => {
    const tf = await wasmTf();
    const p = loadTemplate('gan-2d-ring');
    const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, seed: SEED });
    if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('; '));
    const host = await loadDataset(p.dataset, {});
    const modes = getDatasetKind(p.dataset.kind).modes!(p.dataset);
    const s = new TrainingSession(tf, res.plan, host);
    const seen: string[] = [];
    let best = { covered: 0, highQuality: 0 };
    try {
      while (s.step < MAX_STEPS) {
        const end = await s.run(EVERY, { flushEvery: 50 });
        expect(end.reason, `step ${s.step}`).not.toBe('nonFinite');
        const t = s.sample(2500, 99);
        const fake = (await t.data()) as Float32Array;
        t.dispose();
        const q = toy2dQuality(fake, hostRange(host, 0, 2500), modes);
        seen.push(`step ${s.step}: ${q.modesCovered}/8, ${(q.highQuality * 100).toFixed(0)}%`);
        if (q.modesCovered === 8 && q.highQuality >= HIGH_QUALITY) {
          best = { covered: 8, highQuality: q.highQuality };
          break;
        }
      }
    } finally {
      s.dispose();
    }
    expect(best.covered, seen.join('; ')).toBe(8);
    console.log(`ring, seed ${SEED}: ${seen.join('; ')}`);
  }, 900_000);
});
