/**
 * Pacing of the training loop: how many steps to run between metric reads, and how often to probe
 * activations so that the probe stays within its share of the time (under 10%).
 */

/** Exponential moving average that takes its first sample as is. */
class Ema {
  value = NaN;
  constructor(private readonly alpha = 0.3) {}
  add(x: number): void {
    this.value = Number.isNaN(this.value) ? x : this.value + this.alpha * (x - this.value);
  }
}

/**
 * Mean step time over the last ~2 s of training: chunks differ in size (a 1-step chunk before a
 * probe carries a whole metrics read), so an average per chunk would overstate throughput.
 */
class StepWindow {
  private chunks: { n: number; ms: number }[] = [];
  value = NaN;
  add(n: number, ms: number): void {
    this.chunks.push({ n, ms });
    let total = this.chunks.reduce((a, c) => a + c.ms, 0);
    while (this.chunks.length > 1 && total - this.chunks[0].ms >= 2000) total -= this.chunks.shift()!.ms;
    this.value = total / this.chunks.reduce((a, c) => a + c.n, 0);
  }
}

export class Pacer {
  private readonly step = new StepWindow();
  private readonly probe = new Ema();
  trainMs = 0;
  probeMs = 0;
  steps = 0;

  /**
   * @param budget the share of time the probe may take (0.1 = 10%)
   * @param minProbeGapMs no point in probing faster than the UI can show it
   */
  // The default aims at 8%: probe times vary (GC, contention), and the promise to users is <= 10%.
  constructor(
    readonly budget = 0.08,
    readonly minProbeGapMs = 250,
  ) {}

  recordSteps(n: number, ms: number): void {
    if (n <= 0) return;
    this.steps += n;
    this.trainMs += ms;
    this.step.add(n, ms);
  }
  recordProbe(ms: number): void {
    this.probeMs += ms;
    this.probe.add(ms);
  }

  /** Mean wall time of one step (ms) over the last ~2 s of training. */
  get stepMs(): number {
    return this.step.value;
  }
  get stepsPerSec(): number {
    return this.step.value > 0 ? 1000 / this.step.value : 0;
  }
  /** Probe time as a share of all time spent. */
  get overhead(): number {
    const all = this.trainMs + this.probeMs;
    return all > 0 ? this.probeMs / all : 0;
  }

  /** Steps to run before the next metric read, aiming at `targetMs` of work (1 until a step was timed). */
  chunkSteps(targetMs: number, cap = 200): number {
    if (!(this.step.value > 0)) return 1;
    return Math.max(1, Math.min(cap, Math.round(targetMs / this.step.value)));
  }

  /** Steps between probes: a fixed number, or (auto) the fewest that keep probe time under the budget. */
  probeEvery(setting: number | 'auto'): number {
    if (setting !== 'auto') return Math.max(1, Math.round(setting));
    if (!(this.step.value > 0)) return 10;
    const p = Number.isNaN(this.probe.value) ? this.step.value : this.probe.value;
    const byBudget = (p * (1 - this.budget)) / (this.budget * this.step.value);
    const byGap = this.minProbeGapMs / this.step.value;
    return Math.max(1, Math.ceil(Math.max(byBudget, byGap)));
  }
}
