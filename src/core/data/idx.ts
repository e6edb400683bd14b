/**
 * MNIST-format IDX files (images: magic 0x00000803, labels: 0x00000801), optionally gzipped.
 * Errors say what is wrong with the file in terms of the format.
 */
import type { ByteDataset, Scale } from './host';
import { gunzipLimited, isGzip } from './gzip';
import { LIMITS, fmtBytes, fmtInt } from '../limits';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export async function parseIdx(input: Uint8Array, fileName = 'file'): Promise<IdxArray> {
  const b = isGzip(input) ? await gunzipLimited(input, fileName) : input;
  if (b.length < 4) throw new Error(`${fileName}: too short to be an IDX file`);
  if (b[0] !== 0 || b[1] !== 0) throw new Error(`${fileName}: not an IDX file (it must start with two zero bytes)`);
  if (b[2] !== 0x08)
    throw new Error(
      `${fileName}: only unsigned-byte IDX data (type 0x08) is supported, found type 0x${b[2].toString(16)}`,
    );
  const rank = b[3];
  if (rank < 1 || rank > 4) throw new Error(`${fileName}: unexpected number of dimensions ${rank}`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 4 + 4 * rank)
    throw new Error(`${fileName}: truncated: its header needs ${4 + 4 * rank} bytes, found ${b.length}`);
  const dims = Array.from({ length: rank }, (_, i) => dv.getUint32(4 + 4 * i, false));
  if (dims.some((d) => d === 0)) throw new Error(`${fileName}: holds no values (shape [${dims.join(', ')}])`);
  const start = 4 + 4 * rank;
  const size = dims.reduce((a, d) => a * d, 1);
  // The header's sizes are checked against the limit and the bytes present before anything is allocated for them.
  if (size > LIMITS.expandedBytes.value) {
    throw new Error(
      `${fileName}: its header declares [${dims.map(fmtInt).join(', ')}] = ${fmtInt(size)} values (${fmtBytes(size)}); the limit is ${fmtBytes(LIMITS.expandedBytes.value)}, and the file holds ${fmtBytes(b.length - start)}`,
    );
  }
  if (b.length < start + size)
    throw new Error(
      `${fileName}: truncated: expected ${size} values for shape [${dims.join(', ')}], found ${b.length - start}`,
    );
  return { dims, data: b.subarray(start, start + size) };
}

/**
 * An images IDX file (N×H×W) and an optional labels IDX file (N) as a dataset. `files` names them in
 * errors (the CLI passes the paths it read).
 */
export async function idxDataset(
  images: Uint8Array,
  labels: Uint8Array | undefined,
  scale: Scale,
  name = 'IDX',
  files: { images?: string; labels?: string } = {},
): Promise<ByteDataset> {
  const imagesFile = files.images ?? 'images file',
    labelsFile = files.labels ?? 'labels file';
  const img = await parseIdx(images, imagesFile);
  if (img.dims.length !== 3)
    throw new Error(`${imagesFile}: expected 3 dimensions [count, rows, cols], found [${img.dims.join(', ')}]`);
  const [count, rows, cols] = img.dims;
  let lab: Int32Array | undefined;
  let numClasses = 0;
  if (labels) {
    const l = await parseIdx(labels, labelsFile);
    if (l.dims.length !== 1)
      throw new Error(`${labelsFile}: expected 1 dimension [count], found [${l.dims.join(', ')}]`);
    if (l.dims[0] !== count)
      throw new Error(
        `${labelsFile} has ${l.dims[0]} labels but ${files.images ?? 'the images file'} has ${count} images`,
      );
    lab = Int32Array.from(l.data);
    // A loop, not Math.max(...lab): spreading 60,000 arguments can overflow the stack.
    numClasses = lab.reduce((a, x) => Math.max(a, x), -1) + 1;
  }
  return { name, shape: [rows, cols, 1], count, numClasses, pixels: img.data, scale, labels: lab };
}
