/**
 * Share links: the project file, deflated and base64url-encoded, in the URL hash (`#p=...`).
 * The hash never reaches a server, so a shared project stays between the people who have the link.
 */
import { parseProject } from '../core/project/schema';
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

/** The project in a `#p=` hash; null when the hash holds none; throws ProjectError when it is bad. */
export async function decodeShareHash(hash: string): Promise<Project | null> {
  if (!hash.startsWith(PREFIX)) return null;
  const bytes = await pipe(fromB64url(hash.slice(PREFIX.length)), new DecompressionStream('deflate'));
  return parseProject(new TextDecoder().decode(bytes));
}
