import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { loadUserData } from '../../src/cli/userData';
import { hostRange } from '../../src/core/data/host';
import type { Fit } from '../../src/core/data/images';
import { templatePlan } from './plans';
import { pythonOk, readTensors, writeProject } from './helpers';

/**
 * The generated data.py reads what `npm run train --data` reads, value for value: an IDX images file
 * (gzipped) with its labels file, a folder of PNGs labelled by subfolder (odd sizes: the box-filtered
 * resize, grayscale and RGB) and the same images as a zip.
 */
const dir = resolve('.cache', 'pytorch-test', 'data');

/** A seeded pseudo-random byte stream, so the images have detail for the resize to average. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** A w×h PNG of seeded noise; opaque, or with seeded alpha (transparent pixels count as black in both loaders). */
function png(w: number, h: number, seed: number, opaque = true): Buffer {
  const p = new PNG({ width: w, height: h });
  p.data.set(bytes(w * h * 4, seed));
  if (opaque) for (let i = 3; i < p.data.length; i += 4) p.data[i] = 255;
  return PNG.sync.write(p);
}

function idx(dims: number[], data: Uint8Array): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  head.set([0, 0, 0x08, dims.length]);
  const view = new DataView(head.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

describe('data.py reads what the CLI reads', () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { plan, project } = templatePlan('cgan-mnist');
  const code = writeProject(join(dir, 'project'), plan, project);

  async function same(
    path: string,
    o: { labels?: string; size: number; channels: 1 | 3; fit?: Fit },
    count: number,
    classes: number,
  ) {
    // The CLI's loader is the app's (core/data/images.ts resizeTo after decoding); its default fit is the centre crop.
    const fit = o.fit ?? 'crop';
    const ts = await loadUserData(path, { ...o, scale: 'tanh', fit });
    const out = join(dir, `py-${count}-${o.size}-${o.channels}-${fit}`);
    pythonOk('load_data.py', [code, out, path, o.labels ?? '-', String(o.size), String(o.channels), fit]);
    const py = readTensors(out);
    expect(py.values.shape).toEqual([count, ...ts.shape]);
    expect(ts.numClasses).toBe(classes);
    // Images are kept as bytes; hostRange gives them scaled, as training sees them.
    const values = hostRange(ts, 0, ts.count);
    let worst = 0;
    for (let i = 0; i < values.length; i++) worst = Math.max(worst, Math.abs(values[i] - py.values.data[i]));
    // The same bytes: data.py sums each box in the same order with the same float64 operations and rounds
    // the same way, so only float32 scaling could differ (1e-6 is far below one grey level, 2/255).
    expect(worst).toBeLessThanOrEqual(1e-6);
    if (classes) expect(Array.from(py.labels.data)).toEqual(Array.from(ts.labels!));
    else expect(py.labels).toBeUndefined();
  }

  it('IDX images (.gz) with a labels file', async () => {
    const n = 12,
      images = join(dir, 'images-idx3-ubyte.gz'),
      labels = join(dir, 'labels-idx1-ubyte');
    writeFileSync(images, gzipSync(idx([n, 28, 28], bytes(n * 28 * 28, 7))));
    writeFileSync(
      labels,
      idx(
        [n],
        Uint8Array.from({ length: n }, (_, i) => i % 3),
      ),
    );
    await same(images, { labels, size: 28, channels: 1 }, n, 3);
  });

  it('non-square images with transparency, cropped, padded and stretched to square as the app does', async () => {
    const folder = join(dir, 'wide-and-tall');
    mkdirSync(folder, { recursive: true });
    // Wide, tall, a thin strip (pad rounds its short side to at least one pixel) and one smaller than the square.
    const sizes = [
      [61, 29],
      [23, 50],
      [90, 3],
      [11, 7],
    ];
    sizes.forEach(([w, h], i) => writeFileSync(join(folder, `${i}.png`), png(w, h, 40 + i, i % 2 === 1)));
    for (const fit of ['crop', 'pad', 'stretch'] as const) {
      await same(folder, { size: 16, channels: 1, fit }, sizes.length, 0);
      await same(folder, { size: 24, channels: 3, fit }, sizes.length, 0);
    }
  });

  it('a folder of PNGs in class subfolders, and the same images zipped, resized as grayscale and as RGB', async () => {
    const folder = join(dir, 'pets');
    const files: Record<string, Uint8Array> = {};
    for (const [c, cls] of ['cats', 'dogs'].entries()) {
      mkdirSync(join(folder, cls), { recursive: true });
      for (let i = 0; i < 3; i++) {
        const p = png(37 + 5 * i, 23 + 3 * i, 100 * c + i);
        writeFileSync(join(folder, cls, `${i}.png`), p);
        files[`${cls}/${i}.png`] = p;
      }
    }
    await same(folder, { size: 16, channels: 1 }, 6, 2);
    await same(folder, { size: 28, channels: 3 }, 6, 2);
    const zip = join(dir, 'flat.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [p.replace('/', '-'), b]))));
    await same(zip, { size: 20, channels: 3 }, 6, 0);
  });
});
