/**
 * Oscillation / no convergence: a loss that keeps cycling up and down over many windows without a
 * trend. Judged on window means (so step noise does not count) over the last `span` windows.
 */
import type { StepMetrics } from '../train/metrics';
import type { DoctorContext, Finding } from './finding';
import { THRESHOLDS, windows } from './rules';

export const OSCILLATION = {
  /** Windows (of THRESHOLDS.window steps) looked at: the last 400 steps. */
  span: 8,
  /**
   * The window means' range must exceed this share of their mean size (+0.1, so losses near 0 such
   * as WGAN's do not divide by ~0). Measured over the last 400 steps: the working ring run's G loss
   * 0.10; with D's learning rate x10 (steps 201–600) G's loss 0.40 with 4 turns and D's 0.36 with 5
   * turns — noisy, and already flagged as a winning D. A cycling loss swings by more than half its size.
   */
  amplitude: 0.6,
  /** At least this many changes of direction among the span's 7 differences: cycling, not drifting. */
  turns: 5,
  /** The difference between the span's two halves must be below this share of the range: no trend. */
  trend: 0.3,
} as const;

/** The last `span` window means' range relative to their size, direction changes, and trend relative to the range. */
export function cycleStats(means: number[]): { rel: number; turns: number; trend: number } | undefined {
  if (means.length < OSCILLATION.span) return undefined;
  const m = means.slice(-OSCILLATION.span);
  const range = Math.max(...m) - Math.min(...m);
  const size = m.reduce((a, b) => a + Math.abs(b), 0) / m.length + 0.1;
  let turns = 0;
  for (let i = 2; i < m.length; i++) if ((m[i] - m[i - 1]) * (m[i - 1] - m[i - 2]) < 0) turns++;
  const half = m.length / 2;
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    rel: range / size,
    turns,
    trend: range > 0 ? Math.abs(avg(m.slice(half)) - avg(m.slice(0, half))) / range : 0,
  };
}

/** Cycling without trend in one series of window means; returns its range relative to its size. */
export function cycling(means: number[]): number | undefined {
  const O = OSCILLATION,
    c = cycleStats(means);
  return c && c.rel > O.amplitude && c.turns >= O.turns && c.trend < O.trend ? c.rel : undefined;
}

export function diagnoseOscillation(h: readonly StepMetrics[], ctx: DoctorContext): Finding[] {
  for (const key of ['gLoss', 'dLoss'] as const) {
    const ws = windows(h, key, THRESHOLDS.window);
    const rel = cycling(ws.map((w) => w[1]));
    if (rel === undefined) continue;
    return [
      {
        id: 'oscillation',
        severity: 'warning',
        since: ws[ws.length - OSCILLATION.span][0],
        nodes: [ctx.discriminatorHead, ctx.generatorOutput].filter((x): x is string => !!x),
        title: 'The losses cycle without converging',
        explanation:
          `${key === 'gLoss' ? "G's" : "D's"} loss has swung up and down by ${Math.round(rel * 100)}% over the last ` +
          `${OSCILLATION.span * THRESHOLDS.window} steps with no trend: G and D keep undoing each other's progress.`,
        suggestion:
          "Lower both learning rates (or Adam's beta1 to 0.5), use two-timescale rates (D 4x G with a lower G rate), or switch to WGAN-GP or hinge loss.",
      },
    ];
  }
  return [];
}
