/**
 * Frechet distance between two Gaussians fitted to feature vectors (the "FID" formula, here in the
 * reference classifier's 64-d feature space):
 *   FD = |mu1 - mu2|^2 + Tr(C1 + C2 - 2 (C1 C2)^(1/2))
 * Tr((C1 C2)^(1/2)) = Tr((S C2 S)^(1/2)) with S = C1^(1/2), a symmetric PSD matrix, so both square roots
 * come from symmetric eigen-decompositions (cyclic Jacobi, Float64) — exact enough and fast for d <= 128.
 * Pure: plain arrays, no tfjs.
 */

export interface Gaussian {
  dim: number;
  mean: Float64Array /** d × d, row-major */;
  cov: Float64Array;
  n: number;
}

/** Mean and (unbiased) covariance of n rows of `dim` features. */
export function fitGaussian(features: Float32Array | Float64Array, dim: number): Gaussian {
  const n = features.length / dim;
  if (!Number.isInteger(n) || n < 2)
    throw new Error(`need at least 2 feature rows of ${dim} values, got ${features.length} values`);
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += features[i * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= n;
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) row[j] = features[i * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = a; b < dim; b++) cov[a * dim + b] += ra * row[b];
    }
  }
  for (let a = 0; a < dim; a++)
    for (let b = a; b < dim; b++) {
      const v = cov[a * dim + b] / (n - 1);
      cov[a * dim + b] = v;
      cov[b * dim + a] = v;
    }
  return { dim, mean, cov, n };
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(m: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0,
      diag = 0;
    for (let p = 0; p < d; p++) {
      diag += a[p * d + p] ** 2;
      for (let q = p + 1; q < d; q++) off += a[p * d + q] ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < d; p++)
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < d; k++) {
          // rotate columns p and q
          const akp = a[k * d + p],
            akq = a[k * d + q];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          // then rows p and q
          const apk = a[p * d + k],
            aqk = a[q * d + k];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p],
            vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(d);
  for (let i = 0; i < d; i++) values[i] = a[i * d + i];
  return { values, vectors: v };
}

/** Square root of a symmetric positive semi-definite matrix (negative rounding noise clamped to 0). */
export function sqrtPsd(m: Float64Array, d: number): Float64Array {
  const { values, vectors } = symmetricEigen(m, d);
  const out = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    const s = Math.sqrt(Math.max(0, values[k]));
    if (s === 0) continue;
    for (let i = 0; i < d; i++) {
      const vik = vectors[i * d + k] * s;
      if (vik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] += vik * vectors[j * d + k];
    }
  }
  return out;
}

function matMul(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      const aik = a[i * d + k];
      if (aik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] += aik * b[k * d + j];
    }
  return out;
}

/** The Frechet distance between two fitted Gaussians of the same dimension. */
export function frechetDistance(g1: Gaussian, g2: Gaussian): number {
  const d = g1.dim;
  if (g2.dim !== d) throw new Error(`feature sizes differ: ${d} and ${g2.dim}`);
  let meanTerm = 0,
    trace = 0;
  for (let i = 0; i < d; i++) {
    meanTerm += (g1.mean[i] - g2.mean[i]) ** 2;
    trace += g1.cov[i * d + i] + g2.cov[i * d + i];
  }
  const s = sqrtPsd(g1.cov, d);
  const m = matMul(matMul(s, g2.cov, d), s, d);
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      // symmetrise rounding noise
      const v = (m[i * d + j] + m[j * d + i]) / 2;
      m[i * d + j] = v;
      m[j * d + i] = v;
    }
  const { values } = symmetricEigen(m, d);
  let rootTrace = 0;
  for (const v of values) rootTrace += Math.sqrt(Math.max(0, v));
  return Math.max(0, meanTerm + trace - 2 * rootTrace);
}
