/**
 * Rules on G's samples, measured every so often on a fixed latent batch: mode coverage (2-D toy data,
 * from core/quality/toy2d) and sample diversity (any data: mean pairwise distance of the samples,
 * relative to real data's).
 */
import { trailingRun, type DoctorContext, type Finding } from './finding';

export const SAMPLE_THRESHOLDS = {
  /**
   * 2-D data: fewer than `coverageShare` of the modes covered at `coverageRun` sample points in a row,
   * from step `coverageAfter` on. The working ring run covers 4, 2, 6, 7, 7, 7 of 8 modes at steps
   * 1000–1500 (the modes are tight, σ 0.02, so G needs ~1,000 steps to land on them); with a 1-number
   * latent it covers 0–2 of 8 at every point up to 1,500.
   */
  coverageShare: 0.5,
  coverageAfter: 1000,
  coverageRun: 2,
  /**
   * Which picture of a poor coverage the explanation gives. Most samples off the modes (high-quality share
   * below `offModes`) while they are spread out (diversity ≥ `diversityRatio`): G draws a curve or a cloud
   * *between* the modes — the 1-number latent's case, whose scatter shows points along the whole ring
   * (0–2 of 8 modes covered, few samples within 3σ of one) — not a G "settled on a few outputs".
   */
  offModes: 0.5,
  /**
   * Diversity: mean pairwise distance of G's fixed batch below `diversityRatio` times real data's, at
   * `diversityRun` points in a row from step `diversityAfter` on (G starts with a narrow cloud). Measured
   * ratios on the ring after step 300: working run 0.97–1.05, D's learning rate x10 0.72–0.84, 1-number
   * latent 0.55–0.99 (G draws a curve through the ring: spread, but between the modes — coverage catches
   * that), latent 1 with D x10 0.50–0.61. A G collapsed onto one or two modes scores ≤ 0.3.
   */
  diversityRatio: 0.45,
  diversityCritical: 0.2,
  diversityAfter: 300,
  diversityRun: 3,
} as const;

/** Mean Euclidean distance over all pairs of the first n points (rows of `dim` numbers). */
export function meanPairwiseDistance(x: ArrayLike<number>, dim: number, n = Math.floor(x.length / dim)): number {
  let sum = 0,
    pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) {
        const d = x[i * dim + k] - x[j * dim + k];
        s += d * d;
      }
      sum += Math.sqrt(s);
      pairs++;
    }
  }
  return pairs ? sum / pairs : 0;
}

/** G's sample diversity relative to real data's (1 = as spread as the data; 0 = every sample the same). */
export function diversityRatio(fake: ArrayLike<number>, real: ArrayLike<number>, dim: number, n = 256): number {
  const r = meanPairwiseDistance(real, dim, Math.min(n, Math.floor(real.length / dim)));
  return r > 0 ? meanPairwiseDistance(fake, dim, Math.min(n, Math.floor(fake.length / dim))) / r : 1;
}

export interface SamplePoint {
  step: number;
  /** diversityRatio of the fixed batch. */
  diversity: number;
  /** 2-D toy data only. */
  modesCovered?: number;
  modes?: number;
  /** 2-D toy data: share of the samples within 3σ of a mode (core/quality/toy2d). */
  highQuality?: number;
}

export function diagnoseSamples(points: readonly SamplePoint[], ctx: DoctorContext): Finding[] {
  const T = SAMPLE_THRESHOLDS,
    out: Finding[] = [];
  const g = ctx.generatorOutput ? [ctx.generatorOutput] : [];
  const late = points.filter((p) => p.step >= T.coverageAfter && p.modes !== undefined);
  const cov = trailingRun(late.map((p) => p.modesCovered! < T.coverageShare * p.modes!));
  if (cov.length >= T.coverageRun) {
    const last = late[late.length - 1];
    const between =
      last.highQuality !== undefined && last.highQuality < T.offModes && last.diversity >= T.diversityRatio;
    out.push({
      id: 'poorCoverage',
      severity: last.modesCovered! <= 1 ? 'critical' : 'warning',
      since: late[cov.start].step,
      nodes: g,
      title: between ? 'The generator draws between the modes' : 'The generator covers few modes (mode collapse)',
      explanation: between
        ? `G's samples are spread out, but only ${Math.round(last.highQuality! * 100)}% land on a mode of the data (within 3σ), and only ` +
          `${last.modesCovered} of ${last.modes} modes get their share: G draws a thin curve or a cloud through the gaps between the modes ` +
          'instead of separate clusters. A latent input too small to pick a mode (a 1-number latent can only draw one curve) does this.'
        : `Only ${last.modesCovered} of ${last.modes} modes of the data get samples: G has settled on a few outputs that fool D.`,
      suggestion: between
        ? 'Give G a larger latent input (8–16 numbers), or train longer; a lower learning rate late in training tightens samples onto the modes.'
        : "Give G a larger latent input, lower its learning rate, try a Wasserstein (WGAN-GP) or hinge loss, or add noise to D's input.",
    });
  }
  const div = points.filter((p) => p.step >= T.diversityAfter);
  const low = trailingRun(div.map((p) => p.diversity < T.diversityRatio));
  if (low.length >= T.diversityRun) {
    const last = div[div.length - 1];
    out.push({
      id: 'lowDiversity',
      severity: last.diversity < T.diversityCritical ? 'critical' : 'warning',
      since: div[low.start].step,
      nodes: g,
      title: "The generator's samples all look alike",
      explanation:
        `G's samples are ${Math.round(last.diversity * 100)}% as spread out as real data (mean distance between pairs of a fixed batch): ` +
        'it produces a few outputs whatever the latent input (mode collapse).',
      suggestion:
        "Lower G's learning rate or raise D's, give G a larger latent input, add minibatch noise to D's input, or try WGAN-GP.",
    });
  }
  return out;
}
