/**
 * User images (decoded by the platform: createImageBitmap in the browser, a PNG/JPEG decoder in Node)
 * resized to one size, as grayscale or RGB, into a dataset.
 */
import { scaleBytes, type HostDataset, type Scale } from './host';

export interface DecodedImage { name: string; width: number; height: number; rgba: Uint8Array | Uint8ClampedArray; label?: number }

/** Box-filtered resize of RGBA pixels to size×size, returning `channels` (1 or 3) bytes per pixel. */
export function resizeTo(img: DecodedImage, size: number, channels: 1 | 3): Uint8Array {
  const out = new Uint8Array(size * size * channels);
  for (let y = 0; y < size; y++) {
    const y0 = Math.floor((y * img.height) / size), y1 = Math.max(y0 + 1, Math.floor(((y + 1) * img.height) / size));
    for (let x = 0; x < size; x++) {
      const x0 = Math.floor((x * img.width) / size), x1 = Math.max(x0 + 1, Math.floor(((x + 1) * img.width) / size));
      const acc = [0, 0, 0];
      let n = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const o = 4 * (yy * img.width + xx);
          acc[0] += img.rgba[o]; acc[1] += img.rgba[o + 1]; acc[2] += img.rgba[o + 2];
          n++;
        }
      }
      const o = (y * size + x) * channels;
      if (channels === 1) out[o] = Math.round((0.299 * acc[0] + 0.587 * acc[1] + 0.114 * acc[2]) / n);
      else for (let c = 0; c < 3; c++) out[o + c] = Math.round(acc[c] / n);
    }
  }
  return out;
}

export function imagesDataset(images: DecodedImage[], size: number, channels: 1 | 3, scale: Scale, name = 'images'): HostDataset {
  if (images.length === 0) throw new Error('no images found: expected PNG or JPEG files');
  const bad = images.find((im) => im.width < 1 || im.height < 1 || im.rgba.length !== im.width * im.height * 4);
  if (bad) throw new Error(`${bad.name}: could not read its pixels`);
  const per = size * size * channels;
  const bytes = new Uint8Array(images.length * per);
  images.forEach((im, i) => bytes.set(resizeTo(im, size, channels), i * per));
  const labelled = images.every((im) => im.label !== undefined);
  const labels = labelled ? Int32Array.from(images, (im) => im.label!) : undefined;
  return {
    name, shape: [size, size, channels], count: images.length,
    numClasses: labels ? labels.reduce((m, x) => Math.max(m, x), -1) + 1 : 0, values: scaleBytes(bytes, scale), labels,
  };
}
