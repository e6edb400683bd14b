/**
 * The GAN doctor: well-known failure modes recognised from the training history, each as a finding
 * with a severity, the step since which it holds, the nodes involved and a fix in plain words.
 * Pure functions over metrics the loop already produces; thresholds are documented here and tested
 * on runs that really fail (tests/core/doctor.test.ts).
 */
import type { StepMetrics } from '../train/metrics';
import type { LossKind } from '../project/types';

export interface Finding {
  id: 'discriminatorWins' | 'gradientsVanish' | 'gradientsExplode' | 'poorCoverage';
  severity: 'warning' | 'critical';
  since: number;
  nodes: string[];
  title: string;
  explanation: string;
  suggestion: string;
}

export const THRESHOLDS = {
  /** Steps per window; a condition must hold for a whole window (its mean) to count. */
  window: 50,
  /** D wins: D(G(z)) below this and D(x) − D(G(z)) above `dGap` (BCE losses, where D outputs probabilities). */
  dFake: 0.15,
  dGap: 0.55,
  /** G's gradient norm below this share of its largest earlier window mean: vanishing. */
  vanishShare: 0.05,
  /** A gradient norm above this many times its first window's mean: exploding. */
  explodeFactor: 100,
  /** 2-D data: fewer than this share of modes covered after `coverageAfter` steps. */
  coverageShare: 0.5,
  coverageAfter: 1000,
} as const;

export interface DoctorContext {
  loss: LossKind;
  /** Node ids to highlight: D's real/fake head and G's output. */
  discriminatorHead?: string;
  generatorOutput?: string;
}

/** Window means of a metric: [startStep, mean] for consecutive, non-overlapping windows. */
function windows(h: StepMetrics[], key: keyof StepMetrics, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + size <= h.length; i += size) {
    let s = 0;
    for (let j = i; j < i + size; j++) s += h[j][key];
    out.push([h[i].step, s / size]);
  }
  return out;
}

/** The start step of the trailing run of windows where `cond` holds, or undefined if the last does not. */
function trailing(ws: boolean[], starts: number[]): number | undefined {
  if (!ws.length || !ws[ws.length - 1]) return undefined;
  let i = ws.length - 1;
  while (i > 0 && ws[i - 1]) i--;
  return starts[i];
}

export function diagnoseHistory(h: StepMetrics[], ctx: DoctorContext): Finding[] {
  const T = THRESHOLDS, out: Finding[] = [];
  const real = windows(h, 'dReal', T.window), fake = windows(h, 'dFake', T.window);
  const starts = real.map((w) => w[0]);
  const d = ctx.discriminatorHead ? [ctx.discriminatorHead] : [];
  const g = ctx.generatorOutput ? [ctx.generatorOutput] : [];
  if (ctx.loss === 'nsgan' || ctx.loss === 'minimax') {
    const since = trailing(real.map((r, i) => fake[i][1] < T.dFake && r[1] - fake[i][1] > T.dGap), starts);
    if (since !== undefined) {
      const last = real.length - 1;
      out.push({
        id: 'discriminatorWins', severity: fake[last][1] < 0.05 ? 'critical' : 'warning', since, nodes: [...d, ...g],
        title: 'The discriminator is winning',
        explanation: `D tells real from fake too easily: D(x) ≈ ${real[last][1].toFixed(2)} while D(G(z)) ≈ ${fake[last][1].toFixed(2)}. `
          + 'When D is this sure, its feedback to G gets weak or noisy and G stops improving.',
        suggestion: "Lower D's learning rate (or raise G's), use one-sided label smoothing (real label 0.9), "
          + "take fewer D steps per G step, or add Gaussian noise or dropout to D's input.",
      });
    }
  }
  const gNorm = windows(h, 'gGradNorm', T.window);
  if (gNorm.length >= 3) {
    const peak = Math.max(...gNorm.slice(0, -1).map((w) => w[1]));
    const since = trailing(gNorm.map((w, i) => i > 0 && w[1] < T.vanishShare * peak), gNorm.map((w) => w[0]));
    if (since !== undefined) {
      out.push({
        id: 'gradientsVanish', severity: 'critical', since, nodes: g,
        title: "The generator's gradients are vanishing",
        explanation: `G's gradient norm fell below ${T.vanishShare * 100}% of its earlier level: G is barely learning.`,
        suggestion: 'Use the non-saturating loss (not minimax), lower D\'s learning rate, or check for saturated tanh/sigmoid layers in G.',
      });
    }
  }
  for (const [key, who, nodes] of [['gGradNorm', 'generator', g], ['dGradNorm', 'discriminator', d]] as const) {
    const ws = windows(h, key, T.window);
    if (ws.length < 2) continue;
    const base = ws[0][1];
    const since = trailing(ws.map((w, i) => i > 0 && w[1] > T.explodeFactor * base), ws.map((w) => w[0]));
    if (since !== undefined) {
      out.push({
        id: 'gradientsExplode', severity: 'critical', since, nodes: [...nodes],
        title: `The ${who}'s gradients are exploding`,
        explanation: `Its gradient norm grew more than ${T.explodeFactor}x its starting level; a NaN usually follows.`,
        suggestion: 'Lower the learning rate, add batch or layer normalisation, or use a loss with bounded gradients (hinge, least squares).',
      });
    }
  }
  return out;
}

/** 2-D data: too few modes covered once training had time to spread out. */
export function diagnoseCoverage(points: { step: number; modesCovered: number; modes: number }[], ctx: DoctorContext): Finding[] {
  const T = THRESHOLDS;
  const late = points.filter((p) => p.step >= T.coverageAfter);
  const bad = late.map((p) => p.modesCovered < T.coverageShare * p.modes);
  const since = trailing(bad, late.map((p) => p.step));
  if (since === undefined || bad.filter(Boolean).length < 2) return [];
  const last = late[late.length - 1];
  return [{
    id: 'poorCoverage', severity: last.modesCovered <= 1 ? 'critical' : 'warning', since, nodes: ctx.generatorOutput ? [ctx.generatorOutput] : [],
    title: 'The generator covers few modes (mode collapse)',
    explanation: `Only ${last.modesCovered} of ${last.modes} modes of the data get samples: G has settled on a few outputs that fool D.`,
    suggestion: 'Give G a larger latent input, lower its learning rate, try a Wasserstein (WGAN-GP) or hinge loss, or add noise to D\'s input.',
  }];
}
