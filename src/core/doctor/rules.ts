/**
 * The GAN doctor's rules over the loss history: a winning discriminator, vanishing or exploding
 * gradients (naming the layers where it happens when per-layer norms exist). Pure functions over the
 * metrics the loop already produces. Every threshold says what it
 * was calibrated on: gan-2d-ring (seed 42, wasm, batch 256), run as is, with D's learning rate x10 and
 * with a 1-number latent (tests/core/doctor-runs.test.ts).
 */
import type { StepMetrics } from '../train/metrics';
import type { LayerGradNormPoint } from '../train/layerGradNorms';
import { getLoss } from '../losses';
import { trailingRun, type DoctorContext, type Finding } from './finding';
import { describeChanges, layersInvolved, type LayerChange } from './layerGradients';

export type { DoctorContext, Finding } from './finding';

export const THRESHOLDS = {
  /** Steps (history entries) per window; a condition is judged on window means, never on single steps. */
  window: 50,
  /**
   * D wins: D(G(z)) below `dFake` and D(x) − D(G(z)) above `dGap` for `dWinsWindows` windows in a row
   * (BCE losses, where D outputs probabilities). Measured window means: the working ring run stays at
   * D(x) 0.51–0.61, D(G(z)) 0.39–0.49 (gap ≤ 0.22); with D's learning rate x10, D(x) 0.79–0.85 and
   * D(G(z)) 0.16–0.21 (gap 0.59–0.69) from step 200 on. Critical below `dFakeCritical`.
   */
  dFake: 0.25,
  dGap: 0.5,
  dWinsWindows: 3,
  dFakeCritical: 0.1,
  /** G's gradient norm below this share of its largest earlier window mean: vanishing. */
  vanishShare: 0.05,
  /**
   * A gradient norm above this many times its first window's mean: exploding. With D's learning rate
   * x10, G's norm legitimately grows ~50–90x over 1,500 steps (window means ~1 → 91) and training
   * goes on; the runs that end in NaN grow by orders of magnitude more.
   */
  explodeFactor: 1000,
} as const;

/** Window means of a metric: [startStep, mean] for consecutive, non-overlapping windows. */
export function windows(h: readonly StepMetrics[], key: keyof StepMetrics, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + size <= h.length; i += size) {
    let s = 0;
    for (let j = i; j < i + size; j++) s += h[j][key];
    out.push([h[i].step, s / size]);
  }
  return out;
}

/** The start step of the trailing run of windows where `cond` holds, if it is at least `min` long. */
function trailing(flags: boolean[], starts: number[], min = 1): number | undefined {
  const run = trailingRun(flags);
  return run.length >= min ? starts[run.start] : undefined;
}

/** The findings' nodes: the network's output/head, then the layers involved; and a sentence naming those layers. */
function withLayers(nodes: readonly string[], layers: readonly LayerChange[], way: 'fell' | 'grew') {
  return {
    nodes: [...new Set([...nodes, ...layers.map((l) => l.nodeId)])],
    where: layers.length ? ` It ${way} most in ${describeChanges(layers, way)}.` : '',
  };
}

/**
 * Ways to slow a winning D, leaving out what this run already does: label smoothing when the real label is
 * already below 1, fewer D steps when D takes one per G step.
 */
function weakerDiscriminatorAdvice(ctx: DoctorContext): string {
  const ways = [
    "Lower D's learning rate (or raise G's)",
    ...(ctx.realLabel === undefined || ctx.realLabel >= 1 ? ['use one-sided label smoothing (real label 0.9)'] : []),
    ...(ctx.dSteps === undefined || ctx.dSteps > 1
      ? [`take fewer D steps per G step${ctx.dSteps ? ` (now ${ctx.dSteps})` : ''}`]
      : []),
  ];
  return `${ways.join(', ')}, or add Gaussian noise or dropout to D's input.`;
}

export function diagnoseHistory(
  h: readonly StepMetrics[],
  ctx: DoctorContext,
  layerNorms: readonly LayerGradNormPoint[] = [],
): Finding[] {
  const T = THRESHOLDS,
    out: Finding[] = [];
  const real = windows(h, 'dReal', T.window),
    fake = windows(h, 'dFake', T.window);
  const starts = real.map((w) => w[0]);
  const d = ctx.discriminatorHead ? [ctx.discriminatorHead] : [];
  const g = ctx.generatorOutput ? [ctx.generatorOutput] : [];
  if (getLoss(ctx.loss).score === 'probability') {
    const since = trailing(
      real.map((r, i) => fake[i][1] < T.dFake && r[1] - fake[i][1] > T.dGap),
      starts,
      T.dWinsWindows,
    );
    if (since !== undefined) {
      const last = real.length - 1;
      out.push({
        id: 'discriminatorWins',
        severity: fake[last][1] < T.dFakeCritical ? 'critical' : 'warning',
        since,
        nodes: [...d, ...g],
        title: 'The discriminator is winning',
        explanation:
          `D tells real from fake too easily: D(x) ≈ ${real[last][1].toFixed(2)} while D(G(z)) ≈ ${fake[last][1].toFixed(2)}. ` +
          'When D is this sure, its feedback to G gets weak or noisy and G stops improving.',
        suggestion: weakerDiscriminatorAdvice(ctx),
      });
    }
  }
  const gNorm = windows(h, 'gGradNorm', T.window);
  if (gNorm.length >= 3) {
    const peak = Math.max(...gNorm.slice(0, -1).map((w) => w[1]));
    const since = trailing(
      gNorm.map((w, i) => i > 0 && w[1] < T.vanishShare * peak),
      gNorm.map((w) => w[0]),
    );
    if (since !== undefined) {
      const { nodes, where } = withLayers(
        g,
        layersInvolved(layerNorms, ctx.layers?.generator ?? [], T.window, 'fell', T.vanishShare),
        'fell',
      );
      out.push({
        id: 'gradientsVanish',
        severity: 'critical',
        since,
        nodes,
        title: "The generator's gradients are vanishing",
        explanation: `G's gradient norm fell below ${T.vanishShare * 100}% of its earlier level: G is barely learning.${where}`,
        suggestion:
          "Use the non-saturating loss (not minimax), lower D's learning rate, or check for saturated tanh/sigmoid layers in G.",
      });
    }
  }
  for (const [key, who, heads] of [
    ['gGradNorm', 'generator', g],
    ['dGradNorm', 'discriminator', d],
  ] as const) {
    const ws = windows(h, key, T.window);
    if (ws.length < 2) continue;
    const base = ws[0][1];
    const since = trailing(
      ws.map((w, i) => i > 0 && w[1] > T.explodeFactor * base),
      ws.map((w) => w[0]),
    );
    if (since !== undefined) {
      const { nodes, where } = withLayers(
        heads,
        layersInvolved(layerNorms, ctx.layers?.[who] ?? [], T.window, 'grew', T.explodeFactor),
        'grew',
      );
      out.push({
        id: 'gradientsExplode',
        severity: 'critical',
        since,
        nodes,
        title: `The ${who}'s gradients are exploding`,
        explanation: `Its gradient norm grew more than ${T.explodeFactor}x its starting level; a NaN usually follows.${where}`,
        suggestion:
          'Lower the learning rate, add batch or layer normalisation, or use a loss with bounded gradients (hinge, least squares).',
      });
    }
  }
  return out;
}
