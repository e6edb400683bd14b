/**
 * The shipped classifier's file format: kernels as int8 with one scale per output unit (the last axis),
 * biases as float32, all base64 in one small JSON. Per-unit scales keep int8 nearly lossless here
 * (the test accuracy is measured after the round trip; see tests/core/classifier.test.ts).
 * Pure: no tfjs.
 */
import { CLASSIFIER_SHAPES } from './classifier';

export interface QuantizedTensor {
  shape: number[];
  dtype: 'int8' | 'float32';
  scales?: number[];
  data: string;
}
export interface ClassifierFile {
  format: 'ganvas-classifier';
  version: 1;
  /** How it was trained and what it scored on the held-out digits (documentation, shown in reports). */
  trainedOn: string;
  testAccuracy: number;
  testCount: number;
  weights: Record<string, QuantizedTensor>;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Kernels: symmetric int8 per output unit; 1-D tensors (biases) stay float32. */
export function quantize(values: Float32Array, shape: number[]): QuantizedTensor {
  if (shape.length === 1)
    return { shape, dtype: 'float32', data: toBase64(new Uint8Array(new Float32Array(values).buffer)) };
  const units = shape[shape.length - 1];
  const scales = new Array<number>(units).fill(0);
  for (let i = 0; i < values.length; i++) scales[i % units] = Math.max(scales[i % units], Math.abs(values[i]));
  for (let u = 0; u < units; u++) scales[u] = scales[u] / 127 || 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.round(values[i] / scales[i % units]);
  return {
    shape,
    dtype: 'int8',
    scales: scales.map((s) => +s.toPrecision(8)),
    data: toBase64(new Uint8Array(q.buffer)),
  };
}

export function dequantize(t: QuantizedTensor): Float32Array {
  const bytes = fromBase64(t.data);
  if (t.dtype === 'float32') return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = t.shape[t.shape.length - 1];
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i] * t.scales![i % units];
  return out;
}

/** Checks a file against the architecture: every weight present with the right shape. */
export function checkClassifierFile(f: ClassifierFile): void {
  if (f.format !== 'ganvas-classifier' || f.version !== 1)
    throw new Error('not a Ganvas classifier file (format/version)');
  for (const [name, shape] of Object.entries(CLASSIFIER_SHAPES)) {
    const w = f.weights[name];
    if (!w) throw new Error(`classifier file lacks weight '${name}'`);
    if (w.shape.join('x') !== shape.join('x'))
      throw new Error(`classifier weight '${name}' is [${w.shape}] but the model needs [${shape}]`);
  }
}
