/**
 * Sample quality for MNIST-like runs, from the shipped reference classifier: the classifier score
 * (Inception-Score analogue), mean confidence, class coverage, the Frechet distance to real digits in the
 * classifier's feature space, for InfoGAN how well the categorical code predicts the digit, and for
 * conditional GANs how often G draws the class it is asked for.
 * Used by the CLI (`--metrics`) and the training worker; reads back asynchronously only.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import { hostRows, type HostDataset } from '../data/host';
import { mulberry32 } from '../data/random';
import type { DatasetSpec } from '../datasets';
import { getDatasetKind } from '../datasets';
import type { TrainingSession } from '../train/session';
import { classAgreement } from './classAgreement';
import { classScore } from './classScore';
import { fitGaussian, frechetDistance, type Gaussian } from './frechet';
import { codeMatchAccuracy, type CodeMatch } from './matching';
import type { ClassifierFile } from './quantize';
import { argmaxRows, ReferenceClassifier, type Classified } from './reference';

export interface MnistQuality {
  samples: number;
  /** exp(E[KL(p(y|x) || p(y))]), 1..10. */
  classifierScore: number;
  /** Mean top-class probability, 0..1. */
  confidence: number;
  /** Share of samples classified with probability >= 0.9 (CONFIDENT_PROB). */
  confident: number;
  /** Classes predicted for at least 2% of the samples, 0..10. */
  coverage: number;
  classShares: number[];
  /** Frechet distance to the real digits in the classifier's 64-d feature space (0 = same statistics). */
  fd: number;
  /** InfoGAN: accuracy of the first categorical code as a digit label after the best matching. */
  codeAccuracy?: number;
  /** InfoGAN: the code × class counts behind codeAccuracy and each code's matched class (which digits a code mixes). */
  codeMatch?: Pick<CodeMatch, 'counts' | 'mapping'>;
  /** Conditional GANs (a class-label input): share of samples the classifier gives the class G was asked for. */
  classAgreement?: number;
}

/** What the generated images were made from: InfoGAN's code value and a conditional G's label per image. */
export interface SampleInputs {
  codes?: { values: Int32Array; categories: number };
  labels?: Int32Array;
}

/** The metrics apply to the bundled MNIST (any subset of digits): the classifier knows those digits. */
export function mnistQualityApplies(spec: DatasetSpec, shape: readonly number[]): boolean {
  return getDatasetKind(spec.kind).referenceClassifier === true && shape.join('x') === '28x28x1';
}

/**
 * n distinct indices of 0..count-1 drawn at random (seeded, so runs repeat), none of them in `avoid`.
 * Random rather than evenly strided: the bundled MNIST interleaves its classes, so a stride of 10
 * would pick one digit only.
 */
export function pickIndices(count: number, n: number, seed: number, avoid: ReadonlySet<number> = new Set()): number[] {
  const pool: number[] = [];
  for (let i = 0; i < count; i++) if (!avoid.has(i)) pool.push(i);
  const rand = mulberry32(seed),
    k = Math.min(n, pool.length);
  for (let j = 0; j < k; j++) {
    const r = j + Math.floor(rand() * (pool.length - j));
    [pool[j], pool[r]] = [pool[r], pool[j]];
  }
  return pool.slice(0, k);
}

/** The rows of a dataset at `idx`, as one Float32Array. */
export const rowsOf = (host: HostDataset, idx: number[]): Float32Array => hostRows(host, idx);

export class MnistQualityMeter {
  private constructor(
    private readonly tf: TF,
    readonly classifier: ReferenceClassifier,
    readonly real: Gaussian,
    readonly scale: 'tanh' | 'sigmoid',
    private readonly realIdx: ReadonlySet<number>,
  ) {}

  /** Loads the classifier and fits the real digits' feature statistics (on `nReal` digits drawn at random from the data). */
  static async create(
    tf: TF,
    file: ClassifierFile,
    host: HostDataset,
    scale: 'tanh' | 'sigmoid',
    nReal = 1000,
  ): Promise<MnistQualityMeter> {
    const classifier = new ReferenceClassifier(tf, file);
    try {
      const idx = pickIndices(host.count, nReal, 1);
      const { features } = await classifier.classifyHost(rowsOf(host, idx), scale);
      return new MnistQualityMeter(tf, classifier, fitGaussian(features, classifier.featureDim), scale, new Set(idx));
    } catch (e) {
      classifier.dispose();
      throw e;
    }
  }

  /** Quality of images [n, 28, 28, 1] (scaled like the data; not disposed), with what each was generated from. */
  async measure(images: tfNs.Tensor, inputs: SampleInputs = {}): Promise<MnistQuality> {
    return this.score(await this.classifier.classify(images, this.scale), inputs);
  }

  private score(c: Classified, { codes, labels }: SampleInputs): MnistQuality {
    const s = classScore(c.probs, this.classifier.numClasses);
    const out: MnistQuality = {
      samples: s.samples,
      classifierScore: s.score,
      confidence: s.confidence,
      confident: s.confident,
      coverage: s.coverage,
      classShares: s.classShares,
      fd: frechetDistance(fitGaussian(c.features, this.classifier.featureDim), this.real),
    };
    const predicted = argmaxRows(c.probs);
    if (codes) {
      const { accuracy, ...match } = codeMatchAccuracy(
        codes.values,
        predicted,
        codes.categories,
        this.classifier.numClasses,
      );
      out.codeAccuracy = accuracy;
      out.codeMatch = match;
    }
    if (labels) out.classAgreement = classAgreement(labels, predicted);
    return out;
  }

  /** The same metrics on n real digits other than those behind the reference statistics: what "good" looks like. */
  async measureReal(host: HostDataset, n: number): Promise<MnistQuality> {
    const idx = pickIndices(host.count, n, 2, this.realIdx);
    const x = this.tf.tensor4d(rowsOf(host, idx), [idx.length, 28, 28, 1]);
    try {
      return await this.measure(x);
    } finally {
      x.dispose();
    }
  }

  /**
   * n samples from the session's generator (seeded, inference mode) and the quality of them. Generated
   * and classified in batches of `batch`; `shouldStop` is asked between batches (a pause must not wait
   * for a big generator's whole sample), and a stop gives undefined. `onImages` sees each batch of images
   * before it is disposed (the worker measures their diversity too instead of generating them again).
   */
  async measureSession(
    session: TrainingSession,
    n: number,
    seed = 4321,
    opts: { batch?: number; shouldStop?: () => boolean; onImages?: (images: tfNs.Tensor) => void } = {},
  ): Promise<MnistQuality | undefined> {
    const batch = opts.batch ?? 64,
      f = this.classifier.featureDim,
      k = this.classifier.numClasses;
    const all: Classified = { n, features: new Float32Array(n * f), probs: new Float32Array(n * k) };
    const codes = session.plan.categoricalCodes.length ? new Int32Array(n) : undefined;
    const labels = session.plan.usesLabels ? new Int32Array(n) : undefined;
    for (let i = 0; i < n; i += batch) {
      if (opts.shouldStop?.()) return undefined;
      const m = Math.min(batch, n - i);
      const g = generateWithCodes(this.tf, session, m, seed + i);
      try {
        opts.onImages?.(g.images);
        const c = await this.classifier.classify(g.images, this.scale, m);
        all.features.set(c.features, i * f);
        all.probs.set(c.probs, i * k);
        if (codes && g.codes) codes.set(new Int32Array(await g.codes.data()), i);
        if (labels && g.labels) labels.set(new Int32Array(await g.labels.data()), i);
      } finally {
        g.images.dispose();
        g.codes?.dispose();
        g.labels?.dispose();
      }
    }
    return this.score(all, { codes: codes && { values: codes, categories: session.plan.categoricalCodes[0] }, labels });
  }

  dispose(): void {
    this.classifier.dispose();
  }
}

/**
 * Generated images plus, for InfoGAN, the value of the first categorical code behind each image, and for
 * a conditional G the label it was asked for (int32, the fixed feed's cycling labels).
 */
export function generateWithCodes(
  tf: TF,
  session: TrainingSession,
  n: number,
  seed: number,
): { images: tfNs.Tensor; codes?: tfNs.Tensor; labels?: tfNs.Tensor } {
  const out = tf.tidy(() => {
    const feed = session.fixedFeed(n, seed);
    const images = session.stepper.generate(feed);
    return {
      images,
      ...(feed.categorical.length ? { codes: feed.categorical[0] } : {}),
      ...(feed.labels ? { labels: tf.cast(feed.labels, 'int32') } : {}),
    };
  });
  return out;
}
