/** Files the data browser tests drop into the app, made here: PNG zips, IDX files, CSVs, bad files. */
import { PNG } from 'pngjs';
import { zipSync } from 'fflate';

/** A w×h PNG: a disc of colour `rgb` on a dark background, its centre shifted by `shift`. */
export function discPng(w: number, h: number, rgb: [number, number, number], shift = 0): Uint8Array {
  const p = new PNG({ width: w, height: h });
  const cx = w / 2 + shift,
    cy = h / 2,
    r = Math.min(w, h) / 3;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      p.data.set(inside ? [...rgb, 255] : [20, 20, 30, 255], (y * w + x) * 4);
    }
  return new Uint8Array(PNG.sync.write(p));
}

/** A zip of two classes of coloured discs (some not square, one corrupt file, one text file). */
export function shapesZip(perClass = 12): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < perClass; i++) {
    files[`shapes/red/${i}.png`] = discPng(i % 3 ? 32 : 40, 32, [220, 40 + i * 5, 40], (i % 5) - 2);
    files[`shapes/blue/${i}.png`] = discPng(32, i % 4 ? 32 : 24, [40, 60 + i * 5, 220], (i % 3) - 1);
  }
  files['shapes/blue/broken.png'] = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
  files['shapes/README.txt'] = new TextEncoder().encode('test images');
  return zipSync(files);
}

/** `n` small PNGs of size×size in 10 classes (folders), zipped: the decoding benchmark's input. */
export function manyPngsZip(n: number, size = 32): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < n; i++)
    files[`set/c${i % 10}/${i}.png`] = discPng(
      size,
      size,
      [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256],
      (i % 7) - 3,
    );
  return zipSync(files, { level: 0 });
}

export function idxFile(dims: number[], data: Uint8Array): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  head.set([0, 0, 8, dims.length]);
  dims.forEach((d, i) => new DataView(head.buffer).setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

/** n 28×28 images in 3 classes (a bar at a class-dependent height) and their labels, as IDX files. */
export function idxPair(n = 60): { images: Uint8Array; labels: Uint8Array } {
  const px = new Uint8Array(n * 784),
    lab = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lab[i] = i % 3;
    const row = 6 + lab[i] * 8;
    for (let y = row; y < row + 4; y++) for (let x = 4; x < 24; x++) px[i * 784 + y * 28 + x] = 200 + (i % 50);
  }
  return { images: idxFile([n, 28, 28], px), labels: idxFile([n], lab) };
}

/** Points on two arcs, as CSV text. */
export function moonsCsv(n = 400): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const t = Math.PI * ((i >> 1) / (n / 2));
    return i % 2 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  });
  return `x,y\n${rows.map(([x, y]) => `${x.toFixed(4)},${y.toFixed(4)}`).join('\n')}\n`;
}
