/**
 * Turning samples into pictures, without a DOM: a grid of images, or a scatter plot of 2-D points
 * over the real data. Returns raw pixels; the CLI encodes PNG, the app draws them on a canvas.
 */
export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
}

/** values: n × h × w × c in the data's scale ([-1, 1] for tanh, [0, 1] for sigmoid). */
export function imageGrid(
  values: Float32Array,
  n: number,
  h: number,
  w: number,
  c: number,
  scale: 'tanh' | 'sigmoid',
  zoom = 2,
): Raster {
  const cols = Math.ceil(Math.sqrt(n)),
    rows = Math.ceil(n / cols),
    pad = 1;
  const width = cols * (w * zoom + pad) + pad,
    height = rows * (h * zoom + pad) + pad;
  const channels: 1 | 3 = c === 3 ? 3 : 1;
  const pixels = new Uint8Array(width * height * channels).fill(40);
  const toByte = (v: number) => Math.max(0, Math.min(255, Math.round(scale === 'tanh' ? (v + 1) * 127.5 : v * 255)));
  for (let i = 0; i < n; i++) {
    const ox = pad + (i % cols) * (w * zoom + pad),
      oy = pad + Math.floor(i / cols) * (h * zoom + pad);
    for (let y = 0; y < h * zoom; y++) {
      for (let x = 0; x < w * zoom; x++) {
        const src = ((i * h + Math.floor(y / zoom)) * w + Math.floor(x / zoom)) * c;
        const dst = ((oy + y) * width + ox + x) * channels;
        for (let k = 0; k < channels; k++) pixels[dst + k] = toByte(values[src + k]);
      }
    }
  }
  return { width, height, channels, pixels };
}

/** Real points in grey, generated points in orange, on a square view of [-range, range]². */
export function scatterPlot(real: Float32Array, fake: Float32Array, range = 3, size = 320): Raster {
  const pixels = new Uint8Array(size * size * 3).fill(255);
  const plot = (pts: Float32Array, rgb: [number, number, number], r: number) => {
    for (let i = 0; i + 1 < pts.length; i += 2) {
      const cx = Math.round(((pts[i] + range) / (2 * range)) * (size - 1));
      const cy = Math.round(((range - pts[i + 1]) / (2 * range)) * (size - 1));
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const x = cx + dx,
            y = cy + dy;
          if (x < 0 || y < 0 || x >= size || y >= size) continue;
          pixels.set(rgb, (y * size + x) * 3);
        }
      }
    }
  };
  for (let i = 0; i < size; i++) {
    // axes
    pixels.set([225, 225, 225], (Math.floor(size / 2) * size + i) * 3);
    pixels.set([225, 225, 225], (i * size + Math.floor(size / 2)) * 3);
  }
  plot(real, [170, 170, 170], 1);
  plot(fake, [230, 110, 20], 1);
  return { width: size, height: size, channels: 3, pixels };
}

/**
 * What an import preview shows before anything is stored: for images, up to n samples spread over the
 * dataset as a grid (bytes as they are, so no scale is involved); for points, a scatter of up to n of them.
 */
export function previewRaster(d: import('./host').HostDataset, n = 64): Raster {
  const size = d.shape.reduce((a, b) => a * b, 1);
  const k = Math.min(n, d.count);
  const idx = Array.from({ length: k }, (_, i) => Math.floor((i * d.count) / k));
  if (!d.pixels) {
    const pts = new Float32Array(idx.length * 2);
    idx.forEach((i, j) => pts.set(d.values.subarray(i * size, i * size + 2), j * 2));
    let m = 0;
    for (const v of pts) m = Math.max(m, Math.abs(v));
    return scatterPlot(new Float32Array(0), pts, Math.max(1, m * 1.15), 256);
  }
  const [h, w, c] = d.shape;
  const cols = Math.ceil(Math.sqrt(k)),
    rows = Math.ceil(k / cols);
  const zoom = Math.max(1, Math.floor(256 / (cols * (w + 1))));
  const width = cols * (w * zoom + 1) + 1,
    height = rows * (h * zoom + 1) + 1;
  const channels: 1 | 3 = c === 3 ? 3 : 1;
  const pixels = new Uint8Array(width * height * channels).fill(40);
  idx.forEach((s, j) => {
    const ox = 1 + (j % cols) * (w * zoom + 1),
      oy = 1 + Math.floor(j / cols) * (h * zoom + 1);
    for (let y = 0; y < h * zoom; y++) {
      for (let x = 0; x < w * zoom; x++) {
        const src = s * size + (Math.floor(y / zoom) * w + Math.floor(x / zoom)) * c;
        const dst = ((oy + y) * width + ox + x) * channels;
        for (let q = 0; q < channels; q++) pixels[dst + q] = d.pixels[src + q];
      }
    }
  });
  return { width, height, channels, pixels };
}
