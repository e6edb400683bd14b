/**
 * The dataset on the device: uploaded once, gathered by index every step, never re-uploaded.
 *
 * tfjs has no uint8 tensors (int32 costs 4 bytes like float32, and WebGL keeps both in float textures),
 * so image bytes are packed three to a float32 (b0 + 256·b1 + 65536·b2 < 2^24: every such integer is
 * exact in float32's 24-bit significand, on every backend) and unpacked and scaled per batch by a few
 * element-wise ops and a 256-entry lookup on the gathered rows only: a third of the device memory of float32 images. Where a
 * WebGL device renders only half floats (integers exact only to 2048), bytes go one to a float.
 */
import type { Tensor, TF } from '../tf';
import { sampleSize, scaleBytes, type HostDataset, type Scale } from './host';
import { LIMITS, fmtBytes, fmtInt } from '../limits';

type T = Tensor;

/** How `stored` holds one sample: float values as they are, or bytes `per` to a float32. */
export type DeviceEncoding =
  | { kind: 'float' }
  /** `table`: the 256 values a byte stands for, computed on the host exactly as scaleBytes does, so a batch holds the very numbers float32 data held. */
  | { kind: 'bytes'; per: 1 | 3; length: number; scale: Scale; table: T };

export interface DeviceData {
  /** [count, row] as `encoding` says; read it through `gatherBatch`, never directly. */
  stored: T;
  labels?: T;
  count: number;
  shape: number[];
  encoding: DeviceEncoding;
  /** Device bytes of `stored` and `labels`. */
  bytes: number;
}

/** Bytes a float32 can hold exactly on this backend: 3, or 1 on WebGL devices without float32 rendering. */
export function bytesPerFloat(tf: TF): 1 | 3 {
  if (tf.getBackend() !== 'webgl') return 3;
  try {
    return tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 3 : 1;
  } catch {
    return 1;
  }
}

/** Device bytes a dataset takes: packed image bytes (or float values) plus int32 labels. */
export function deviceBytes(d: Pick<HostDataset, 'shape' | 'count' | 'labels' | 'pixels'>, per: 1 | 3 = 3): number {
  const size = sampleSize(d);
  const row = d.pixels ? Math.ceil(size / per) : size;
  return 4 * d.count * row + (d.labels ? 4 * d.count : 0);
}

/** Refuses a dataset whose device copy would exceed the budget, with the figures and what would fit. */
export function checkDeviceBudget(
  d: HostDataset,
  per: 1 | 3 = 3,
  budget: number = LIMITS.datasetDeviceBytes.value,
): void {
  const need = deviceBytes(d, per);
  if (need <= budget) return;
  const each = need / Math.max(1, d.count);
  const fits = Math.floor(budget / each);
  const how = d.pixels
    ? `${per === 3 ? 'image bytes packed 3 to a float32' : 'one byte a float32'}: ${fmtBytes(each)} each`
    : `float32: ${fmtBytes(each)} each`;
  throw new Error(
    `'${d.name}' needs ${fmtBytes(need)} of device memory (${fmtInt(d.count)} samples of ${d.shape.join('×')}, ${how}); ` +
      `the budget is ${fmtBytes(budget)} of ${LIMITS.datasetDeviceBytes.what}. Keep at most ${fmtInt(fits)} samples, or use a smaller size`,
  );
}

/** Packs count samples of `length` bytes into count rows of ceil(length / per) floats. */
export function packBytes(pixels: Uint8Array, count: number, length: number, per: 1 | 3): Float32Array {
  const row = Math.ceil(length / per),
    out = new Float32Array(count * row);
  if (per === 1) {
    for (let i = 0; i < pixels.length; i++) out[i] = pixels[i];
    return out;
  }
  for (let s = 0; s < count; s++) {
    const src = s * length,
      dst = s * row;
    for (let j = 0; j < row; j++) {
      const k = src + 3 * j,
        end = src + length;
      out[dst + j] = pixels[k] + (k + 1 < end ? 256 * pixels[k + 1] : 0) + (k + 2 < end ? 65536 * pixels[k + 2] : 0);
    }
  }
  return out;
}

/** Uploads a dataset to the device once (refusing one over the memory budget first). */
export function toDevice(tf: TF, d: HostDataset, per: 1 | 3 = bytesPerFloat(tf)): DeviceData {
  checkDeviceBudget(d, per);
  const labels = d.labels ? tf.tensor1d(d.labels, 'int32') : undefined;
  const base = { labels, count: d.count, shape: [...d.shape], bytes: deviceBytes(d, per) };
  if (!d.pixels)
    return { ...base, stored: tf.tensor2d(d.values, [d.count, sampleSize(d)], 'float32'), encoding: { kind: 'float' } };
  const length = sampleSize(d);
  const packed = packBytes(d.pixels, d.count, length, per);
  const table = tf.tensor1d(
    scaleBytes(
      Uint8Array.from({ length: 256 }, (_, i) => i),
      d.scale,
    ),
    'float32',
  );
  return {
    ...base,
    stored: tf.tensor2d(packed, [d.count, Math.ceil(length / per)], 'float32'),
    encoding: { kind: 'bytes', per, length, scale: d.scale, table },
  };
}

/** The samples at `idx` (int32 [b]) as [b, ...shape] float32 in the generator's units. */
export function gatherBatch(tf: TF, d: DeviceData, idx: T): T {
  return tf.tidy(() => {
    const rows = tf.gather(d.stored, idx);
    const b = idx.shape[0]!;
    const e = d.encoding;
    if (e.kind === 'float') return tf.reshape(rows, [b, ...d.shape]);
    let bytes = rows;
    if (e.per === 3) {
      // Multiplying by a power of two is exact; so is floor of an exact value.
      const hi = tf.floor(tf.mul(rows, 1 / 65536));
      const rest = tf.sub(rows, tf.mul(hi, 65536));
      const mid = tf.floor(tf.mul(rest, 1 / 256));
      const lo = tf.sub(rest, tf.mul(mid, 256));
      bytes = tf.reshape(tf.stack([lo, mid, hi], 2), [b, -1]);
      if (bytes.shape[1] !== e.length) bytes = tf.slice(bytes, [0, 0], [b, e.length]);
    }
    return tf.reshape(tf.gather(e.table, tf.cast(bytes, 'int32')), [b, ...d.shape]);
  });
}

export function disposeDevice(d: DeviceData): void {
  d.stored.dispose();
  d.labels?.dispose();
  if (d.encoding.kind === 'bytes') d.encoding.table.dispose();
}

/** Device data from float samples already on the device ([n, ...shape]), e.g. random images in a test. */
export function floatDevice(tf: TF, samples: T, labels?: T): DeviceData {
  const [n, ...shape] = samples.shape as number[];
  const stored = tf.reshape(samples, [n, -1]);
  if (stored !== samples) samples.dispose();
  return {
    stored,
    labels,
    count: n,
    shape,
    encoding: { kind: 'float' },
    bytes: 4 * stored.size + (labels ? 4 * n : 0),
  };
}
