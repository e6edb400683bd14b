/**
 * The explorer's requests -> the generator's input batch, laid out as rows × columns of one picture.
 * Pure and seeded: the same request on the same plan gives the same numbers, in Node or in a worker.
 */
import type { GanPlan } from '../compile/plan';
import { between, choicesOf, encodePoint, isIndexInput, randomPoint, seedOf, type LatentPoint } from './latents';
import { latentArithmetic, MAX_NEIGHBOURS, NEIGHBOUR_SPREAD, neighbours, type ArithmeticGroups } from './arithmetic';

export type ExploreRequest =
  /** rows × cols independent samples (a conditional GAN's classes cycle over them). */
  | { kind: 'grid'; seed: number; rows: number; cols: number }
  /** One strip of `steps` samples from the point of seedA to the point of seedB. */
  | { kind: 'interpolate'; seedA: number; seedB: number; steps: number; mode: 'lerp' | 'slerp' }
  /**
   * Each row one random point; along the row one code changes and nothing else: every category of
   * a categorical input, or `steps` values from `from` to `to` of one continuous dimension.
   */
  | {
      kind: 'sweep';
      seed: number;
      rows: number;
      input: string;
      dim?: number;
      steps?: number;
      from?: number;
      to?: number;
    }
  /** One row per class, the same `cols` latents in every row (so a column keeps its style). */
  | { kind: 'byClass'; seed: number; cols: number }
  /**
   * Latent arithmetic: the means of three groups of picked samples (their points, as `pickPoint` gives
   * them) and A − B + C, then `neighbours` points around the result (noise of σ `spread`, seeded).
   */
  | {
      kind: 'arithmetic';
      a: LatentPoint[];
      b: LatentPoint[];
      c: LatentPoint[];
      neighbours?: number;
      spread?: number;
      seed?: number;
    };

export interface ExploreBatch {
  rows: number;
  cols: number;
  /** Per generator input (plan order), [rows·cols, ...shape] values, row-major, as G takes them. */
  inputs: Float32Array[];
  /** The points before encoding (for tests and for drawing 2-D paths). */
  points: LatentPoint[];
  rowLabels: string[];
  colLabels: string[];
  /** One line saying what the picture shows. */
  caption: string;
}

/** Most samples one request may ask for (a 16 × 16 grid). */
export const MAX_SAMPLES = 256;
const clampInt = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

function pack(
  plan: GanPlan,
  rows: number,
  cols: number,
  points: LatentPoint[],
  labels: Pick<ExploreBatch, 'rowLabels' | 'colLabels' | 'caption'>,
): ExploreBatch {
  const enc = points.map((p) => encodePoint(plan, p));
  const inputs = plan.generator.inputs.map((_, i) => {
    const w = enc[0]?.[i].length ?? 0;
    const out = new Float32Array(points.length * w);
    enc.forEach((e, j) => out.set(e[i], j * w));
    return out;
  });
  return { rows, cols, inputs, points, ...labels };
}

export function randomGrid(plan: GanPlan, seed: number, rows: number, cols: number): ExploreBatch {
  rows = clampInt(rows, 1, 16);
  cols = clampInt(cols, 1, Math.floor(MAX_SAMPLES / rows));
  const points = Array.from({ length: rows * cols }, (_, j) => randomPoint(plan, seedOf(seed, j)));
  // Like the training panel's grid: a conditional GAN shows every class in turn.
  plan.generator.inputs.forEach((input, i) => {
    if (input.role === 'label')
      points.forEach((p, j) => {
        p[i][0] = j % choicesOf(plan, input);
      });
  });
  return pack(plan, rows, cols, points, {
    rowLabels: [],
    colLabels: [],
    caption: `${rows * cols} random samples, seed ${seed}`,
  });
}

export function interpolate(
  plan: GanPlan,
  seedA: number,
  seedB: number,
  steps: number,
  mode: 'lerp' | 'slerp',
): ExploreBatch {
  steps = clampInt(steps, 2, 64);
  const a = randomPoint(plan, seedOf(seedA, 0)),
    b = randomPoint(plan, seedOf(seedB, 0));
  const points = Array.from({ length: steps }, (_, j) => between(plan, a, b, j / (steps - 1), mode));
  const colLabels = points.map((_, j) => (j === 0 ? 'A' : j === steps - 1 ? 'B' : ''));
  const how = mode === 'slerp' ? 'spherical (slerp)' : 'linear';
  return pack(plan, 1, steps, points, {
    rowLabels: [],
    colLabels,
    caption: `${how} interpolation, seed ${seedA} → seed ${seedB}, ${steps} steps`,
  });
}

export function sweep(
  plan: GanPlan,
  seed: number,
  rows: number,
  inputId: string,
  opts: { dim?: number; steps?: number; from?: number; to?: number } = {},
): ExploreBatch {
  const at = plan.generator.inputs.findIndex((i) => i.id === inputId);
  const input = plan.generator.inputs[at];
  if (!input || (input.role !== 'categoricalCode' && input.role !== 'continuousCode')) {
    throw new Error(`'${inputId}' is not a categorical or continuous code of the generator`);
  }
  rows = clampInt(rows, 1, 16);
  const categorical = input.role === 'categoricalCode';
  const dim = clampInt(opts.dim ?? 0, 0, (input.shape[0] ?? 1) - 1);
  const from = opts.from ?? -2,
    to = opts.to ?? 2;
  const cols = categorical ? choicesOf(plan, input) : clampInt(opts.steps ?? 7, 2, 32);
  const valueAt = (j: number) => (categorical ? j : from + ((to - from) * j) / (cols - 1));
  const points: LatentPoint[] = [];
  for (let r = 0; r < rows; r++) {
    const base = randomPoint(plan, seedOf(seed, r));
    for (let j = 0; j < cols; j++) {
      const p = base.map((v) => v.slice());
      p[at][categorical ? 0 : dim] = valueAt(j);
      points.push(p);
    }
  }
  const colLabels = Array.from({ length: cols }, (_, j) => (categorical ? String(j) : valueAt(j).toFixed(1)));
  const what = categorical ? `every category of ${input.id}` : `${input.id}[${dim}] from ${from} to ${to}`;
  return pack(plan, rows, cols, points, {
    rowLabels: [],
    colLabels,
    caption: `${what}, the rest fixed per row (seed ${seed})`,
  });
}

export function byClass(plan: GanPlan, seed: number, cols: number): ExploreBatch {
  const at = plan.generator.inputs.findIndex((i) => i.role === 'label');
  if (at < 0) throw new Error('the generator has no class label input');
  const classes = choicesOf(plan, plan.generator.inputs[at]);
  cols = clampInt(cols, 1, Math.max(1, Math.floor(MAX_SAMPLES / classes)));
  const bases = Array.from({ length: cols }, (_, j) => randomPoint(plan, seedOf(seed, j)));
  const points: LatentPoint[] = [];
  for (let c = 0; c < classes; c++) {
    for (const base of bases) {
      const p = base.map((v) => v.slice());
      p[at][0] = c;
      points.push(p);
    }
  }
  const rowLabels = Array.from({ length: classes }, (_, c) => String(c));
  return pack(plan, classes, cols, points, {
    rowLabels,
    colLabels: [],
    caption: `one row per class, the same ${cols} latents in every row (seed ${seed})`,
  });
}

/**
 * Latent arithmetic laid out 4 wide: Ā, B̄, C̄, A − B + C in the first row, then the neighbours of the
 * result (rounded up to whole rows of 4, at most MAX_NEIGHBOURS).
 */
export function arithmetic(
  plan: GanPlan,
  groups: ArithmeticGroups,
  opts: { neighbours?: number; spread?: number; seed?: number } = {},
): ExploreBatch {
  const { means, result } = latentArithmetic(plan, groups);
  const k = Math.ceil(clampInt(opts.neighbours ?? 4, 0, MAX_NEIGHBOURS) / 4) * 4;
  const spread = opts.spread ?? NEIGHBOUR_SPREAD;
  const near = neighbours(plan, result, k, spread, opts.seed ?? 1);
  const sizes = `${groups.a.length}, ${groups.b.length} and ${groups.c.length} samples`;
  return pack(plan, 1 + k / 4, 4, [...means, result, ...near], {
    rowLabels: k ? ['means', 'neighbours'] : ['means'],
    colLabels: ['A', 'B', 'C', 'A − B + C'],
    caption: `A − B + C from the means of ${sizes}${k ? `; then ${k} neighbours of the result (noise σ ${spread})` : ''}`,
  });
}

/** The batch a request asks for. */
export function buildBatch(plan: GanPlan, r: ExploreRequest): ExploreBatch {
  switch (r.kind) {
    case 'grid':
      return randomGrid(plan, r.seed, r.rows, r.cols);
    case 'interpolate':
      return interpolate(plan, r.seedA, r.seedB, r.steps, r.mode);
    case 'sweep':
      return sweep(plan, r.seed, r.rows, r.input, r);
    case 'byClass':
      return byClass(plan, r.seed, r.cols);
    case 'arithmetic':
      return arithmetic(plan, r, r);
  }
}

/** The point behind sample `index` of a request's picture (to pick it into an arithmetic group). */
export function pickPoint(plan: GanPlan, r: ExploreRequest, index: number): LatentPoint {
  const b = buildBatch(plan, r);
  const p = b.points[index];
  if (!p) throw new Error(`sample ${index} is not in this picture (it has ${b.points.length})`);
  return p.map((v) => v.slice());
}

/** What can be explored on this plan: the UI offers only these. */
export interface Explorations {
  sweeps: { input: string; kind: 'categorical' | 'continuous'; size: number }[];
  byClass: boolean;
  /** 2-D data: samples are points, drawn as a scatter (interpolations as a path). */
  points: boolean;
  /** Latent arithmetic needs a noise input to average (every GAN has one). */
  arithmetic: boolean;
}
export function explorations(plan: GanPlan): Explorations {
  return {
    sweeps: plan.generator.inputs
      .filter((i) => i.role === 'categoricalCode' || i.role === 'continuousCode')
      .map((i) => ({
        input: i.id,
        kind: i.role === 'categoricalCode' ? ('categorical' as const) : ('continuous' as const),
        size: i.shape[0] ?? 1,
      })),
    byClass: plan.generator.inputs.some((i) => i.role === 'label' && isIndexInput(i)),
    points: plan.data.shape.length === 1,
    arithmetic: plan.generator.inputs.some((i) => i.role === 'noise'),
  };
}
