/**
 * Sample quality in the worker (MNIST runs): every so often during the run loop, the reference
 * classifier looks at QUALITY_SAMPLES generated digits. Paced by time, like the probe: the next
 * measurement waits until training has run long enough that quality takes at most ~5% of the time
 * (with the first one after QUALITY_FIRST_MS of training, so the start stays fast).
 */
import type { TF } from '../src/core/blocks';
import type { HostDataset } from '../src/core/data/host';
import type { DatasetSpec } from '../src/core/project/types';
import { MnistQualityMeter, mnistQualityApplies, type MnistQuality } from '../src/core/quality/mnistQuality';
import { loadShippedClassifier } from '../src/core/quality/shippedClassifier';
import type { TrainingSession } from '../src/core/train/session';

export const QUALITY_SAMPLES = 256;
export const QUALITY_BUDGET = 0.05;
export const QUALITY_FIRST_MS = 2000;

export interface QualityReport { step: number; quality: MnistQuality; real?: MnistQuality; ms: number }

export class QualityMonitor {
  private meter?: Promise<MnistQualityMeter>;
  private lastTrainMs = 0;
  private costMs = NaN;
  private sentReal = false;

  private constructor(private readonly tf: TF, private readonly host: HostDataset, private readonly spec: DatasetSpec, private readonly now: () => number) {}

  /** A monitor when the metrics apply to this dataset (the bundled MNIST), else undefined. */
  static for(tf: TF, spec: DatasetSpec, host: HostDataset, now: () => number): QualityMonitor | undefined {
    return mnistQualityApplies(spec, host.shape) ? new QualityMonitor(tf, host, spec, now) : undefined;
  }

  /** Due when the training time since the last measurement makes its cost <= QUALITY_BUDGET of the total. */
  due(trainMs: number): boolean {
    const since = trainMs - this.lastTrainMs;
    if (Number.isNaN(this.costMs)) return since >= QUALITY_FIRST_MS;
    return since >= (this.costMs * (1 - QUALITY_BUDGET)) / QUALITY_BUDGET;
  }

  /**
   * Measures now; `trainMs` is the pacer's training time so far. The first report carries the real digits'
   * values. undefined when `shouldStop` said so between batches (a pause waits for one batch at most).
   */
  async measure(session: TrainingSession, trainMs: number, shouldStop?: () => boolean): Promise<QualityReport | undefined> {
    this.meter ??= loadShippedClassifier().then((f) => MnistQualityMeter.create(this.tf, f, this.host, this.spec.scale));
    const meter = await this.meter;
    const t0 = this.now();
    const quality = await meter.measureSession(session, QUALITY_SAMPLES, 4321, { shouldStop });
    if (!quality) return undefined;
    const ms = this.now() - t0;
    // The one-off cost (loading, reference statistics, kernel compilation) does not count against pacing.
    this.costMs = Number.isNaN(this.costMs) ? ms : this.costMs + 0.3 * (ms - this.costMs);
    this.lastTrainMs = trainMs;
    const real = this.sentReal ? undefined : await meter.measureReal(this.host, QUALITY_SAMPLES);
    this.sentReal = true;
    return { step: session.step, quality, real, ms };
  }

  dispose(): void {
    const m = this.meter;
    this.meter = undefined;
    void m?.then((x) => x.dispose(), () => {});
  }
}
