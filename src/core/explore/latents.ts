/**
 * One point of the generator's input space, drawn from a seed, and the two ways to walk between two
 * points. Pure numbers (no tf): the explorer builds its batches on the host, so every grid is exactly
 * reproducible from its seeds and testable in Node.
 */
import { getBlock } from '../blocks';
import type { GanPlan, PlanInput } from '../compile/plan';
import { gaussian, mulberry32 } from '../data/random';

/**
 * A point, one entry per generator input in plan order: the noise vector, the continuous codes, or,
 * for a categorical code or a class label, the chosen index as a one-element array.
 */
export type LatentPoint = Float32Array[];

/** Inputs whose value is an index (a category or a class) rather than a vector of numbers. */
export const isIndexInput = (input: PlanInput): boolean => input.role === 'categoricalCode' || input.role === 'label';

/** How many values an index input can take: the one-hot width of a code, the dataset's classes for a label. */
export function choicesOf(plan: GanPlan, input: PlanInput): number {
  if (input.role === 'label') return Math.max(1, plan.data.numClasses);
  return input.shape[0] ?? 1;
}

/** Mixes a seed and an index into a new 32-bit seed, so point i of seed s never depends on other points. */
export function seedOf(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** The point a seed names: noise from its distribution (normal, or uniform in [-1, 1]), codes uniform, indices uniform. */
export function randomPoint(plan: GanPlan, seed: number): LatentPoint {
  const rand = mulberry32(seed);
  const normal = gaussian(rand);
  return plan.generator.inputs.map((input) => {
    if (isIndexInput(input)) return Float32Array.of(Math.floor(rand() * choicesOf(plan, input)));
    const size = input.shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(size);
    const uniform = getBlock(input.type).latentDistribution?.(input.params) === 'uniform';
    for (let i = 0; i < size; i++) v[i] = uniform ? rand() * 2 - 1 : normal();
    return v;
  });
}

export const norm = (v: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
};

export function lerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

/**
 * Spherical interpolation (Shoemake; White 2016, "Sampling generative networks"): walks the great
 * circle between a and b, so midpoints keep the norm a Gaussian latent typically has instead of
 * shrinking towards the origin as a straight line does. Nearly parallel vectors fall back to lerp.
 */
export function slerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  const na = norm(a),
    nb = norm(b);
  if (na === 0 || nb === 0) return lerp(a, b, t);
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] / na) * (b[i] / nb);
  const omega = Math.acos(Math.min(1, Math.max(-1, dot)));
  const s = Math.sin(omega);
  if (s < 1e-6) return lerp(a, b, t);
  const ka = Math.sin((1 - t) * omega) / s,
    kb = Math.sin(t * omega) / s;
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = ka * a[i] + kb * b[i];
  return out;
}

/**
 * The point at t between a and b: noise by lerp or slerp, continuous codes linearly, and indices
 * (category, class) taken from a — a class cannot be half of two classes.
 */
export function between(plan: GanPlan, a: LatentPoint, b: LatentPoint, t: number, mode: 'lerp' | 'slerp'): LatentPoint {
  return plan.generator.inputs.map((input, i) => {
    if (isIndexInput(input)) return a[i].slice();
    if (input.role === 'noise' && mode === 'slerp') return slerp(a[i], b[i], t);
    return lerp(a[i], b[i], t);
  });
}

/**
 * The values G's input layer takes for a point: vectors as they are; a categorical code one-hot; a
 * class label one-hot when the input is as wide as the number of classes, else the index itself
 * (the 'index' encoding, shape [1]) — the same encodings the blocks' `sample` produce in training.
 */
export function encodePoint(plan: GanPlan, p: LatentPoint): Float32Array[] {
  return plan.generator.inputs.map((input, i) => {
    if (!isIndexInput(input)) return p[i];
    const width = input.shape[0] ?? 1;
    const k = choicesOf(plan, input);
    if (width === 1 && k > 1) return Float32Array.of(p[i][0]);
    const v = new Float32Array(width);
    v[Math.min(width - 1, p[i][0])] = 1;
    return v;
  });
}
