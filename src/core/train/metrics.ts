/**
 * Queues per-step metric tensors and reads them back in one asynchronous download, so the training
 * loop never blocks on the device.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import { METRICS, type MetricName } from './step';

export type StepMetrics = { step: number } & Record<MetricName, number>;

export class MetricsQueue {
  private pending: { step: number; t: tfNs.Tensor }[] = [];
  constructor(private readonly tf: TF) {}

  push(step: number, t: tfNs.Tensor): void {
    this.pending.push({ step, t });
  }
  get size(): number {
    return this.pending.length;
  }

  /** Downloads every queued step's metrics at once and frees their tensors. */
  async flush(): Promise<StepMetrics[]> {
    if (!this.pending.length) return [];
    const batch = this.pending;
    this.pending = [];
    const stacked = this.tf.stack(batch.map((p) => p.t));
    batch.forEach((p) => p.t.dispose());
    const values = await stacked.data();
    stacked.dispose();
    const n = METRICS.length;
    return batch.map((p, i) => {
      const m = { step: p.step } as StepMetrics;
      METRICS.forEach((name, j) => {
        m[name] = values[i * n + j];
      });
      return m;
    });
  }

  dispose(): void {
    this.pending.forEach((p) => p.t.dispose());
    this.pending = [];
  }
}

/** The first metric of a step that is NaN or infinite, if any. */
export function firstNonFinite(m: StepMetrics): MetricName | undefined {
  return METRICS.find((k) => !Number.isFinite(m[k]));
}
