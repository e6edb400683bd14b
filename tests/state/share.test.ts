import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { decodeShareHash, encodeShareHash } from '../../src/state/share';
import { loadTemplate } from '../../src/core/project/templates';

const b64url = (b: Uint8Array) =>
  Buffer.from(b).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('share links', () => {
  it('carry a project and read back the same', async () => {
    const p = loadTemplate('gan-2d-ring');
    expect(await decodeShareHash(await encodeShareHash(p))).toEqual(p);
  });

  it('refuse a link that inflates past the project size limit, without inflating it all', async () => {
    // 64 MB of spaces deflate to ~64 KB: a "deflate bomb" in a URL.
    const bomb = deflateSync(Buffer.alloc(64 * 1024 ** 2, 0x20));
    await expect(decodeShareHash(`#p=${b64url(bomb)}`)).rejects.toThrow(
      /^\(link\): the link holds more than 16 MB of project text/,
    );
  });

  it('name a damaged link as such', async () => {
    await expect(decodeShareHash('#p=AAAA')).rejects.toThrow(/^\(link\): the link is damaged/);
  });
});
