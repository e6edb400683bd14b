/**
 * A dataset's content hash: SHA-256 over its shape, count and samples (bytes, or float values), and its
 * labels. It names what trains, not the files it came from: the same images zipped twice hash the same;
 * the same images at another size or in grey do not. The app keeps stored datasets under this hash and a
 * project refers to its dataset by it; the CLI checks a --data file against it.
 *
 * WebCrypto hashes only whole buffers, so the samples are hashed in 8 MB pieces and the hash is taken over
 * the header and the pieces' hashes: no second copy of a large dataset is ever made.
 */
import { sampleSize, type HostDataset } from './host';

const PIECE = 8 * 1024 * 1024;
const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const sha256 = async (b: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', b as BufferSource));

export async function datasetHash(d: HostDataset): Promise<string> {
  const head = new TextEncoder().encode(
    JSON.stringify({
      shape: d.shape,
      count: d.count,
      kind: d.pixels ? 'uint8' : 'float32',
      labelled: Boolean(d.labels),
      numClasses: d.numClasses,
    }),
  );
  const body = d.pixels ?? d.values;
  const data = new Uint8Array(body.buffer, body.byteOffset, d.count * sampleSize(d) * (d.pixels ? 1 : 4));
  const labels = d.labels
    ? new Uint8Array(d.labels.buffer, d.labels.byteOffset, d.labels.length * 4)
    : new Uint8Array(0);
  const pieces: Uint8Array[] = [];
  for (const part of [data, labels])
    for (let i = 0; i < part.length; i += PIECE) pieces.push(await sha256(part.subarray(i, i + PIECE)));
  const all = new Uint8Array(head.length + 32 * pieces.length);
  all.set(head);
  pieces.forEach((p, i) => all.set(p, head.length + 32 * i));
  return hex((await sha256(all)).buffer as ArrayBuffer);
}
