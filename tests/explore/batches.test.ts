import { describe, expect, it } from 'vitest';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import { byClass, explorations, interpolate, randomGrid, sweep } from '../../src/core/explore/batches';
import { lerp, norm, randomPoint, slerp } from '../../src/core/explore/latents';

function planOf(template: string): GanPlan {
  const p = loadTemplate(template);
  const r = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!r.ok) throw new Error(r.problems.map((x) => x.message).join('\n'));
  return r.plan;
}
const size = (plan: GanPlan, i: number) => plan.generator.inputs[i].shape.reduce((a, b) => a * b, 1);
/** Sample j's values of generator input i. */
const row = (b: { inputs: Float32Array[] }, plan: GanPlan, i: number, j: number) =>
  Array.from(b.inputs[i].subarray(j * size(plan, i), (j + 1) * size(plan, i)));

describe('slerp and lerp', () => {
  const a = Float32Array.from([3, 0, 0, 0]),
    b = Float32Array.from([0, 3, 0, 0]);
  it('slerp starts at a, ends at b, and keeps the norm on the way when |a| = |b|', () => {
    expect(Array.from(slerp(a, b, 0))).toEqual(Array.from(a));
    expect(Array.from(slerp(a, b, 1)).map((v) => Math.round(v * 1e5) / 1e5)).toEqual(Array.from(b));
    for (const t of [0.25, 0.5, 0.75]) expect(norm(slerp(a, b, t))).toBeCloseTo(3, 5);
    // The straight line cuts the corner: its midpoint is shorter.
    expect(norm(lerp(a, b, 0.5))).toBeCloseTo(3 / Math.SQRT2, 5);
  });
  it('slerp of (nearly) parallel vectors is the straight line, without NaN', () => {
    const c = Float32Array.from([1, 2, 3]);
    const m = slerp(
      c,
      c.map((v) => v * 2),
      0.5,
    );
    expect(Array.from(m)).toEqual([1.5, 3, 4.5]);
  });
  it('slerp keeps the typical norm of 100-d Gaussian latents; lerp midpoints shrink by ~1/sqrt(2)', () => {
    const plan = planOf('dcgan-mnist');
    const a = randomPoint(plan, 1)[0],
      b = randomPoint(plan, 2)[0];
    const mid = (norm(a) + norm(b)) / 2;
    expect(norm(slerp(a, b, 0.5)) / mid).toBeGreaterThan(0.97);
    expect(norm(lerp(a, b, 0.5)) / mid).toBeLessThan(0.8);
  });
});

describe('explorer batches', () => {
  it('random grid: shapes match the plan inputs, seeded, and a new seed gives new latents', () => {
    const plan = planOf('infogan-mnist');
    const g = randomGrid(plan, 7, 3, 4);
    expect([g.rows, g.cols]).toEqual([3, 4]);
    plan.generator.inputs.forEach((input, i) => expect(g.inputs[i].length).toBe(12 * size(plan, i)));
    // One-hot categorical code: exactly one 1 per sample.
    for (let j = 0; j < 12; j++) expect(row(g, plan, 1, j).reduce((a, v) => a + v, 0)).toBe(1);
    expect(randomGrid(plan, 7, 3, 4).inputs[0]).toEqual(g.inputs[0]);
    expect(randomGrid(plan, 8, 3, 4).inputs[0]).not.toEqual(g.inputs[0]);
    // uniform latent stays in [-1, 1]
    expect(g.inputs[0].every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it("interpolation: a strip whose ends are the two seeds' points, slerp differs from lerp in between", () => {
    const plan = planOf('dcgan-mnist');
    const l = interpolate(plan, 1, 2, 8, 'lerp'),
      s = interpolate(plan, 1, 2, 8, 'slerp');
    expect([l.rows, l.cols, l.inputs[0].length]).toEqual([1, 8, 800]);
    expect(row(s, plan, 0, 0)).toEqual(row(l, plan, 0, 0));
    expect(row(s, plan, 0, 7).map((v) => v.toFixed(4))).toEqual(row(l, plan, 0, 7).map((v) => v.toFixed(4)));
    expect(row(s, plan, 0, 3)).not.toEqual(row(l, plan, 0, 3));
    // Endpoint B re-rolled: A stays.
    const r = interpolate(plan, 1, 3, 8, 'slerp');
    expect(row(r, plan, 0, 0)).toEqual(row(s, plan, 0, 0));
    expect(row(r, plan, 0, 7)).not.toEqual(row(s, plan, 0, 7));
  });

  it('interpolation keeps the class of a conditional GAN fixed (index encoding)', () => {
    const plan = planOf('acgan-tfjs-examples');
    const b = interpolate(plan, 4, 5, 6, 'slerp');
    const classes = Array.from(b.inputs[1]);
    expect(new Set(classes).size).toBe(1);
    expect(Number.isInteger(classes[0])).toBe(true);
  });

  it('categorical sweep: one column per category, and along a row only that code changes', () => {
    const plan = planOf('infogan-mnist');
    const b = sweep(plan, 3, 4, 'c_cat');
    expect([b.rows, b.cols]).toEqual([4, 10]);
    expect(b.colLabels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 10; c++) {
        const j = r * 10 + c;
        expect(row(b, plan, 1, j).indexOf(1)).toBe(c);
        expect(row(b, plan, 0, j)).toEqual(row(b, plan, 0, r * 10));
        expect(row(b, plan, 2, j)).toEqual(row(b, plan, 2, r * 10));
      }
    }
    // Rows differ in their fixed part.
    expect(row(b, plan, 0, 0)).not.toEqual(row(b, plan, 0, 10));
  });

  it('continuous sweep: one dimension goes -2..2 along each row, the other stays', () => {
    const plan = planOf('infogan-mnist');
    const b = sweep(plan, 3, 2, 'c_cont', { dim: 1, steps: 5 });
    expect([b.rows, b.cols]).toEqual([2, 5]);
    for (let r = 0; r < 2; r++) {
      const vals = Array.from({ length: 5 }, (_, c) => row(b, plan, 2, r * 5 + c));
      expect(vals.map((v) => v[1])).toEqual([-2, -1, 0, 1, 2]);
      expect(new Set(vals.map((v) => v[0])).size).toBe(1);
      for (let c = 0; c < 5; c++) {
        expect(row(b, plan, 0, r * 5 + c)).toEqual(row(b, plan, 0, r * 5));
        expect(row(b, plan, 1, r * 5 + c)).toEqual(row(b, plan, 1, r * 5));
      }
    }
  });

  it('sweep of an input that is no code says so', () => {
    expect(() => sweep(planOf('infogan-mnist'), 1, 2, 'z')).toThrow(/not a categorical or continuous code/);
  });

  it('by class: one row per class (one-hot cGAN), the same latent down each column', () => {
    const plan = planOf('cgan-mnist');
    const b = byClass(plan, 9, 5);
    expect([b.rows, b.cols]).toEqual([10, 5]);
    for (let c = 0; c < 10; c++) {
      for (let k = 0; k < 5; k++) {
        const j = c * 5 + k;
        expect(row(b, plan, 1, j).indexOf(1)).toBe(c);
        expect(row(b, plan, 0, j)).toEqual(row(b, plan, 0, k));
      }
    }
    expect(() => byClass(planOf('dcgan-mnist'), 1, 4)).toThrow(/no class label/);
  });

  it('says what applies to each template', () => {
    expect(explorations(planOf('gan-2d-ring'))).toEqual({ sweeps: [], byClass: false, points: true, arithmetic: true });
    expect(explorations(planOf('infogan-mnist'))).toEqual({
      sweeps: [
        { input: 'c_cat', kind: 'categorical', size: 10 },
        { input: 'c_cont', kind: 'continuous', size: 2 },
      ],
      byClass: false,
      points: false,
      arithmetic: true,
    });
    expect(explorations(planOf('acgan-mnist')).byClass).toBe(true);
    expect(explorations(planOf('cgan-mnist')).byClass).toBe(true);
  });
});
