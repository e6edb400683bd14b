/**
 * The size limits on user data, declared once with value and reason, in the same shape as the project
 * limits (src/core/limits.ts on the `hostile` branch: `{ value, what, why }`), so they can move into that
 * one declaration when both are on main. Every reader checks them BEFORE it allocates: a file's size before
 * it is read whole, a header's declared size before the buffer it describes, a zip entry's declared size
 * before it is inflated.
 */
export interface DataLimit { value: number; what: string; why: string }

const MB = 1024 ** 2, GB = 1024 ** 3;

export const DATA_LIMITS = {
  fileBytes: {
    value: 512 * MB, what: 'bytes in one data file',
    why: "a browser tab holds the whole file in memory while it decodes it; the full Fashion-MNIST training images are 47 MB, a zip of 10,000 64×64 PNGs about 60 MB",
  },
  expandedBytes: {
    value: 1 * GB, what: 'bytes once a gzip file or a zip entry is decompressed',
    why: 'a few kilobytes of gzip can claim gigabytes; the declared size is checked before inflating and the stream is cut at the limit',
  },
  imagePixels: {
    value: 40_000_000, what: 'pixels in one image',
    why: 'an image is decoded whole (4 bytes a pixel: 160 MB at the limit) before it is shrunk to at most 64×64',
  },
  images: { value: 200_000, what: 'images in one dataset', why: 'decoding takes about 1 ms an image; more is for the CLI or PyTorch' },
  points: { value: 1_000_000, what: 'points in one point cloud', why: '8 MB of float32; a 2-D GAN learns from far fewer' },
  deviceBytes: {
    value: 1 * GB, what: 'device memory for the dataset',
    why: 'the dataset sits on the GPU (or in the WebAssembly heap, at most 4 GB) beside the models, their gradients and optimizer state',
  },
} as const satisfies Record<string, DataLimit>;

export const fmtCount = (n: number): string => (Number.isFinite(n) && n < 1e21 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2));

/** Bytes as people read them: `840 KB`, `47 MB`, `1.6 GB`. */
export function fmtSize(b: number): string {
  if (b >= GB) return `${(b / GB).toFixed(1).replace(/\.0$/, '')} GB`;
  if (b >= MB) return `${(b / MB).toFixed(b >= 10 * MB ? 0 : 1).replace(/\.0$/, '')} MB`;
  if (b >= 1024) return `${Math.ceil(b / 1024)} KB`;
  return `${b} bytes`;
}

/** Refuses a file by its size alone (a File's `size`, a stat), before anything reads it. */
export function checkFileSize(name: string, bytes: number): void {
  const l = DATA_LIMITS.fileBytes;
  if (bytes > l.value) throw new Error(`${name} is ${fmtSize(bytes)}; the limit is ${fmtSize(l.value)} of ${l.what} (${l.why}). Use fewer or smaller images, or the CLI on a subset`);
}
