/**
 * Reading a sprite's factors back from its pixels, with no learned model: the drawing is known
 * (core/data/sprites.ts), so each factor has a direct measurement —
 *   position = the centroid of the lit pixels (every shape is drawn with its area centroid at its centre),
 *   hue      = the circular mean hue of the lit pixels,
 *   shape and rotation = the best overlap (IoU) with each shape drawn at that centroid and the size its
 *              area implies, over rotations in the shape's own symmetry period,
 *   scale    = from the area, given that shape.
 * On real sprites it recovers the shape of all but a few (tests/data/sprites.test.ts); on a generator's
 * samples it says what the generator drew, so InfoGAN's codes can be compared with known factors.
 */
import { POSITION_RANGE, SHAPE_AREA, SPRITE_SHAPES, SYMMETRY, insideShape, radiusOf } from './sprites';

export interface MeasuredSprite {
  /**
   * False when the image is no sprite: too little lit, or no drawn shape of a sprite's size fits it
   * (MIN_FIT). Then the other fields are NaN / -1 (`fit` says how close the best shape came).
   */
  found: boolean;
  shape: number;
  hue: number;
  scale: number;
  /** Rotation as a share of the shape's symmetry period, 0..1 (NaN for a circle). */
  rotationPhase: number;
  x: number;
  y: number;
  /** Overlap of the lit pixels with the best-fitting drawn shape, 0..1: how sprite-like the image is. */
  fit: number;
}

/** The true rotation of a sprite as a share of its shape's symmetry period (what the measurement can see). */
export function rotationPhase(shape: number, rotation: number): number {
  const p = SYMMETRY[SPRITE_SHAPES[shape]];
  if (!p) return NaN;
  return (((rotation % p) + p) % p) / p;
}

/** Rotations tried per symmetry period. */
const ROTATIONS = 24;
/** Pixels lit less than this (share of full brightness) count as background. */
const LIT = 0.1;
/**
 * A sprite is recognised only when its best-fitting drawn shape overlaps the lit pixels this much (IoU)
 * and the size its area implies is within the dataset's scales (with a margin). Measured
 * (tests/data/sprites.test.ts): real sprites fit 0.73-0.92 (1st-95th percentile); a soft grey blob fits
 * 0.41, speckle 0.1-0.2; uniform noise fits 0.6 only by spreading one huge shape over the whole image, which
 * the size bound refuses (its area implies a radius over twice the largest sprite's).
 */
export const MIN_FIT = 0.6;
const SCALE_MARGIN = 0.5;

function rgbHue(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b),
    min = Math.min(r, g, b),
    d = max - min;
  if (d <= 0) return NaN;
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return (((h / 6) % 1) + 1) % 1;
}

/**
 * Factors of n images ([n, size, size, channels] in the data's scale: [-1, 1] for tanh, [0, 1] for sigmoid).
 * Grey images (channels 1) have no hue (NaN).
 */
export function measureSprites(
  images: Float32Array,
  n: number,
  size: number,
  channels: number,
  scale: 'tanh' | 'sigmoid',
): MeasuredSprite[] {
  const per = size * size * channels;
  const w = new Float32Array(size * size);
  const out: MeasuredSprite[] = [];
  for (let i = 0; i < n; i++) {
    let area = 0,
      sx = 0,
      sy = 0,
      hx = 0,
      hy = 0;
    for (let p = 0; p < size * size; p++) {
      const o = i * per + p * channels;
      const at = (k: number) => {
        const v = images[o + k];
        return Math.max(0, Math.min(1, scale === 'tanh' ? (v + 1) / 2 : v));
      };
      const r = at(0),
        g = channels === 3 ? at(1) : r,
        b = channels === 3 ? at(2) : r;
      const lit = Math.max(r, g, b);
      w[p] = lit >= LIT ? lit : 0;
      if (!w[p]) continue;
      area += w[p];
      sx += w[p] * ((p % size) + 0.5);
      sy += w[p] * (Math.floor(p / size) + 0.5);
      const h = rgbHue(r, g, b);
      if (!Number.isNaN(h)) {
        const sat = (lit - Math.min(r, g, b)) * w[p];
        hx += sat * Math.cos(2 * Math.PI * h);
        hy += sat * Math.sin(2 * Math.PI * h);
      }
    }
    const smallest = SHAPE_AREA.reduce((a, b) => Math.min(a, b)) * (radiusOf(0) * size) ** 2;
    if (area < 0.3 * smallest) {
      out.push({ found: false, shape: -1, hue: NaN, scale: NaN, rotationPhase: NaN, x: NaN, y: NaN, fit: 0 });
      continue;
    }
    const cx = sx / area,
      cy = sy / area;
    const hue = hx === 0 && hy === 0 ? NaN : (((Math.atan2(hy, hx) / (2 * Math.PI)) % 1) + 1) % 1;
    const best = bestShape(w, size, area, cx, cy);
    const spriteScale = (best.radius / size - radiusOf(0)) / (radiusOf(1) - radiusOf(0));
    if (best.fit < MIN_FIT || spriteScale < -SCALE_MARGIN || spriteScale > 1 + SCALE_MARGIN) {
      out.push({ found: false, shape: -1, hue: NaN, scale: NaN, rotationPhase: NaN, x: NaN, y: NaN, fit: best.fit });
      continue;
    }
    const [lo, hi] = POSITION_RANGE;
    out.push({
      found: true,
      shape: best.shape,
      hue,
      fit: best.fit,
      rotationPhase: best.phase,
      scale: spriteScale,
      x: (cx / size - lo) / (hi - lo),
      y: (cy / size - lo) / (hi - lo),
    });
  }
  return out;
}

/** The shape, rotation phase and radius whose drawing overlaps the lit pixels most (IoU of coverage). */
function bestShape(
  w: Float32Array,
  size: number,
  area: number,
  cx: number,
  cy: number,
): { shape: number; phase: number; radius: number; fit: number } {
  let best = { shape: 0, phase: NaN, radius: 0, fit: -1 };
  for (let k = 0; k < SPRITE_SHAPES.length; k++) {
    const radius = Math.sqrt(area / SHAPE_AREA[k]);
    const period = SYMMETRY[SPRITE_SHAPES[k]];
    const steps = period ? ROTATIONS : 1;
    const reach = Math.ceil(radius * 1.2) + 1;
    const x0 = Math.max(0, Math.floor(cx - reach)),
      x1 = Math.min(size - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach)),
      y1 = Math.min(size - 1, Math.ceil(cy + reach));
    for (let j = 0; j < steps; j++) {
      const phase = j / steps,
        angle = 2 * Math.PI * period * phase,
        c = Math.cos(angle),
        s = Math.sin(angle);
      let inter = 0,
        drawn = 0;
      for (let py = y0; py <= y1; py++) {
        for (let px = x0; px <= x1; px++) {
          const dx = (px + 0.5 - cx) / radius,
            dy = (cy - (py + 0.5)) / radius;
          if (insideShape(k, c * dx + s * dy, -s * dx + c * dy)) {
            drawn++;
            inter += w[py * size + px];
          }
        }
      }
      // Lit pixels outside the window count against the fit through `area`.
      const fit = inter / (drawn + area - inter);
      if (fit > best.fit) best = { shape: k, phase: period ? phase : NaN, radius, fit };
    }
  }
  return best;
}
