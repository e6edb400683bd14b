/** The training metrics history as CSV: a `step` column, then one column per METRICS name. */
import { METRICS } from '../../core/train/step';
import type { History } from '../../trainer/store';

/** Full precision (the history is what the charts show); NaN/Infinity are written as JavaScript prints them. */
export function metricsCsv(h: History): string {
  const cols = ['step', ...METRICS] as const;
  const rows = h.step.map((_, i) => cols.map((c) => String(h[c][i])).join(','));
  return `${cols.join(',')}\n${rows.map((r) => `${r}\n`).join('')}`;
}
