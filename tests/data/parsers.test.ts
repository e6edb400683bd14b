/**
 * Reading users' files: each bad input gets a message that names the file and the place (line, row,
 * header field), sizes are checked before allocating, and good input reads exactly.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { parsePointsCsv, parsePointsNpy, pointsDataset } from '../../src/core/data/points';
import { parseIdx } from '../../src/core/data/idx';
import { gunzipLimited } from '../../src/core/data/gzip';
import { detectFormat, imageHeaderSize } from '../../src/core/data/formats';
import { LIMITS } from '../../src/core/limits';
import { checkFileSize } from '../../src/core/data/limits';
import { readZip } from '../../src/core/data/archive';
import { importFile } from '../../src/core/data/sources';
import { decodeImage } from '../../src/cli/userData';
import { resizeTo } from '../../src/core/data/images';
import { datasetHash } from '../../src/core/data/hash';
import { spritesDataset } from '../../src/core/data/sprites';

/** A .npy file as NumPy writes it (version 1.0, header padded to a multiple of 64). */
function npy(descr: string, shape: number[], values: number[], fortran = false, cut = 0): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header = `${header}${' '.repeat(pad % 64)}\n`;
  const item = descr.endsWith('8') ? 8 : 4;
  const out = new Uint8Array(10 + header.length + values.length * item);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  const dv = new DataView(out.buffer, 10 + header.length);
  values.forEach((v, i) =>
    item === 8 ? dv.setFloat64(i * 8, v, !descr.startsWith('>')) : dv.setFloat32(i * 4, v, !descr.startsWith('>')),
  );
  return cut ? out.subarray(0, out.length - cut) : out;
}

function png(w: number, h: number, rgb: [number, number, number], alpha = 255): Uint8Array {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) p.data.set([...rgb, alpha], i * 4);
  return new Uint8Array(PNG.sync.write(p));
}

describe('CSV of 2-D points', () => {
  it('reads two columns with or without a header, any delimiter, comments and blank lines skipped', () => {
    expect(Array.from(parsePointsCsv('1,2\n3.5,-4e-1\n'))).toEqual([1, 2, 3.5, Math.fround(-0.4)]);
    expect(Array.from(parsePointsCsv('x;y\r\n# a comment\n\n1;2\n'))).toEqual([1, 2]);
    expect(Array.from(parsePointsCsv('0.5\t1\n2 \t 3\n'))).toEqual([0.5, 1, 2, 3]);
    expect(Array.from(parsePointsCsv('1 2\n3    4'))).toEqual([1, 2, 3, 4]);
    // pandas writes its index first: a header naming x and y picks those columns.
    expect(Array.from(parsePointsCsv(',x,y,label\n0,1.5,2.5,a\n1,3,4,b\n'))).toEqual([1.5, 2.5, 3, 4]);
  });

  it('names the line of a text or NaN value, and the line with too few values', () => {
    expect(() => parsePointsCsv('x,y\n1,2\n3,abc\n', 'p.csv')).toThrow("p.csv, line 3: 'abc' is not a number");
    expect(() => parsePointsCsv('1,2\n\n3,NaN\n', 'p.csv')).toThrow("p.csv, line 3: 'NaN' is not a finite number");
    expect(() => parsePointsCsv('1,2\n3,-inf\n', 'p.csv')).toThrow("p.csv, line 2: '-inf' is not a finite number");
    expect(() => parsePointsCsv('1,2\n3\n', 'p.csv')).toThrow('p.csv, line 2: expected 2 values like line 1, found 1');
    expect(() => parsePointsCsv('1,2\n3,\n', 'p.csv')).toThrow(
      'p.csv, line 2: an empty value where a number should be',
    );
    expect(() => parsePointsCsv('1,2,3\n', 'p.csv')).toThrow(
      'p.csv, line 1: expected 2 numbers (x, y) per line, found 3',
    );
    expect(() => parsePointsCsv('a,b,c\n1,2,3', 'p.csv')).toThrow(
      'p.csv, line 1: a header of 3 columns (a, b, c) must name the columns x and y',
    );
    expect(() => parsePointsCsv('\n\n', 'p.csv')).toThrow('p.csv holds no points (it is empty)');
    expect(() => parsePointsCsv('x,y\n', 'p.csv')).toThrow('p.csv holds no points (only a header)');
    expect(() => parsePointsCsv('1,2\n1,0x10\n', 'p.csv')).toThrow("p.csv, line 2: '0x10' is not a number");
  });

  it('refuses more points than the limit before allocating them', () => {
    const text = '1,2\n'.repeat(LIMITS.points.value + 1);
    expect(() => parsePointsCsv(text, 'big.csv')).toThrow(
      `big.csv holds 1,000,001 points; the limit is 1,000,000 points in one point cloud`,
    );
  });
});

describe('.npy points', () => {
  it('reads float32 and float64 (n, 2), C or Fortran order', () => {
    expect(Array.from(parsePointsNpy(npy('<f4', [2, 2], [1, 2, 3, 4])))).toEqual([1, 2, 3, 4]);
    expect(Array.from(parsePointsNpy(npy('<f8', [2, 2], [0.5, 2, 3, -4])))).toEqual([0.5, 2, 3, -4]);
    // Fortran order stores the x column, then the y column.
    expect(Array.from(parsePointsNpy(npy('<f8', [2, 2], [1, 3, 2, 4], true)))).toEqual([1, 2, 3, 4]);
  });

  it('checks the header: magic, dtype, byte order, shape, and a size the file does not have', () => {
    expect(() => parsePointsNpy(new Uint8Array(20), 'a.npy')).toThrow('a.npy: not a NumPy .npy file');
    expect(() => parsePointsNpy(npy('<i8', [2, 2], [1, 2, 3, 4]), 'a.npy')).toThrow(
      "a.npy: holds '<i8' values; expected float32 ('<f4') or float64 ('<f8')",
    );
    expect(() => parsePointsNpy(npy('>f4', [2, 2], [1, 2, 3, 4]), 'a.npy')).toThrow(
      "a.npy: holds big-endian floats ('>f4')",
    );
    expect(() => parsePointsNpy(npy('<f4', [2, 3], [1, 2, 3, 4, 5, 6]), 'a.npy')).toThrow(
      'a.npy: an array of shape (2, 3); expected (n, 2)',
    );
    expect(() => parsePointsNpy(npy('<f4', [4], [1, 2, 3, 4]), 'a.npy')).toThrow(
      'a.npy: an array of shape (4,); expected (n, 2)',
    );
    expect(() => parsePointsNpy(npy('<f4', [1000, 2], [1, 2, 3, 4]), 'a.npy')).toThrow(
      'a.npy: truncated: its header says (1000, 2) float32, 8 KB of data, but the file holds 16 bytes after the header',
    );
    expect(() => parsePointsNpy(npy('<f4', [5_000_000, 2], [1, 2]), 'a.npy')).toThrow(
      'a.npy holds 5,000,000 points; the limit is 1,000,000',
    );
    expect(() => parsePointsNpy(npy('<f4', [3, 2], [1, 2, 3, NaN, 5, 6]), 'a.npy')).toThrow(
      'a.npy: row 1 holds NaN (rows counted from 0, as NumPy does)',
    );
  });

  it('a cloud is centred and scaled into [-2, 2]², keeping its aspect, unless asked not to', () => {
    const { dataset, centre, factor } = pointsDataset(Float32Array.of(10, 100, 30, 110), 'c');
    expect(centre).toEqual([20, 105]);
    expect(factor).toBe(0.2);
    expect(Array.from(dataset.values)).toEqual([-2, -1, 2, 1]);
    expect(
      Array.from(pointsDataset(Float32Array.of(10, 100, 30, 110), 'c', { normalise: false }).dataset.values),
    ).toEqual([10, 100, 30, 110]);
    expect(() => pointsDataset(Float32Array.of(1, 2), 'one')).toThrow(
      'one holds 1 point; a distribution needs at least 2',
    );
  });
});

describe('IDX files and gzip', () => {
  const idx = (dims: number[], data: number[]) => {
    const head = new Uint8Array(4 + 4 * dims.length);
    head.set([0, 0, 8, dims.length]);
    dims.forEach((d, i) => new DataView(head.buffer).setUint32(4 + 4 * i, d, false));
    return new Uint8Array([...head, ...data]);
  };

  it('a header that claims more values than the file holds is refused before allocating, with both sizes', async () => {
    await expect(parseIdx(idx([60000, 28, 28], [1, 2, 3]), 'train.idx')).rejects.toThrow(
      'train.idx: truncated: expected 47040000 values for shape [60000, 28, 28], found 3',
    );
    await expect(parseIdx(idx([4_000_000_000, 28, 28], [1]), 'huge.idx')).rejects.toThrow(
      'huge.idx: its header declares [4,000,000,000, 28, 28] = 3,136,000,000,000 values (2,921 GB); the limit is 1 GB, and the file holds 1 bytes',
    );
    await expect(parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0]), 'short.idx')).rejects.toThrow(
      'short.idx: truncated: its header needs 16 bytes, found 6',
    );
  });

  it('gzip: inflating stops once past the limit, whatever the file claims; a cut-off file is named as such', async () => {
    const z = gzipSync(new Uint8Array(3000));
    expect((await gunzipLimited(z, 'a.gz', 4000)).length).toBe(3000);
    // 1 MB that says it is 100 bytes: the stream is cut once past the limit, long before its end.
    const liar = new Uint8Array(gzipSync(new Uint8Array(1024 ** 2)));
    new DataView(liar.buffer).setUint32(liar.length - 4, 100, true);
    await expect(gunzipLimited(liar, 'b.gz', 100_000)).rejects.toThrow(
      'b.gz: it decompresses to more than 98 KB; the limit is 98 KB',
    );
    await expect(gunzipLimited(z.subarray(0, z.length - 6), 'cut.gz')).rejects.toThrow(
      'cut.gz: the gzip data is damaged or cut off',
    );
    await expect(gunzipLimited(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]), 'c.gz')).rejects.toThrow(
      'c.gz: the gzip data is damaged or cut off',
    );
  });
});

describe('what a file is', () => {
  it('is told by its bytes, and a file Ganvas does not read says what it seems to be', () => {
    expect(detectFormat('a.png', png(2, 2, [1, 2, 3]))).toBe('png');
    expect(detectFormat('x', gzipSync(new Uint8Array(4)))).toBe('gzip');
    expect(detectFormat('p.csv', new TextEncoder().encode('1,2\n'))).toBe('csv');
    expect(() => detectFormat('notes.txt', new TextEncoder().encode('%PDF-1.4'))).toThrow(
      'notes.txt is a PDF document; Ganvas reads PNG or JPEG images',
    );
    expect(() => detectFormat('cat.gif', new TextEncoder().encode('GIF89a'))).toThrow('cat.gif is a GIF image');
    expect(() => detectFormat('readme.md', new TextEncoder().encode('# hello'))).toThrow(
      'readme.md is not a file Ganvas can read (text, but not named .csv)',
    );
    expect(() => detectFormat('blob.bin', new Uint8Array([7, 7, 0, 1]))).toThrow(
      'blob.bin is not a file Ganvas can read (unknown binary data)',
    );
  });

  it("reads an image's size from its header without decoding (PNG and JPEG)", () => {
    expect(imageHeaderSize(png(7, 5, [0, 0, 0]))).toEqual({ width: 7, height: 5 });
    // A minimal JPEG start: SOI, APP0 (length 16), SOF0 with height 300 and width 400.
    const jpg = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0,
      16,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0,
      17,
      8,
      1,
      44,
      1,
      144,
      3,
    ]);
    expect(imageHeaderSize(jpg)).toEqual({ width: 400, height: 300 });
  });

  it('a file over the size limit is refused by its size alone', () => {
    expect(() => checkFileSize('huge.zip', 600 * 1024 ** 2)).toThrow(
      'huge.zip is 600 MB; the limit is 512 MB of bytes in one data file',
    );
    expect(() => checkFileSize('ok.zip', 1024)).not.toThrow();
  });
});

describe('images: zips, sizes, corrupt files', () => {
  const o = { size: 8, channels: 3 as const, fit: 'crop' as const, scale: 'sigmoid' as const };

  it('a zip with corrupt images skips and counts them; mixed sizes are resized and reported; classes from folders', async () => {
    const zip = zipSync({
      'set/red/a.png': png(10, 10, [255, 0, 0]),
      'set/red/b.png': png(20, 12, [250, 0, 0]),
      'set/red/broken.png': new Uint8Array([137, 80, 78, 71, 1, 2]),
      'set/blue/c.png': png(8, 8, [0, 0, 255]),
      'set/blue/d.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0, 0]),
      'set/notes.txt': new TextEncoder().encode('hi'),
      '__MACOSX/set/._a.png': new Uint8Array(4),
    });
    const r = await importFile('set.zip', zip, decodeImage, o);
    expect(r.dataset).toMatchObject({ name: 'set', shape: [8, 8, 3], count: 3, numClasses: 2 });
    expect(r.images!.classes).toEqual(['blue', 'red']);
    expect(Array.from(r.dataset.labels!)).toEqual([0, 1, 1]);
    expect(r.images!.skipped.map((s) => s.path)).toEqual(['set/blue/d.jpg', 'set/red/broken.png']);
    expect(r.images!.sizes).toEqual([
      { size: '8×8', count: 1 },
      { size: '10×10', count: 1 },
      { size: '20×12', count: 1 },
    ]);
    expect(r.images!.resized).toBe(2);
    expect(r.report.join('\n')).toMatch(
      /2 could not be read and were skipped: set\/blue\/d\.jpg \(not a readable JPG image/,
    );
    expect(r.report.join('\n')).toMatch(
      /2 resized to 8×8 \(cropped to square\); sizes found: 8×8 ×1, 10×10 ×1, 20×12 ×1/,
    );
    expect(r.report.join('\n')).toMatch(/1 other file ignored/);
  });

  it('a zip with no images, or none readable, is refused with what it holds', async () => {
    const zip = zipSync({ 'a.txt': new Uint8Array(1), 'b.csv': new Uint8Array(1) });
    await expect(importFile('docs.zip', zip, decodeImage, o)).rejects.toThrow(
      'docs.zip holds no PNG or JPEG images (it has 2 other files: a.txt, b.csv)',
    );
    const bad = zipSync({ 'x.png': new Uint8Array([1, 2, 3]) });
    await expect(importFile('bad.zip', bad, decodeImage, o)).rejects.toThrow(
      /none of the 1 images in bad could be read \(x\.png: not a readable PNG image/,
    );
    await expect(importFile('one.png', png(4, 4, [1, 1, 1]), decodeImage, o)).rejects.toThrow(
      'one.png is one image; a dataset needs many',
    );
  });

  it('crop keeps the centre square, pad fits the whole image in black; transparent pixels are black', () => {
    // 4×2: left half red, right half green.
    const rgba = new Uint8Array(4 * 2 * 4);
    for (let y = 0; y < 2; y++)
      for (let x = 0; x < 4; x++) rgba.set(x < 2 ? [255, 0, 0, 255] : [0, 255, 0, 255], (y * 4 + x) * 4);
    const img = { name: 'i', width: 4, height: 2, rgba };
    expect(Array.from(resizeTo(img, 2, 3, 'crop'))).toEqual([255, 0, 0, 0, 255, 0, 255, 0, 0, 0, 255, 0]);
    expect(Array.from(resizeTo(img, 2, 3, 'pad'))).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0]);
    const clear = { name: 'c', width: 1, height: 1, rgba: new Uint8Array([200, 100, 50, 0]) };
    expect(Array.from(resizeTo(clear, 1, 3))).toEqual([0, 0, 0]);
  });

  it('at most N images are spread over the list, so every class keeps its share', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10; i++) {
      files[`a/${i}.png`] = png(2, 2, [i, 0, 0]);
      files[`b/${i}.png`] = png(2, 2, [0, i, 0]);
    }
    const r = await importFile('two.zip', zipSync(files), decodeImage, { ...o, maxImages: 6 });
    expect(r.dataset.count).toBe(6);
    expect(r.images!.classCounts).toEqual([3, 3]);
    expect(r.images!.leftOut).toBe(14);
  });

  it('a zip entry that declares more than the limit is refused before it is inflated', () => {
    const z = zipSync({ 'a.png': new Uint8Array(10) });
    // Patch the declared uncompressed size in the central directory (offset 24 of its entry).
    const cd = z.findIndex((_, i) => z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2);
    new DataView(z.buffer).setUint32(cd + 24, 2 * 1024 ** 3, true);
    expect(() => readZip(z, 'bomb.zip', () => true)).toThrow(
      'bomb.zip: its 1 images declare 2 GB once decompressed; the limit is 1 GB',
    );
  });
});

describe('content hash', () => {
  it('is the same for the same samples, and changes with any byte, the labels or the shape', async () => {
    const a = spritesDataset({ size: 32, count: 10, seed: 1, scale: 'tanh' });
    const h = await datasetHash(a);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await datasetHash(spritesDataset({ size: 32, count: 10, seed: 1, scale: 'tanh' }))).toBe(h);
    const b = { ...a, pixels: a.pixels.slice() };
    b.pixels[500] ^= 1;
    expect(await datasetHash(b)).not.toBe(h);
    expect(await datasetHash({ ...a, labels: a.labels!.map((l) => (l + 1) % 4) })).not.toBe(h);
    expect(await datasetHash({ ...a, shape: [16, 64, 3] })).not.toBe(h);
  });
});
