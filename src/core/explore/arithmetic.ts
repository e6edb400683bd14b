/**
 * Latent arithmetic (Radford et al. 2016, DCGAN §6.3: "smiling woman − neutral woman + neutral man"):
 * the user picks samples into three groups, each group's latents are averaged (one sample is noisy; the
 * average of a few keeps what they share), and A − B + C is drawn with a few neighbours (the result plus
 * a little noise), which show whether the result is a stable region of G's input space or a fluke.
 * Vectors (noise, continuous codes) are averaged and combined as they are; an index input (a categorical
 * code, a class) is combined as its one-hot vector and the largest entry taken — class 1 − class 1 +
 * class 2 is class 2.
 */
import type { GanPlan } from '../compile/plan';
import { gaussian, mulberry32 } from '../data/random';
import { choicesOf, isIndexInput, type LatentPoint } from './latents';

export interface ArithmeticGroups {
  a: LatentPoint[];
  b: LatentPoint[];
  c: LatentPoint[];
}

/** The noise Radford et al. added to show neighbours of a result (±0.25 on a uniform latent). */
export const NEIGHBOUR_SPREAD = 0.25;
export const MAX_NEIGHBOURS = 12;

/** The average of a group: vectors element-wise; index inputs as their mean one-hot vector (a distribution over choices). */
export function groupMean(plan: GanPlan, group: readonly LatentPoint[], name = 'group'): Float32Array[] {
  if (!group.length) throw new Error(`${name} is empty: pick at least one sample into it`);
  return plan.generator.inputs.map((input, i) => {
    if (isIndexInput(input)) {
      const k = choicesOf(plan, input),
        v = new Float32Array(k);
      for (const p of group) v[Math.max(0, Math.min(k - 1, Math.round(p[i][0])))] += 1 / group.length;
      return v;
    }
    const width = group[0][i].length,
      v = new Float32Array(width);
    for (const p of group) {
      if (p[i].length !== width)
        throw new Error(
          `${name}: its samples' '${input.id}' inputs differ in size (${width} and ${p[i].length}): were they picked from another model?`,
        );
      for (let j = 0; j < width; j++) v[j] += p[i][j] / group.length;
    }
    return v;
  });
}

/** Ā − B̄ + C̄ as a point (index inputs: the largest entry of the combined one-hot vectors). */
export function latentArithmetic(plan: GanPlan, g: ArithmeticGroups): { means: LatentPoint[]; result: LatentPoint } {
  const [a, b, c] = [groupMean(plan, g.a, 'A'), groupMean(plan, g.b, 'B'), groupMean(plan, g.c, 'C')];
  const result = plan.generator.inputs.map((input, i) => {
    const v = a[i].map((x, j) => x - b[i][j] + c[i][j]);
    if (!isIndexInput(input)) return v;
    let best = 0;
    for (let j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
    return Float32Array.of(best);
  });
  // The group means drawn as samples: index inputs at their most common choice.
  const asPoint = (m: Float32Array[]): LatentPoint =>
    plan.generator.inputs.map((input, i) => {
      if (!isIndexInput(input)) return m[i];
      let best = 0;
      for (let j = 1; j < m[i].length; j++) if (m[i][j] > m[i][best]) best = j;
      return Float32Array.of(best);
    });
  return { means: [asPoint(a), asPoint(b), asPoint(c)], result };
}

/** k points around p: noise added (seeded, σ = spread) to the noise inputs only; codes and classes kept. */
export function neighbours(plan: GanPlan, p: LatentPoint, k: number, spread: number, seed: number): LatentPoint[] {
  const normal = gaussian(mulberry32(seed));
  return Array.from({ length: k }, () =>
    plan.generator.inputs.map((input, i) => {
      if (input.role !== 'noise') return p[i].slice();
      return p[i].map((v) => v + spread * normal());
    }),
  );
}
