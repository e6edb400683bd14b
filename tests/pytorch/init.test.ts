import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildGan, disposeGan } from '../../src/core/compile/build';
import { seedGanWeights } from '../../src/core/compile/seededInit';
import { TEMPLATE_IDS } from '../../src/core/project/templates';
import { createRequire } from 'node:module';
import { cpuTf } from '../helpers/tf';
import { templatePlan } from './plans';
import { pythonOk, readTensors, writeProject } from './helpers';

/**
 * A seeded PyTorch project starts from Ganvas's very weights: for every template, the generated
 * tfjs_weights.initialise gives G and D the values the app's seedGanWeights gives the compiled tfjs models
 * for the same training seed. tfjs_random.py repeats tfjs's float64 arithmetic (seedrandom's alea,
 * Marsaglia's polar method, the truncation at 2 standard deviations) in the same order, so the float32
 * values are equal; the one operation from another maths library, the logarithm (V8's fdlibm port vs
 * numpy's), is within an ulp of float64, which could move a float32 by one ulp once in about 10^8 values:
 * the test allows 1e-7 per value and counts the values that differ at all.
 */
const dir = resolve('.cache', 'pytorch-test', 'init');
const SEED = 1234;

describe("the PyTorch project's seeded initial weights are Ganvas's", () => {
  it('every template, every weight of G and D', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tf = await cpuTf();
    const cases = TEMPLATE_IDS.map((id) => {
      const { plan, project } = templatePlan(id, { seed: SEED });
      return { id, plan, code: writeProject(join(dir, id), plan, project), out: join(dir, `${id}-initial`) };
    });
    const log = pythonOk('initial.py', [String(SEED), ...cases.flatMap((c) => [c.code, c.out])], { timeout: 600_000 });
    // alea itself, against seedrandom's (the package tfjs draws from): one at a time and in lanes.
    const alea = JSON.parse(
      log
        .split('\n')
        .find((l) => l.startsWith('alea '))!
        .slice(5),
    ) as Record<string, number[]>;
    const require = createRequire(import.meta.url);
    // The seedrandom that tfjs-core itself resolves (a dependency of tfjs, not of Ganvas).
    const seedrandom = createRequire(require.resolve('@tensorflow/tfjs-core'))('seedrandom') as {
      alea(seed: string): () => number;
    };
    const js = seedrandom.alea(String(SEED));
    const want = Array.from({ length: 3000 }, () => js());
    expect(alea.next).toEqual(want);
    expect(alea.numbers).toEqual(want);
    console.log(log.replace(/^alea .*$/m, '').trim());
    let differing = 0;
    for (const c of cases) {
      const py = readTensors(c.out);
      const gan = buildGan(tf, c.plan);
      expect(seedGanWeights(tf, gan, SEED)).toEqual([]);
      const nets = { generator: gan.generator.model, discriminator: gan.discriminator.model };
      let names = 0;
      for (const [net, model] of Object.entries(nets)) {
        for (const w of model.weights) {
          const mine = py[`${net}:${w.originalName}`];
          expect(mine, `${c.id} ${net} ${w.originalName}`).toBeDefined();
          const want = w.read().dataSync();
          expect(mine.data.length).toBe(want.length);
          let worst = 0;
          for (let i = 0; i < want.length; i++) {
            const d = Math.abs(want[i] - mine.data[i]);
            if (d > 0) differing++;
            worst = Math.max(worst, d);
          }
          expect(worst, `${c.id} ${net} ${w.originalName}`).toBeLessThanOrEqual(1e-7);
          names++;
        }
      }
      expect(names).toBe(Object.keys(py).length);
      disposeGan(gan);
    }
    console.log(`values differing from tfjs's: ${differing}`);
  }, 900_000);
});
