/**
 * Latent arithmetic: group means, A − B + C, neighbours, as a request the worker's `generate` runs. The
 * last test closes the loop on sprites: with a generator whose inputs set known factors, A − B + C moves
 * the factor that differs between A and B and keeps the others, as measured from the pixels.
 */
import { describe, expect, it } from 'vitest';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import { buildBatch, pickPoint, type ExploreRequest } from '../../src/core/explore/batches';
import { groupMean, latentArithmetic } from '../../src/core/explore/arithmetic';
import { randomPoint, seedOf, type LatentPoint } from '../../src/core/explore/latents';
import { drawSprite } from '../../src/core/data/sprites';
import { measureSprites } from '../../src/core/data/spriteMeasure';
import { generateExploration } from '../../src/core/explore/generate';
import { buildGan, disposeGan } from '../../src/core/compile/build';
import { cpuTf } from '../helpers/tf';

function planOf(template: string): GanPlan {
  const p = loadTemplate(template);
  const r = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!r.ok) throw new Error(r.problems.map((x) => x.message).join('\n'));
  return r.plan;
}
const at = (plan: GanPlan, id: string) => plan.generator.inputs.findIndex((i) => i.id === id);

describe('latent arithmetic', () => {
  const plan = planOf('infogan-mnist'); // noise z (62), categorical c_cat (10), continuous c_cont (2)
  const pts = (seed: number, n: number) => Array.from({ length: n }, (_, j) => randomPoint(plan, seedOf(seed, j)));

  it('averages vectors element-wise and index inputs as one-hot shares', () => {
    const g = pts(1, 3);
    const m = groupMean(plan, g);
    const z = at(plan, 'z'),
      c = at(plan, 'c_cat');
    expect(m[z][5]).toBeCloseTo((g[0][z][5] + g[1][z][5] + g[2][z][5]) / 3, 6);
    expect(m[c].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(() => groupMean(plan, [], 'B')).toThrow('B is empty: pick at least one sample into it');
  });

  it('A − B + C: vectors combined, a class (or category) follows the one-hot arithmetic', () => {
    const [a, b, c] = [pts(1, 2), pts(2, 2), pts(3, 2)];
    const cat = at(plan, 'c_cat'),
      z = at(plan, 'z');
    for (const p of a) p[cat][0] = 4;
    for (const p of b) p[cat][0] = 4;
    for (const p of c) p[cat][0] = 7;
    const { result, means } = latentArithmetic(plan, { a, b, c });
    expect(result[cat][0]).toBe(7); // 4 − 4 + 7
    const ma = groupMean(plan, a),
      mb = groupMean(plan, b),
      mc = groupMean(plan, c);
    for (let j = 0; j < 62; j++) expect(result[z][j]).toBeCloseTo(ma[z][j] - mb[z][j] + mc[z][j], 5);
    expect(means.map((m) => m[cat][0])).toEqual([4, 4, 7]);
    // glasses (class 1) − no glasses (0) + no glasses (0) = glasses
    for (const p of b) p[cat][0] = 0;
    for (const p of c) p[cat][0] = 0;
    for (const p of a) p[cat][0] = 1;
    expect(latentArithmetic(plan, { a, b, c }).result[cat][0]).toBe(1);
  });

  it('is a request the worker runs: means and result in the first row, neighbours below, same numbers every time', () => {
    const r: ExploreRequest = { kind: 'arithmetic', a: pts(1, 3), b: pts(2, 3), c: pts(3, 3), neighbours: 6, seed: 9 };
    const batch = buildBatch(plan, r);
    expect([batch.rows, batch.cols]).toEqual([3, 4]); // 6 neighbours round up to 2 rows of 4
    expect(batch.colLabels).toEqual(['A', 'B', 'C', 'A − B + C']);
    expect(batch.inputs[at(plan, 'z')]).toHaveLength(12 * 62);
    expect(buildBatch(plan, r).inputs).toEqual(batch.inputs);
    // Neighbours move the noise a little and keep the codes.
    const z = at(plan, 'z'),
      cont = at(plan, 'c_cont');
    const result = batch.points[3];
    for (const p of batch.points.slice(4)) {
      const d = Math.sqrt(p[z].reduce((a, v, j) => a + (v - result[z][j]) ** 2, 0) / 62);
      expect(d).toBeGreaterThan(0.15);
      expect(d).toBeLessThan(0.35);
      expect(Array.from(p[cont])).toEqual(Array.from(result[cont]));
    }
  });

  it('picks the point behind any sample of any picture', () => {
    const r: ExploreRequest = { kind: 'grid', seed: 3, rows: 2, cols: 3 };
    expect(pickPoint(plan, r, 4)).toEqual(buildBatch(plan, r).points[4]);
    expect(() => pickPoint(plan, r, 6)).toThrow('sample 6 is not in this picture (it has 6)');
  });

  it('runs through G (tfjs) and leaves no tensors behind', async () => {
    const tf = await cpuTf();
    const gan = buildGan(tf, plan);
    const before = tf.memory().numTensors;
    const r = await generateExploration(
      tf,
      plan,
      gan.generator.model,
      { kind: 'arithmetic', a: pts(1, 2), b: pts(2, 2), c: pts(3, 2), neighbours: 4 },
      { scale: 'tanh' },
    );
    expect([r.rows, r.cols]).toEqual([2, 4]);
    expect(r.shape).toEqual([8, 28, 28, 1]);
    expect(r.tile!.width).toBe(4 * 29 - 1);
    expect(tf.memory().numTensors).toBe(before);
    disposeGan(gan);
  });

  it('on sprites, A − B + C moves the factor that differs between A and B and keeps the rest', () => {
    // A generator stand-in whose inputs set known factors: z[0] → hue, z[1] → x, z[2] → y, z[3] → scale; the category → shape.
    const z = at(plan, 'z'),
      cat = at(plan, 'c_cat');
    const unit = (v: number) => Math.min(1, Math.max(0, (v + 1) / 2));
    const render = (p: LatentPoint) => {
      const out = new Uint8Array(32 * 32 * 3);
      drawSprite(
        {
          shape: p[cat][0] % 4,
          hue: 0.8 * unit(p[z][0]),
          scale: unit(p[z][3]),
          rotation: 0,
          x: unit(p[z][1]),
          y: unit(p[z][2]),
        },
        32,
        3,
        out,
      );
      return Float32Array.from(out, (v) => v / 255);
    };
    const pool = pts(11, 4000);
    const pick = (hue: [number, number], x: [number, number]) =>
      pool
        .filter((p) => {
          const h = 0.8 * unit(p[z][0]),
            px = unit(p[z][1]);
          return h >= hue[0] && h < hue[1] && px >= x[0] && px < x[1];
        })
        .slice(0, 5)
        .map((p) => {
          const q = p.map((v) => v.slice());
          q[cat][0] = 0;
          return q;
        });
    // A: reddish squares on the left; B: reddish squares on the right; C: blue squares on the right.
    const a = pick([0, 0.12], [0, 0.3]),
      b = pick([0, 0.12], [0.7, 1]),
      c = pick([0.6, 0.72], [0.7, 1]);
    expect([a.length, b.length, c.length]).toEqual([5, 5, 5]);
    const { result } = latentArithmetic(plan, { a, b, c });
    const [m] = measureSprites(render(result), 1, 32, 3, 'sigmoid');
    const mean = (g: LatentPoint[], f: (p: LatentPoint) => number) => g.reduce((s, p) => s + f(p), 0) / g.length;
    expect(m.shape).toBe(0);
    // Blue like C, on the left like A: the hue moved from A's to C's; the place moved from C's to A's.
    expect(Math.abs(m.hue - mean(c, (p) => 0.8 * unit(p[z][0])))).toBeLessThan(0.06);
    expect(m.x).toBeLessThan(0.35);
    expect(Math.abs(m.x - mean(a, (p) => unit(p[z][1])))).toBeLessThan(0.12);
  });
});
