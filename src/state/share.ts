/**
 * Share links: the project file, deflated and base64url-encoded, in the URL hash (`#p=...`).
 * The hash never reaches a server, so a shared project stays between the people who have the link.
 */
import { parseProject } from '../core/project/schema';
import { ProjectError } from '../core/messages';
import { fmtBytes, LIMITS } from '../core/limits';
import type { Project } from '../core/project/types';

const PREFIX = '#p=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

const toB64url = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromB64url = (s: string): Uint8Array => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

export async function encodeShareHash(p: Project): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(p));
  return PREFIX + toB64url(await pipe(json, new CompressionStream('deflate')));
}

/**
 * Inflates at most `max` bytes: a crafted link (a "deflate bomb") is refused as soon as its output
 * passes the project size limit, without ever holding more than that in memory.
 */
async function inflateCapped(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new ProjectError(
        '(link)',
        `the link holds more than ${fmtBytes(max)} of project text (the limit): it is not a Ganvas project`,
      );
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The project in a `#p=` hash; null when the hash holds none; throws ProjectError when it is bad. */
export async function decodeShareHash(hash: string): Promise<Project | null> {
  if (!hash.startsWith(PREFIX)) return null;
  let bytes: Uint8Array;
  try {
    bytes = await inflateCapped(fromB64url(hash.slice(PREFIX.length)), LIMITS.projectBytes.value);
  } catch (e) {
    if (e instanceof ProjectError) throw e;
    throw new ProjectError('(link)', `the link is damaged: its project could not be decoded (${(e as Error).message})`);
  }
  return parseProject(new TextDecoder().decode(bytes));
}
