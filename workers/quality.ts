/**
 * Sample quality in the worker (image runs): every so often during the run loop, G's fixed batch is
 * measured — its pixel diversity against real images' (any image data, imported sets too) and, on the
 * bundled MNIST, the reference classifier's view of QUALITY_SAMPLES generated digits. Paced by time, like the probe: the next
 * measurement waits until training has run long enough that quality takes at most ~5% of the time
 * (with the first one after QUALITY_FIRST_MS of training, so the start stays fast).
 */
import type { Tensor } from '@tensorflow/tfjs';
import type { TF } from '../src/core/blocks';
import type { HostDataset } from '../src/core/data/host';
import type { DatasetSpec } from '../src/core/project/types';
import { ImageDiversityMeter, imageDiversityApplies, type ImageDiversity } from '../src/core/quality/imageDiversity';
import { MnistQualityMeter, mnistQualityApplies, type MnistQuality } from '../src/core/quality/mnistQuality';
import { loadShippedClassifier } from '../src/core/quality/shippedClassifier';
import { getDatasetKind } from '../src/core/datasets';
import type { FactorModel } from '../src/core/datasets/defineDataset';
import { hostRange } from '../src/core/data/host';
import { describeFactorQuality, factorQuality, type FactorQuality } from '../src/core/quality/factors';
import { measureFactors } from '../src/core/quality/factorMeter';
import type { TrainingSession } from '../src/core/train/session';

export const QUALITY_SAMPLES = 256;
export const QUALITY_BUDGET = 0.05;
export const QUALITY_FIRST_MS = 2000;

/** G's samples on data with known factors (the sprites), with the line the CLI prints too. */
export interface FactorReport {
  quality: FactorQuality;
  text: string;
}

/**
 * `quality` and `real` (first report only): MNIST runs; `diversity`: every image run; `factors` and
 * `realFactors` (first report only): data with known factors.
 */
export interface QualityReport {
  step: number;
  quality?: MnistQuality;
  real?: MnistQuality;
  diversity?: ImageDiversity;
  factors?: FactorReport;
  realFactors?: FactorReport;
  ms: number;
}

export class QualityMonitor {
  private meter?: Promise<MnistQualityMeter>;
  private diversity?: Promise<ImageDiversityMeter>;
  private lastTrainMs = 0;
  private costMs = NaN;
  private sentReal = false;

  /** The bundled MNIST: the reference classifier's metrics apply too. */
  private readonly mnist: boolean;
  /** Data with known factors: the factor metrics apply too. */
  private readonly factorModel?: FactorModel;

  private constructor(
    private readonly tf: TF,
    private readonly host: HostDataset,
    private readonly spec: DatasetSpec,
    private readonly now: () => number,
  ) {
    this.mnist = mnistQualityApplies(spec, host.shape);
    this.factorModel = getDatasetKind(spec.kind).factors;
  }

  /** A monitor for image data (the classifier's metrics too on the bundled MNIST), else undefined. */
  static for(tf: TF, spec: DatasetSpec, host: HostDataset, now: () => number): QualityMonitor | undefined {
    return imageDiversityApplies(host.shape) ? new QualityMonitor(tf, host, spec, now) : undefined;
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
  async measure(
    session: TrainingSession,
    trainMs: number,
    shouldStop?: () => boolean,
  ): Promise<QualityReport | undefined> {
    if (this.mnist)
      this.meter ??= loadShippedClassifier().then((f) =>
        MnistQualityMeter.create(this.tf, f, this.host, this.spec.scale),
      );
    this.diversity ??= ImageDiversityMeter.create(this.tf, this.host, QUALITY_SAMPLES);
    const [meter, diversityMeter] = await Promise.all([this.meter, this.diversity]);
    const t0 = this.now();
    // On MNIST the classifier's batch (same seed, same size) is measured for diversity too: generated once.
    const seen: Tensor[] = [];
    let quality: MnistQuality | undefined, diversity: ImageDiversity | undefined;
    try {
      quality =
        meter &&
        (await meter.measureSession(session, QUALITY_SAMPLES, 4321, {
          shouldStop,
          onImages: (x) => seen.push(this.tf.clone(x)),
        }));
      if (meter && !quality) return undefined;
      diversity = meter
        ? await diversityMeter.measureImages(seen)
        : await diversityMeter.measureSession(session, 4321, { shouldStop });
      if (!diversity) return undefined;
    } finally {
      for (const x of seen) x.dispose();
    }
    let factors: FactorReport | undefined;
    const model = this.factorModel;
    if (model) {
      const f = await measureFactors(this.tf, session, model, this.spec.scale, QUALITY_SAMPLES, 4321, { shouldStop });
      if (!f) return undefined;
      factors = { quality: f, text: describeFactorQuality(f, model.classes) };
    }
    const ms = this.now() - t0;
    // The one-off cost (loading, reference statistics, kernel compilation) does not count against pacing.
    this.costMs = Number.isNaN(this.costMs) ? ms : this.costMs + 0.3 * (ms - this.costMs);
    this.lastTrainMs = trainMs;
    const real = this.sentReal || !meter ? undefined : await meter.measureReal(this.host, QUALITY_SAMPLES);
    const realFactors = this.sentReal || !model ? undefined : this.realFactors(model);
    this.sentReal = true;
    return { step: session.step, quality, real, diversity, factors, realFactors, ms };
  }

  /** The same factor measurement on real samples: what a perfect generator would score. */
  private realFactors(model: FactorModel): FactorReport {
    const n = Math.min(QUALITY_SAMPLES, this.host.count);
    const q = factorQuality({
      measured: model.measure(hostRange(this.host, 0, n), n, this.spec.scale),
      names: model.names,
      classes: model.classes.length,
    });
    return { quality: q, text: describeFactorQuality(q, model.classes) };
  }

  dispose(): void {
    const m = this.meter;
    this.meter = undefined;
    void m?.then(
      (x) => x.dispose(),
      () => {},
    );
  }
}
