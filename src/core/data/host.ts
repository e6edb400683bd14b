/**
 * A dataset in host memory, ready to be uploaded to the device once. Images are kept as their bytes
 * (`pixels`, 0..255) and scaled on the device per batch, a quarter of the memory of float32 on the host
 * and a third on the device (core/data/device.ts); float data (2-D points, or images a test made) is kept
 * as `values`, already in the generator's units.
 */
interface HostBase {
  name: string;
  /** Shape of one sample, e.g. [28, 28, 1] or [2]. */
  shape: number[];
  count: number;
  numClasses: number;
  labels?: Int32Array;
  /** Known generative factors per sample (the generated sprites): count × names.length, row-major. */
  factors?: DatasetFactors;
}

/** count × prod(shape) values, scaled for the generator's output activation. */
export type FloatDataset = HostBase & { values: Float32Array; pixels?: undefined; scale?: Scale };
/** count × prod(shape) bytes 0..255, scaled to `scale` when a batch is drawn. */
export type ByteDataset = HostBase & { pixels: Uint8Array; scale: Scale; values?: undefined };
export type HostDataset = FloatDataset | ByteDataset;

/** Factors in [0, 1] (a circular one, like hue, wraps), except class-like ones, which hold their index. */
export interface DatasetFactors {
  names: readonly string[];
  values: Float32Array;
}

export type Scale = 'tanh' | 'sigmoid';

/** The multiplier and offset that take a byte 0..255 to [-1, 1] (tanh) or [0, 1] (sigmoid). */
export const byteScale = (scale: Scale): [number, number] => (scale === 'tanh' ? [2 / 255, -1] : [1 / 255, 0]);

/** Bytes 0..255 -> [-1, 1] (tanh generators) or [0, 1] (sigmoid ones). */
export function scaleBytes(bytes: Uint8Array, scale: Scale): Float32Array {
  const out = new Float32Array(bytes.length);
  const [m, a] = byteScale(scale);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] * m + a;
  return out;
}

/** Numbers in one sample. */
export const sampleSize = (d: Pick<HostDataset, 'shape'>): number => d.shape.reduce((a, b) => a * b, 1);

/** The samples at `idx` as one Float32Array in the generator's units (bytes scaled; floats copied). */
export function hostRows(d: HostDataset, idx: readonly number[]): Float32Array {
  const size = sampleSize(d),
    out = new Float32Array(idx.length * size);
  if (d.pixels) {
    const [m, a] = byteScale(d.scale);
    idx.forEach((i, j) => {
      const src = d.pixels.subarray(i * size, (i + 1) * size),
        o = j * size;
      for (let k = 0; k < size; k++) out[o + k] = src[k] * m + a;
    });
  } else {
    idx.forEach((i, j) => out.set(d.values.subarray(i * size, (i + 1) * size), j * size));
  }
  return out;
}

/** Samples from..from+n-1 (clipped to the data) in the generator's units. */
export function hostRange(d: HostDataset, from: number, n: number): Float32Array {
  const k = Math.max(0, Math.min(n, d.count - from));
  return hostRows(
    d,
    Array.from({ length: k }, (_, i) => from + i),
  );
}

/** How the data's values are scaled: images say so; float data with a negative value is read as tanh. */
export function scaleOfData(d: HostDataset): Scale {
  if (d.pixels) return d.scale;
  if (d.scale) return d.scale;
  for (let i = 0; i < Math.min(d.values.length, 10_000); i++) if (d.values[i] < 0) return 'tanh';
  return 'sigmoid';
}

/** The first `n` samples (all when n is larger), e.g. for a reference batch. */
export function takeSamples(d: HostDataset, n: number): HostDataset {
  const k = Math.min(n, d.count),
    size = sampleSize(d);
  const factors = d.factors && {
    names: d.factors.names,
    values: d.factors.values.slice(0, k * d.factors.names.length),
  };
  const base = { ...d, count: k, labels: d.labels?.slice(0, k), factors };
  return d.pixels
    ? { ...base, pixels: d.pixels.slice(0, k * size), values: undefined, scale: d.scale }
    : { ...base, values: d.values.slice(0, k * size), pixels: undefined };
}
