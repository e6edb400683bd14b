/**
 * The shipped reference classifier, loaded onto whatever backend is active: weights uploaded once and
 * kept; `classify` runs images through it in batches and reads back features and class probabilities
 * asynchronously (never a synchronous read, so it can sit between training chunks in the worker).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import {
  CLASSIFIER_SHAPES,
  classifierForward,
  FEATURE_DIM,
  NUM_CLASSES,
  toUnitRange,
  type ClassifierWeights,
} from './classifier';
import { checkClassifierFile, dequantize, type ClassifierFile } from './quantize';

export interface Classified {
  n: number;
  /** [n, FEATURE_DIM] penultimate-layer activations. */
  features: Float32Array;
  /** [n, NUM_CLASSES] softmax probabilities. */
  probs: Float32Array;
}

/**
 * The held-out digits: every 5th run of ten of the bundled 10,000 (2,000). The file interleaves the
 * classes 0..9, so whole runs of ten keep the split balanced (every 5th digit would be all 4s and 9s).
 */
export const isHeldOut = (i: number) => Math.floor(i / 10) % 5 === 4;

export class ReferenceClassifier {
  readonly weights: ClassifierWeights;
  readonly featureDim = FEATURE_DIM;
  readonly numClasses = NUM_CLASSES;

  constructor(
    private readonly tf: TF,
    readonly file: ClassifierFile,
  ) {
    checkClassifierFile(file);
    const w: Partial<ClassifierWeights> = {};
    for (const name of Object.keys(CLASSIFIER_SHAPES))
      w[name] = tf.keep(tf.tensor(dequantize(file.weights[name]), file.weights[name].shape));
    this.weights = w as ClassifierWeights;
  }

  /** Features and probabilities of images [n, 28, 28, 1] scaled as the dataset ('tanh' or 'sigmoid'). */
  forward(x: tfNs.Tensor, scale: 'tanh' | 'sigmoid'): { features: tfNs.Tensor; probs: tfNs.Tensor } {
    return this.tf.tidy(() => {
      const { features, logits } = classifierForward(this.tf, this.weights, toUnitRange(this.tf, x, scale));
      return { features, probs: this.tf.softmax(logits) };
    });
  }

  /** Runs `x` (not disposed) through the classifier in batches; one async download per batch. */
  async classify(x: tfNs.Tensor, scale: 'tanh' | 'sigmoid', batch = 256): Promise<Classified> {
    const n = x.shape[0]!;
    const features = new Float32Array(n * FEATURE_DIM),
      probs = new Float32Array(n * NUM_CLASSES);
    for (let i = 0; i < n; i += batch) {
      const k = Math.min(batch, n - i);
      const part = this.tf.slice(x, [i], [k]);
      const out = this.forward(part, scale);
      part.dispose();
      const [f, p] = await Promise.all([out.features.data(), out.probs.data()]);
      out.features.dispose();
      out.probs.dispose();
      features.set(f as Float32Array, i * FEATURE_DIM);
      probs.set(p as Float32Array, i * NUM_CLASSES);
    }
    return { n, features, probs };
  }

  /** Host images (n × 784 values, scaled as `scale`) through the classifier. */
  async classifyHost(values: Float32Array, scale: 'tanh' | 'sigmoid'): Promise<Classified> {
    const x = this.tf.tensor4d(values, [values.length / 784, 28, 28, 1]);
    try {
      return await this.classify(x, scale);
    } finally {
      x.dispose();
    }
  }

  dispose(): void {
    for (const t of Object.values(this.weights)) t.dispose();
  }
}

/** Index of the most probable class of each row. */
export function argmaxRows(probs: Float32Array, k = NUM_CLASSES): Int32Array {
  const out = new Int32Array(probs.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[i * k + c] > probs[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}
