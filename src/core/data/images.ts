/**
 * User images (decoded by the platform: createImageBitmap in the browser, a PNG/JPEG decoder in Node)
 * brought to one square size, as grayscale or RGB, into a dataset. Transparent pixels count as black.
 */
import type { ByteDataset, Scale } from './host';

export interface DecodedImage {
  name: string;
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
  label?: number;
}

/**
 * How a non-square image becomes square: 'crop' keeps the centre square, 'pad' fits the whole image and
 * fills the rest with black, 'stretch' squeezes it.
 */
export type Fit = 'crop' | 'pad' | 'stretch';
export const FITS: readonly Fit[] = ['crop', 'pad', 'stretch'];

/** Source and destination rectangles (x, y, w, h) of a fit. */
function rects(w: number, h: number, size: number, fit: Fit): { src: number[]; dst: number[] } {
  if (fit === 'crop') {
    const s = Math.min(w, h);
    return { src: [Math.floor((w - s) / 2), Math.floor((h - s) / 2), s, s], dst: [0, 0, size, size] };
  }
  if (fit === 'pad') {
    const k = size / Math.max(w, h),
      dw = Math.max(1, Math.round(w * k)),
      dh = Math.max(1, Math.round(h * k));
    return { src: [0, 0, w, h], dst: [Math.floor((size - dw) / 2), Math.floor((size - dh) / 2), dw, dh] };
  }
  return { src: [0, 0, w, h], dst: [0, 0, size, size] };
}

/**
 * Box-filtered resize of RGBA pixels to size×size (after `fit`), written as `channels` (1 or 3) bytes per
 * pixel into `out` at `offset` (a new array when not given).
 */
export function resizeTo(
  img: DecodedImage,
  size: number,
  channels: 1 | 3,
  fit: Fit = 'stretch',
  out = new Uint8Array(size * size * channels),
  offset = 0,
): Uint8Array {
  const {
    src: [sx, sy, sw, sh],
    dst: [dx, dy, dw, dh],
  } = rects(img.width, img.height, size, fit);
  if (fit === 'pad') out.fill(0, offset, offset + size * size * channels);
  const acc = [0, 0, 0];
  for (let y = 0; y < dh; y++) {
    const y0 = sy + Math.floor((y * sh) / dh),
      y1 = Math.max(y0 + 1, sy + Math.floor(((y + 1) * sh) / dh));
    for (let x = 0; x < dw; x++) {
      const x0 = sx + Math.floor((x * sw) / dw),
        x1 = Math.max(x0 + 1, sx + Math.floor(((x + 1) * sw) / dw));
      acc[0] = acc[1] = acc[2] = 0;
      let n = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const o = 4 * (yy * img.width + xx),
            a = img.rgba[o + 3] / 255;
          acc[0] += img.rgba[o] * a;
          acc[1] += img.rgba[o + 1] * a;
          acc[2] += img.rgba[o + 2] * a;
          n++;
        }
      }
      const o = offset + ((dy + y) * size + dx + x) * channels;
      if (channels === 1) out[o] = Math.round((0.299 * acc[0] + 0.587 * acc[1] + 0.114 * acc[2]) / n);
      else for (let c = 0; c < 3; c++) out[o + c] = Math.round(acc[c] / n);
    }
  }
  return out;
}

export function imagesDataset(
  images: DecodedImage[],
  size: number,
  channels: 1 | 3,
  scale: Scale,
  name = 'images',
  fit: Fit = 'stretch',
): ByteDataset {
  if (images.length === 0) throw new Error('no images found: expected PNG or JPEG files');
  const bad = images.find((im) => im.width < 1 || im.height < 1 || im.rgba.length !== im.width * im.height * 4);
  if (bad) throw new Error(`${bad.name}: could not read its pixels`);
  const per = size * size * channels;
  const bytes = new Uint8Array(images.length * per);
  images.forEach((im, i) => resizeTo(im, size, channels, fit, bytes, i * per));
  const labelled = images.every((im) => im.label !== undefined);
  const labels = labelled ? Int32Array.from(images, (im) => im.label!) : undefined;
  return {
    name,
    shape: [size, size, channels],
    count: images.length,
    numClasses: labels ? labels.reduce((m, x) => Math.max(m, x), -1) + 1 : 0,
    pixels: bytes,
    scale,
    labels,
  };
}
