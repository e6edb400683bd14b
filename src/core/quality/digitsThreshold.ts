/**
 * "G draws digits a person reads", as numbers from the reference classifier: at least 9 of the 10
 * classes are each the top prediction of >= 3% of the samples (most kinds of digit, not one), and >= 70%
 * of the samples are classified with probability >= 0.9 (crisp digits, not scribbles). Real digits give
 * 10 classes and ~97% confident (docs/quality.md). The quality benchmark reports the first step a run
 * passes it; the training panel marks that step on its quality chart.
 */
import { classesWithShare } from './classScore';

export const DIGITS_THRESHOLD = { classes: 9, classShare: 0.03, confident: 0.7 } as const;

export interface DigitsEvidence {
  classShares: readonly number[];
  confident: number;
}

/** Classes given to at least DIGITS_THRESHOLD.classShare of the samples. */
export const digitClasses = (q: DigitsEvidence): number => classesWithShare(q.classShares, DIGITS_THRESHOLD.classShare);

export function readableDigits(q: DigitsEvidence): boolean {
  return digitClasses(q) >= DIGITS_THRESHOLD.classes && q.confident >= DIGITS_THRESHOLD.confident;
}
