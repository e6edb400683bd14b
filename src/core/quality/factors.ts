/**
 * Quality on data with known factors (the generated sprites), from factors measured on G's samples
 * (the kind's FactorModel) and the codes G was given. Pure: plain arrays.
 * - Class coverage: the share of samples showing each class; classes shown by >= COVERAGE_SHARE of them.
 * - InfoGAN's categorical code vs the class: accuracy after the best one-to-one matching (matching.ts).
 * - InfoGAN's continuous codes vs each factor: mutual information, normalised by the factor's entropy
 *   and with the chance level (the same codes shuffled) subtracted, so 0 = unrelated and 1 = the code
 *   determines the factor; per factor the code that carries it and the gap to the runner-up (the
 *   "mutual information gap" of Chen et al. 2018, 'Isolating sources of disentanglement in VAEs'): high
 *   when one code, and only one, controls the factor.
 */
import { mulberry32 } from '../data/random';
import { COVERAGE_SHARE } from './classScore';
import { codeMatchAccuracy } from './matching';

/** Bins per variable for the mutual information: 8 × 8 cells for 256 samples is ~4 a cell. */
export const MI_BINS = 8;

export interface FactorCodeInfo {
  factor: string;
  /** The continuous code (index into the codes) with the most information about the factor. */
  code: number;
  mi: number;
  /** mi minus the runner-up code's (0 with a single code). */
  gap: number;
}

export interface FactorQuality {
  samples: number;
  /** Share of samples in which the measurement recognised a sprite at all. */
  recognised: number;
  /** Share of recognised samples per class. */
  classShares: number[];
  /** Classes shown by at least COVERAGE_SHARE of the recognised samples. */
  coverage: number;
  classes: number;
  /** InfoGAN: the categorical code as a class label, after the best matching. */
  codeAccuracy?: number;
  codeMapping?: number[];
  /** InfoGAN: normalised mutual information of each continuous code (rows) with each non-class factor (columns). */
  mi?: number[][];
  factors?: string[];
  /** Per factor: the code that carries it and by how much more than the next. */
  best?: FactorCodeInfo[];
  /** Mean gap over the factors. */
  mig?: number;
}

/** Equal-width bin of v in [lo, hi] (the top edge in the last bin). */
const binOf = (v: number, lo: number, hi: number, k: number) =>
  Math.max(0, Math.min(k - 1, Math.floor(((v - lo) / (hi - lo || 1)) * k)));

/** Plug-in mutual information (nats) of two binned sequences, and the entropy of the second. */
function mutualInformation(a: Int32Array, b: Int32Array, k: number): { mi: number; hb: number } {
  const n = a.length,
    joint = new Float64Array(k * k),
    pa = new Float64Array(k),
    pb = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    joint[a[i] * k + b[i]] += 1 / n;
    pa[a[i]] += 1 / n;
    pb[b[i]] += 1 / n;
  }
  let mi = 0,
    hb = 0;
  for (let i = 0; i < k; i++) {
    if (pb[i] > 0) hb -= pb[i] * Math.log(pb[i]);
    for (let j = 0; j < k; j++) {
      const p = joint[i * k + j];
      if (p > 0) mi += p * Math.log(p / (pa[i] * pb[j]));
    }
  }
  return { mi, hb };
}

/**
 * Normalised mutual information of a continuous code (values over [lo, hi]) with a factor in [0, 1],
 * over the samples where both are known, minus the same for the code shuffled (seeded): chance is ~0.
 */
export function normalisedMi(
  code: ArrayLike<number>,
  factor: ArrayLike<number>,
  range: [number, number] = [-1, 1],
  bins = MI_BINS,
  seed = 1,
): number {
  const keep: number[] = [];
  for (let i = 0; i < code.length; i++) if (Number.isFinite(code[i]) && Number.isFinite(factor[i])) keep.push(i);
  if (keep.length < 2 * bins) return NaN;
  const a = Int32Array.from(keep, (i) => binOf(code[i], range[0], range[1], bins));
  const b = Int32Array.from(keep, (i) => binOf(factor[i], 0, 1, bins));
  const { mi, hb } = mutualInformation(a, b, bins);
  if (hb <= 0) return 0;
  const shuffled = a.slice(),
    rand = mulberry32(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const chance = mutualInformation(shuffled, b, bins).mi;
  return Math.max(0, Math.min(1, (mi - chance) / hb));
}

export interface FactorInputs {
  /** n × names.length measured factors (the FactorModel's layout: class index first, -1 = nothing recognised). */
  measured: Float32Array;
  names: readonly string[];
  classes: number;
  /** InfoGAN's first categorical code value per sample, and its number of categories. */
  categorical?: { values: ArrayLike<number>; categories: number };
  /** InfoGAN's continuous codes: n × count values, uniform on `range` (Ganvas draws them on [-1, 1]). */
  continuous?: { values: ArrayLike<number>; count: number; range?: [number, number] };
}

export function factorQuality(x: FactorInputs): FactorQuality {
  const F = x.names.length,
    n = x.measured.length / F;
  const cls = Array.from({ length: n }, (_, i) => x.measured[i * F]);
  const seen = cls.map((c, i) => (c >= 0 ? i : -1)).filter((i) => i >= 0);
  const counts = new Array<number>(x.classes).fill(0);
  for (const i of seen) counts[cls[i]]++;
  const classShares = counts.map((c) => (seen.length ? c / seen.length : 0));
  const out: FactorQuality = {
    samples: n,
    recognised: n ? seen.length / n : 0,
    classShares,
    classes: x.classes,
    coverage: classShares.filter((s) => s >= COVERAGE_SHARE).length,
  };
  if (x.categorical) {
    // Unrecognised samples count as wrong: they are matched to no class.
    const m = codeMatchAccuracy(
      seen.map((i) => x.categorical!.values[i]),
      seen.map((i) => cls[i]),
      x.categorical.categories,
      x.classes,
    );
    out.codeAccuracy = n ? (m.accuracy * seen.length) / n : 0;
    out.codeMapping = m.mapping;
  }
  if (x.continuous && x.continuous.count > 0) {
    const k = x.continuous.count,
      range = x.continuous.range ?? [-1, 1];
    const factors = x.names.slice(1);
    const mi = Array.from({ length: k }, (_, c) =>
      factors.map((_, f) =>
        normalisedMi(
          Array.from({ length: n }, (_, i) => (cls[i] >= 0 ? x.continuous!.values[i * k + c] : NaN)),
          Array.from({ length: n }, (_, i) => x.measured[i * F + 1 + f]),
          range,
          MI_BINS,
          17 + c,
        ),
      ),
    );
    const best = factors.map((factor, f): FactorCodeInfo => {
      const col = mi.map((row) => (Number.isFinite(row[f]) ? row[f] : 0));
      const order = col.map((v, c) => [v, c]).sort((a, b) => b[0] - a[0]);
      return { factor, code: order[0][1], mi: order[0][0], gap: order[0][0] - (order[1]?.[0] ?? 0) };
    });
    out.mi = mi;
    out.factors = [...factors];
    out.best = best;
    out.mig = best.reduce((a, b) => a + b.gap, 0) / best.length;
  }
  return out;
}

/** One line for the CLI and the metrics panel. */
export function describeFactorQuality(q: FactorQuality, classNames: readonly string[]): string {
  const parts = [
    `${(q.recognised * 100).toFixed(0)}% recognisable`,
    `${q.coverage}/${q.classes} classes (${q.classShares.map((s, i) => `${classNames[i] ?? i} ${(s * 100).toFixed(0)}%`).join(', ')})`,
  ];
  if (q.codeAccuracy !== undefined) parts.push(`categorical code vs class ${(q.codeAccuracy * 100).toFixed(1)}%`);
  if (q.best)
    parts.push(
      `continuous codes: ${
        q.best
          .filter((b) => b.mi >= 0.1)
          .map((b) => `${b.factor} by code ${b.code} (MI ${b.mi.toFixed(2)})`)
          .join(', ') || 'no factor'
      }; MIG ${q.mig!.toFixed(2)}`,
    );
  return parts.join(', ');
}
