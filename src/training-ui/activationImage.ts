/**
 * One node's values for one sample -> what the large views draw, pure: a colour scale, every channel
 * laid out in a grid (1-pixel gutters), a histogram and the statistics.
 *
 * Colour scales: values of both signs get a diverging scale centred on 0 (blue negative, white 0, red
 * positive), so the sign reads at a glance; values of one sign get a sequential scale (viridis) from
 * their minimum to their maximum; images (G's output, D's input) are drawn in grey over the data range.
 */

export type ScaleKind = 'diverging' | 'sequential' | 'gray';
export interface ColorScale {
  kind: ScaleKind;
  lo: number;
  hi: number;
}

/** Finite min and max (0, 0 when there is none). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 0];
}

export function scaleFor(values: ArrayLike<number>, image = false): ColorScale {
  const [lo, hi] = extent(values);
  if (image)
    return lo < 0 && lo >= -1.0001 && hi <= 1.0001
      ? { kind: 'gray', lo: -1, hi: 1 }
      : { kind: 'gray', lo: Math.min(0, lo), hi: Math.max(1, hi) };
  if (lo < 0 && hi > 0) {
    const m = Math.max(-lo, hi);
    return { kind: 'diverging', lo: -m, hi: m };
  }
  return { kind: 'sequential', lo, hi: hi > lo ? hi : lo + 1 };
}

/** Viridis, 9 stops (matplotlib's), interpolated. */
const VIRIDIS: [number, number, number][] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [253, 231, 37],
];
const NEG: [number, number, number] = [33, 102, 172],
  POS: [number, number, number] = [178, 24, 43],
  MID: [number, number, number] = [247, 247, 247];

const mix = (a: readonly number[], b: readonly number[], t: number): [number, number, number] => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** The colour of `v` on the scale (NaN and infinities: magenta, so they stand out). */
export function colorOf(s: ColorScale, v: number): [number, number, number] {
  if (!Number.isFinite(v)) return [255, 0, 255];
  const t = Math.max(0, Math.min(1, (v - s.lo) / (s.hi - s.lo || 1)));
  if (s.kind === 'gray') {
    const g = t * 255;
    return [g, g, g];
  }
  if (s.kind === 'diverging') return t < 0.5 ? mix(NEG, MID, t * 2) : mix(MID, POS, (t - 0.5) * 2);
  const x = t * (VIRIDIS.length - 1),
    i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  return mix(VIRIDIS[i], VIRIDIS[i + 1], x - i);
}

export interface ChannelGrid {
  width: number;
  height: number;
  cols: number;
  rows: number;
  cellW: number;
  cellH: number;
  channels: number;
}

/**
 * Where the channels go: a [h, w, c] feature map shows its c channels as h×w cells in a near-square
 * grid; a vector of n units shows as one cell of ⌈√n⌉ columns (one pixel per unit, row-major).
 */
export function channelGrid(shape: readonly number[]): ChannelGrid {
  if (shape.length === 3) {
    const [h, w, c] = shape;
    const cols = Math.ceil(Math.sqrt(c)),
      rows = Math.ceil(c / cols);
    return { width: cols * (w + 1) - 1, height: rows * (h + 1) - 1, cols, rows, cellW: w, cellH: h, channels: c };
  }
  const n = shape.reduce((a, b) => a * b, 1);
  const w = Math.max(1, Math.ceil(Math.sqrt(n))),
    h = Math.max(1, Math.ceil(n / w));
  return { width: w, height: h, cols: 1, rows: 1, cellW: w, cellH: h, channels: 1 };
}

/** RGBA pixels of every channel on one colour scale (gutters and unused cells light grey). */
export function channelsRgba(
  values: ArrayLike<number>,
  shape: readonly number[],
  s: ColorScale,
): { grid: ChannelGrid; rgba: Uint8ClampedArray<ArrayBuffer> } {
  const g = channelGrid(shape);
  const rgba = new Uint8ClampedArray(g.width * g.height * 4).fill(225);
  const put = (x: number, y: number, v: number) => {
    const o = (y * g.width + x) * 4,
      [r, gg, b] = colorOf(s, v);
    rgba[o] = r;
    rgba[o + 1] = gg;
    rgba[o + 2] = b;
    rgba[o + 3] = 255;
  };
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  if (shape.length === 3) {
    const [h, w, c] = shape;
    for (let ch = 0; ch < c; ch++) {
      const x0 = (ch % g.cols) * (w + 1),
        y0 = Math.floor(ch / g.cols) * (h + 1);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) put(x0 + x, y0 + y, values[(y * w + x) * c + ch]);
    }
  } else {
    for (let i = 0; i < values.length; i++) put(i % g.width, Math.floor(i / g.width), values[i]);
  }
  return { grid: g, rgba };
}

export interface Histogram {
  lo: number;
  hi: number;
  counts: number[];
}

/** An [h, w, 3] image layer as the picture it is (RGB over the scale's range), for colour data and colour generators. */
export function colourRgba(
  values: ArrayLike<number>,
  shape: readonly number[],
  s: ColorScale,
): Uint8ClampedArray<ArrayBuffer> {
  const [h, w] = shape,
    px = new Uint8ClampedArray(h * w * 4),
    k = 255 / (s.hi - s.lo || 1);
  for (let i = 0; i < h * w; i++) {
    px[4 * i] = (values[3 * i] - s.lo) * k;
    px[4 * i + 1] = (values[3 * i + 1] - s.lo) * k;
    px[4 * i + 2] = (values[3 * i + 2] - s.lo) * k;
    px[4 * i + 3] = 255;
  }
  return px;
}
/** Counts of the finite values in `bins` equal bins over their range. */
export function histogram(values: ArrayLike<number>, bins = 40): Histogram {
  const [lo, hi] = extent(values);
  const counts = new Array<number>(bins).fill(0);
  const span = hi - lo;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[span > 0 ? Math.min(bins - 1, Math.floor(((v - lo) / span) * bins)) : 0]++;
  }
  return { lo, hi, counts };
}

export interface SampleStats {
  mean: number;
  std: number;
  min: number;
  max: number;
  nonPositive: number;
  nonFinite: number;
  count: number;
}

export function sampleStats(values: ArrayLike<number>): SampleStats {
  let n = 0,
    sum = 0,
    sq = 0,
    nonPos = 0,
    bad = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      bad++;
      continue;
    }
    n++;
    sum += v;
    sq += v * v;
    if (v <= 0) nonPos++;
  }
  const mean = n ? sum / n : 0;
  const [min, max] = extent(values);
  return {
    mean,
    std: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0,
    min,
    max,
    nonPositive: n ? nonPos / n : 0,
    nonFinite: values.length ? bad / values.length : 0,
    count: values.length,
  };
}
