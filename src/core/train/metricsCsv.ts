/**
 * The metrics table as CSV, written the same way by the CLI (metrics.csv beside metrics.jsonl, with the
 * seconds since training started) and by the app's Export ▾ → metrics (the page's history, which has no
 * per-step clock: its seconds column is empty). Full precision; NaN/Infinity as JavaScript prints them.
 */
import type { StepMetrics } from './metrics';
import { METRICS } from './step';

export const METRICS_CSV_COLUMNS = ['step', ...METRICS, 'seconds'] as const;

export const metricsCsvHeader = (): string => `${METRICS_CSV_COLUMNS.join(',')}\n`;

export function metricsCsvLine(m: StepMetrics, seconds?: number): string {
  return `${[m.step, ...METRICS.map((k) => m[k]), seconds === undefined ? '' : seconds.toFixed(3)].join(',')}\n`;
}

export function metricsCsv(rows: readonly StepMetrics[]): string {
  return metricsCsvHeader() + rows.map((m) => metricsCsvLine(m)).join('');
}
