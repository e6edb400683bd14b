/**
 * Training progress on the terminal. On a TTY, a cli-progress bar (percentage, steps/s, ETA, the latest
 * losses) redrawn in place; in a log or CI (no TTY), one plain line every 5% with the same numbers, so
 * the output stays readable when captured.
 */
import { MultiBar } from 'cli-progress';
import type { StepMetrics } from '../core/train/metrics';

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));
const clock = (s: number) =>
  !Number.isFinite(s)
    ? '?'
    : s >= 3600
      ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
      : s >= 60
        ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
        : `${s.toFixed(0)}s`;

export interface Progress {
  update(m: StepMetrics, seconds: number): void;
  /** A line of its own (quality measurements) printed above the bar. */
  log(line: string): void;
  stop(): void;
}

export function trainingProgress(total: number, tty = Boolean(process.stdout.isTTY)): Progress {
  const losses = (m: StepMetrics) =>
    `D ${fmt(m.dLoss)}  G ${fmt(m.gLoss)}  D(x) ${fmt(m.dReal)}  D(G(z)) ${fmt(m.dFake)}`;
  if (tty) {
    const bars = new MultiBar({
      format: 'step {value}/{total} {bar} {percentage}%  {rate} steps/s  ETA {etaText}  {losses}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    });
    const bar = bars.create(total, 0, { rate: '0.00', etaText: '?', losses: '' });
    return {
      update: (m, secs) => {
        const rate = m.step / Math.max(secs, 1e-9);
        bar.update(m.step, { rate: rate.toFixed(2), etaText: clock((total - m.step) / rate), losses: losses(m) });
      },
      log: (line) => bars.log(`${line}\n`),
      stop: () => bars.stop(),
    };
  }
  let shown = 0;
  return {
    update: (m, secs) => {
      const every = Math.max(1, Math.round(total / 20));
      if (m.step - shown < every && m.step !== total) return;
      shown = m.step;
      const rate = m.step / Math.max(secs, 1e-9);
      console.log(
        `step ${m.step}/${total}  ${Math.round((100 * m.step) / total)}%  ${rate.toFixed(2)} steps/s  ETA ${clock((total - m.step) / rate)}  ${losses(m)}`,
      );
    },
    log: (line) => console.log(line),
    stop: () => {},
  };
}
