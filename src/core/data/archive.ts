/**
 * Zip archives of images (fflate, in Node and in a browser worker alike). The central directory is read
 * first, without inflating anything: the entries to keep and their declared sizes are checked against the
 * limits, and only then are those entries inflated (fflate inflates each into a buffer of its declared size,
 * so a lying entry cannot grow past it).
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { LIMITS, fmtBytes, fmtInt } from '../limits';

/** A file by its path in a folder or archive; its bytes are read when asked (a dropped File reads asynchronously). */
export interface ArchiveFile {
  path: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
}

/** Operating-system litter that is never data: macOS resource forks and folder metadata, Windows thumbnails. */
const LITTER = /(^|\/)(__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;
export const isLitter = (path: string): boolean => LITTER.test(path);

export interface ZipContents {
  /** Entries that `keep` accepted, inflated. */
  files: ArchiveFile[];
  /** Other entries (not directories, not litter), by path. */
  others: string[];
}

export function readZip(b: Uint8Array, name: string, keep: (path: string) => boolean): ZipContents {
  const listed: UnzipFileInfo[] = [];
  try {
    unzipSync(b, {
      filter: (f) => {
        listed.push(f);
        return false;
      },
    });
  } catch (e) {
    throw new Error(`${name}: not a readable zip file (${(e as Error).message})`);
  }
  const entries = listed.filter((f) => !f.name.endsWith('/') && !isLitter(f.name));
  const wanted = entries.filter((f) => keep(f.name));
  const others = entries.filter((f) => !keep(f.name)).map((f) => f.name);
  const l = LIMITS.expandedBytes;
  const total = wanted.reduce((a, f) => a + f.originalSize, 0);
  if (total > l.value)
    throw new Error(
      `${name}: its ${fmtInt(wanted.length)} images declare ${fmtBytes(total)} once decompressed; the limit is ${fmtBytes(l.value)} of ${l.what}`,
    );
  if (wanted.length > LIMITS.images.value)
    throw new Error(
      `${name} holds ${fmtInt(wanted.length)} images; the limit is ${fmtInt(LIMITS.images.value)} ${LIMITS.images.what} (${LIMITS.images.why})`,
    );
  const odd = wanted.find((f) => f.compression !== 0 && f.compression !== 8);
  if (odd)
    throw new Error(
      `${name}: ${odd.name} is compressed with method ${odd.compression}; only stored and deflated entries can be read (re-zip it with a standard tool)`,
    );
  const want = new Set(wanted.map((f) => f.name));
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(b, { filter: (f) => want.has(f.name) });
  } catch (e) {
    throw new Error(`${name}: not a readable zip file (${(e as Error).message})`);
  }
  return { files: Object.keys(inflated).map((path) => ({ path, bytes: () => inflated[path] })), others };
}
