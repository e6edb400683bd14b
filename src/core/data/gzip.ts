/**
 * Gunzip with a ceiling: the stream is cut as soon as the output passes the limit, so memory never goes
 * past it whatever the file claims. (The size a gzip file declares in its last four bytes is not trusted
 * even for an early refusal: it is only the size modulo 4 GB, a cut-off file's last bytes are not it, and
 * a hostile file can lie.) Uses the platform's DecompressionStream (browsers, Node >= 18).
 */
import { LIMITS, fmtBytes } from '../limits';

export const isGzip = (b: Uint8Array): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

function tooBig(name: string, what: string, limit: number): Error {
  const l = LIMITS.expandedBytes;
  return new Error(`${name}: ${what}; the limit is ${fmtBytes(limit)} of ${l.what} (${l.why})`);
}

export async function gunzipLimited(
  b: Uint8Array,
  name = 'file',
  limit: number = LIMITS.expandedBytes.value,
): Promise<Uint8Array> {
  const reader = new Blob([b as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        throw tooBig(name, `it decompresses to more than ${fmtBytes(limit)}`, limit);
      }
      chunks.push(value);
    }
  } catch (e) {
    if ((e as Error).message.startsWith(`${name}: it`)) throw e;
    throw new Error(`${name}: the gzip data is damaged or cut off (${(e as Error).message})`);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
