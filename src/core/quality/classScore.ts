/**
 * What the reference classifier thinks of a batch of samples (pure, from its softmax outputs):
 * - score: the Inception-Score analogue exp(E_x[KL(p(y|x) || p(y))]): high (up to the number of classes)
 *   when every sample is confidently one digit *and* the digits are spread over the classes; 1 when all
 *   samples look alike or none looks like any digit in particular;
 * - confidence: mean of max_y p(y|x) — are samples recognisable digits?
 * - confident: the share of samples whose top class has p >= CONFIDENT_PROB (a mean hides a bimodal
 *   batch: half crisp digits and half scribbles average to a fair confidence);
 * - coverage: how many classes are the top prediction of at least COVERAGE_SHARE of the samples
 *   (a collapsed generator covers few);
 * - classShares: the share of samples predicted as each class.
 */

export interface ClassScore {
  samples: number;
  score: number;
  confidence: number;
  /** Share of samples classified with probability >= CONFIDENT_PROB. */
  confident: number;
  coverage: number;
  classShares: number[];
}

/** A class counts as covered when at least 2% of the samples are predicted as it (a fifth of the fair share of 10). */
export const COVERAGE_SHARE = 0.02;
/** A sample is "confidently a digit" when the classifier gives its top class at least this probability. */
export const CONFIDENT_PROB = 0.9;

/** How many classes are the top prediction of at least `share` of the samples. */
export const classesWithShare = (classShares: readonly number[], share: number): number =>
  classShares.filter((s) => s >= share && s > 0).length;

export function classScore(probs: Float32Array | Float64Array, numClasses: number): ClassScore {
  const n = probs.length / numClasses;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`expected rows of ${numClasses} probabilities, got ${probs.length} values`);
  const eps = 1e-12;
  const marginal = new Float64Array(numClasses);
  const counts = new Array<number>(numClasses).fill(0);
  let confidence = 0,
    confident = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 0; c < numClasses; c++) {
      const p = probs[i * numClasses + c];
      marginal[c] += p / n;
      if (p > probs[i * numClasses + best]) best = c;
    }
    counts[best]++;
    confidence += probs[i * numClasses + best] / n;
    if (probs[i * numClasses + best] >= CONFIDENT_PROB) confident++;
  }
  let kl = 0;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < numClasses; c++) {
      const p = probs[i * numClasses + c];
      if (p > 0) kl += (p * (Math.log(p + eps) - Math.log(marginal[c] + eps))) / n;
    }
  const classShares = counts.map((k) => k / n);
  return {
    samples: n,
    score: Math.exp(kl),
    confidence,
    confident: confident / n,
    coverage: classesWithShare(classShares, COVERAGE_SHARE),
    classShares,
  };
}
