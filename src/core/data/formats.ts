/**
 * What a dropped or named file is, from its first bytes (and its name where bytes cannot tell, as for CSV):
 * the formats Ganvas reads, and a clear refusal naming what the file seems to be otherwise.
 */
export type DataFormat = 'png' | 'jpeg' | 'zip' | 'gzip' | 'idx' | 'npy' | 'csv';

const starts = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((v, i) => b[i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Formats Ganvas does not read, so a refusal can say what the file is. */
const OTHERS: [number[], string][] = [
  [ascii('GIF8'), 'a GIF image'],
  [ascii('BM'), 'a BMP image'],
  [ascii('%PDF'), 'a PDF document'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [ascii('7z'), 'a 7-Zip archive'],
  [ascii('Rar!'), 'a RAR archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 file'],
];

export const READABLE =
  'PNG or JPEG images, a zip or folder of them, IDX files (optionally .gz), or 2-D points as CSV or .npy';

export function detectFormat(name: string, head: Uint8Array): DataFormat {
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts(head, [0x1f, 0x8b])) return 'gzip';
  if (starts(head, [0x93, ...ascii('NUMPY')])) return 'npy';
  if (
    head.length >= 4 &&
    head[0] === 0 &&
    head[1] === 0 &&
    head[2] >= 0x08 &&
    head[2] <= 0x0e &&
    head[3] >= 1 &&
    head[3] <= 4
  )
    return 'idx';
  if (head.length >= 12 && starts(head, ascii('RIFF')) && String.fromCharCode(...head.subarray(8, 12)) === 'WEBP') {
    throw new Error(`${name} is a WebP image; Ganvas reads ${READABLE}`);
  }
  for (const [sig, what] of OTHERS)
    if (starts(head, sig)) throw new Error(`${name} is ${what}; Ganvas reads ${READABLE}`);
  if (/\.(csv|tsv|txt)$/i.test(name) && isText(head)) return 'csv';
  if (head.length === 0) throw new Error(`${name} is empty`);
  throw new Error(
    `${name} is not a file Ganvas can read (${isText(head) ? 'text, but not named .csv' : 'unknown binary data'}); it reads ${READABLE}`,
  );
}

/** Printable text (UTF-8 or ASCII): no NUL bytes and few control characters. */
function isText(b: Uint8Array): boolean {
  let bad = 0;
  for (const v of b) {
    if (v === 0) return false;
    if (v < 9 || (v > 13 && v < 32)) bad++;
  }
  return bad <= b.length / 100;
}

/** An image's width and height from its header, without decoding it (PNG IHDR, JPEG start-of-frame). */
export function imageHeaderSize(b: Uint8Array): { width: number; height: number } | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (starts(b, [0x89, 0x50, 0x4e, 0x47]) && b.length >= 24)
    return { width: dv.getUint32(16, false), height: dv.getUint32(20, false) };
  if (!starts(b, [0xff, 0xd8])) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const m = b[i + 1];
    if (m === 0xff) {
      i++;
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = dv.getUint16(i + 2, false);
    // Start of frame: every SOFn except DHT (C4), JPG (C8) and DAC (CC).
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)
      return { height: dv.getUint16(i + 5, false), width: dv.getUint16(i + 7, false) };
    i += 2 + len;
  }
  return undefined;
}
