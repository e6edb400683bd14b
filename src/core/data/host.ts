/** A dataset in host memory, already scaled, ready to be uploaded to the device once. */
export interface HostDataset {
  name: string;
  /** Shape of one sample, e.g. [28, 28, 1] or [2]. */
  shape: number[];
  count: number;
  numClasses: number;
  /** count × prod(shape) values, scaled for the generator's output activation. */
  values: Float32Array;
  labels?: Int32Array;
}

export type Scale = 'tanh' | 'sigmoid';

/** Bytes 0..255 -> [-1, 1] (tanh generators) or [0, 1] (sigmoid ones). */
export function scaleBytes(bytes: Uint8Array, scale: Scale): Float32Array {
  const out = new Float32Array(bytes.length);
  const [m, a] = scale === 'tanh' ? [2 / 255, -1] : [1 / 255, 0];
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] * m + a;
  return out;
}

/** The first `n` samples (all when n is larger), e.g. for a reference batch. */
export function takeSamples(d: HostDataset, n: number): HostDataset {
  const k = Math.min(n, d.count), size = d.values.length / d.count;
  return { ...d, count: k, values: d.values.slice(0, k * size), labels: d.labels?.slice(0, k) };
}
