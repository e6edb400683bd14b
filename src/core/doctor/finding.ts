/** What the GAN doctor reports, and the helpers its rules share. Pure: no tf, no DOM. */

export type FindingId =
  | 'discriminatorWins'
  | 'gradientsVanish'
  | 'gradientsExplode'
  | 'poorCoverage'
  | 'lowDiversity'
  | 'oscillation'
  | 'deadLayer'
  | 'saturatedLayer'
  | 'labelIgnored';

export interface Finding {
  id: FindingId;
  severity: 'warning' | 'critical';
  /** The first step of the trailing stretch in which the condition holds. */
  since: number;
  /** Node ids to highlight on the canvas. */
  nodes: string[];
  title: string;
  explanation: string;
  suggestion: string;
}

export interface DoctorContext {
  /** The loss's id (core/losses). */
  loss: string;
  /** Node ids to highlight: D's real/fake head and G's output. */
  discriminatorHead?: string;
  generatorOutput?: string;
  /** G's class-label input (conditional GANs): where "G ignores its label" points. */
  generatorLabel?: string;
  /** Each network's layer node ids: which network a layer's gradient norm belongs to. */
  layers?: { generator: readonly string[]; discriminator: readonly string[] };
  /** The run's real label and D-steps per G-step: advice leaves out what the run already does. */
  realLabel?: number;
  dSteps?: number;
}

/** The start of the trailing run of `true`s and its length (0 when the last is false). */
export function trailingRun(flags: boolean[]): { start: number; length: number } {
  let i = flags.length;
  while (i > 0 && flags[i - 1]) i--;
  return { start: i, length: flags.length - i };
}

/**
 * The trailing stretch of measurements (each with its step) in which `cond` holds, if it has at least
 * `minPoints` of them spanning at least `minSteps` steps; else undefined. The span matters where
 * measurements are paced by time (the app's worker): a slow G is measured every few steps, and two
 * measurements of a passing moment must not count as a lasting state.
 */
export function lastingRun<P extends { step: number }>(
  points: readonly P[],
  cond: (p: P) => boolean,
  minPoints: number,
  minSteps: number,
): { start: number; length: number } | undefined {
  const run = trailingRun(points.map(cond));
  if (run.length < minPoints) return undefined;
  return points[points.length - 1].step - points[run.start].step >= minSteps ? run : undefined;
}

/** Critical findings first, then by the step since which they hold (oldest first). */
export const bySeverity = (a: Finding, b: Finding): number =>
  (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1) || a.since - b.since;
