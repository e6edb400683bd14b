/**
 * The sample grid as a PNG: the same pixels and colours as the panel draws (tileRgba), enlarged by a
 * whole factor with nearest-neighbour so that a 28-pixel digit or a 64-cell scatter stays crisp.
 */
import type { ActivationTile } from '../core/train/tiles';
import { tileRgba } from './tileImage';

/** Enlarges so the longer side is at least `minSide` pixels (a whole factor, never shrinking). */
export function scaledRgba(
  tile: ActivationTile,
  minSide = 512,
): { rgba: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const src = tileRgba(tile);
  const k = Math.max(1, Math.floor(minSide / Math.max(tile.width, tile.height)));
  const width = tile.width * k,
    height = tile.height * k;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (Math.floor(y / k) * tile.width + Math.floor(x / k)) * 4,
        d = (y * width + x) * 4;
      rgba[d] = src[s];
      rgba[d + 1] = src[s + 1];
      rgba[d + 2] = src[s + 2];
      rgba[d + 3] = src[s + 3];
    }
  }
  return { rgba, width, height };
}

/** PNG bytes through a canvas (the browser's own encoder). */
export function samplePng(tile: ActivationTile): Promise<Blob> {
  const { rgba, width, height } = scaledRgba(tile);
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  c.getContext('2d')!.putImageData(new ImageData(rgba, width, height), 0, 0);
  return new Promise((ok, fail) =>
    c.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
