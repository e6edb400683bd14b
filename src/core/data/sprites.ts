/**
 * Coloured sprites, generated: one shape on black, with six known factors per image, in the spirit of
 * dSprites (Matthey et al. 2017) but in colour — shape (square, circle, triangle, heart: the class label),
 * hue, scale, rotation and x, y position, each drawn uniformly from a seed. Pure TypeScript with its own
 * seeded PRNG, so the worker, the CLI and the tests make the same bytes from the same seed.
 *
 * Each shape is defined with its area centroid at its centre, so the centroid of the drawn pixels is the
 * sprite's position and its area gives the scale (core/data/spriteMeasure.ts reads factors back that way).
 */
import type { ByteDataset, Scale } from './host';
import { mulberry32 } from './random';

export const SPRITE_SHAPES = ['square', 'circle', 'triangle', 'heart'] as const;
export const SPRITE_FACTORS = ['shape', 'hue', 'scale', 'rotation', 'x', 'y'] as const;

/** One sprite's factors: shape is an index of SPRITE_SHAPES; the rest are in [0, 1] (hue and rotation wrap). */
export interface SpriteFactors {
  shape: number;
  hue: number;
  scale: number;
  rotation: number;
  x: number;
  y: number;
}

/** The sprite's radius at scale s (0..1) as a fraction of the image size: 0.09 .. 0.18. */
export const radiusOf = (scale: number): number => 0.09 + 0.09 * scale;
/** Where the centre may go (fraction of the size): the largest sprite, rotated, stays inside the image. */
export const POSITION_RANGE: readonly [number, number] = [0.27, 0.73];
const centreOf = (u: number) => POSITION_RANGE[0] + (POSITION_RANGE[1] - POSITION_RANGE[0]) * u;

/** Rotations that leave a shape unchanged: the fraction of a turn after which it repeats (a circle: any). */
export const SYMMETRY: Readonly<Record<(typeof SPRITE_SHAPES)[number], number>> = {
  square: 1 / 4,
  circle: 0,
  triangle: 1 / 3,
  heart: 1,
};

/** The heart curve (x² + y² − 1)³ − x² y³ <= 0, whose area centroid is at y = 0.29348 (measured), moved there. */
const HEART_DY = 0.29348;
const HEART_SIZE = 0.9;
const SQRT3 = Math.sqrt(3);

/**
 * Is (u, v), in units of the radius and already rotated into the shape's frame (v up), inside the shape?
 * Triangle: equilateral, circumradius 1, centred on its centroid. Heart: scaled to about the circle's size.
 */
export function insideShape(shape: number, u: number, v: number): boolean {
  switch (shape) {
    case 0:
      return Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
    case 1:
      return u * u + v * v <= 1;
    case 2:
      return v >= -0.5 && SQRT3 * u + v <= 1 && -SQRT3 * u + v <= 1;
    default: {
      const x = u / HEART_SIZE,
        y = v / HEART_SIZE + HEART_DY;
      const a = x * x + y * y - 1;
      return a * a * a - x * x * y * y * y <= 0;
    }
  }
}

/** Area of each shape at radius 1 (for scale from area). The heart curve's area, 3.6620, was measured by fine sampling (the test checks all four). */
export const SHAPE_AREA: readonly number[] = [4 * 0.64, Math.PI, (3 * SQRT3) / 4, 3.662 * HEART_SIZE * HEART_SIZE];

/** Fully saturated, fully bright colour of a hue in [0, 1): RGB in 0..1. */
export function hueToRgb(h: number): [number, number, number] {
  const k = (n: number) => (n + h * 6) % 6;
  const f = (n: number) => 1 - Math.max(0, Math.min(k(n), 4 - k(n), 1));
  return [f(5), f(3), f(1)];
}

/** Supersamples per pixel side: 3×3 coverage gives smooth edges at 32 px. */
const SS = 3;

/**
 * Draws one sprite into `out` (size × size × channels bytes at `offset`): pixel = colour × covered share.
 * channels 1: the colour's luminance.
 */
export function drawSprite(f: SpriteFactors, size: number, channels: 1 | 3, out: Uint8Array, offset = 0): void {
  const r = radiusOf(f.scale) * size,
    cx = centreOf(f.x) * size,
    cy = centreOf(f.y) * size;
  const angle = 2 * Math.PI * f.rotation,
    c = Math.cos(angle),
    s = Math.sin(angle);
  const rgb = hueToRgb(f.hue);
  const col = channels === 3 ? rgb : [0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]];
  const reach = r * 1.2; // the heart reaches furthest from its centroid: 1.29 × 0.9 radii
  const x0 = Math.max(0, Math.floor(cx - reach)),
    x1 = Math.min(size - 1, Math.ceil(cx + reach));
  const y0 = Math.max(0, Math.floor(cy - reach)),
    y1 = Math.min(size - 1, Math.ceil(cy + reach));
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const dx = (px + (sx + 0.5) / SS - cx) / r,
            dy = (cy - (py + (sy + 0.5) / SS)) / r; // image y grows down
          // Into the shape's frame: rotate by -angle.
          if (insideShape(f.shape, c * dx + s * dy, -s * dx + c * dy)) hits++;
        }
      }
      if (!hits) continue;
      const o = offset + (py * size + px) * channels,
        cover = hits / (SS * SS);
      for (let k = 0; k < channels; k++) out[o + k] = Math.round(255 * col[k] * cover);
    }
  }
}

/** The factors of sprite i of a seed's sequence: every draw in a fixed order, so the sequence is stable. */
export function spriteFactors(count: number, seed: number): SpriteFactors[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => ({
    shape: Math.floor(rand() * SPRITE_SHAPES.length),
    hue: rand(),
    scale: rand(),
    rotation: rand(),
    x: rand(),
    y: rand(),
  }));
}

export interface SpritesOptions {
  size: number;
  count: number;
  seed: number;
  scale: Scale;
  channels?: 1 | 3;
}

/** The sprites dataset: bytes, the shape as the label, and every factor kept. */
export function spritesDataset(o: SpritesOptions): ByteDataset {
  const channels = o.channels ?? 3,
    per = o.size * o.size * channels;
  const fs = spriteFactors(o.count, o.seed);
  const pixels = new Uint8Array(o.count * per);
  const factors = new Float32Array(o.count * SPRITE_FACTORS.length);
  fs.forEach((f, i) => {
    drawSprite(f, o.size, channels, pixels, i * per);
    factors.set(
      SPRITE_FACTORS.map((k) => f[k]),
      i * SPRITE_FACTORS.length,
    );
  });
  return {
    name: `sprites ${o.size}×${o.size} (seed ${o.seed})`,
    shape: [o.size, o.size, channels],
    count: o.count,
    numClasses: SPRITE_SHAPES.length,
    pixels,
    scale: o.scale,
    labels: Int32Array.from(fs, (f) => f.shape),
    factors: { names: SPRITE_FACTORS, values: factors },
  };
}
