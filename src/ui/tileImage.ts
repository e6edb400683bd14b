/** Tile bytes -> RGBA pixels for a canvas. Pure, so it is unit-tested without a DOM. */
import type { ActivationTile } from '../core/train/tiles';

/** Colours of the 2-D scatter: fake points (G) in violet, real points in teal, as on the canvas. */
const FAKE = [124, 92, 214],
  REAL = [27, 154, 143];

export function tileRgba(
  t: Pick<ActivationTile, 'width' | 'height' | 'channels' | 'kind' | 'pixels'>,
): Uint8ClampedArray<ArrayBuffer> {
  const n = t.width * t.height;
  const out = new Uint8ClampedArray(n * 4);
  const p = t.pixels;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    if (t.kind === 'scatter') {
      // White background; real under fake, each by its density.
      const f = p[i * 2] / 255,
        r = p[i * 2 + 1] / 255;
      for (let c = 0; c < 3; c++) out[o + c] = 255 - (255 - REAL[c]) * r * (1 - f) - (255 - FAKE[c]) * f;
    } else if (t.channels === 3) {
      out[o] = p[i * 3];
      out[o + 1] = p[i * 3 + 1];
      out[o + 2] = p[i * 3 + 2];
    } else {
      out[o] = out[o + 1] = out[o + 2] = p[i];
    }
    out[o + 3] = 255;
  }
  return out;
}
