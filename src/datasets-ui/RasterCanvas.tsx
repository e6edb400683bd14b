/** A raw picture (core/data/render.ts Raster) on a canvas, drawn pixel for pixel and scaled by CSS. */
import { useEffect, useRef } from 'react';
import type { Raster } from '../core/data/render';

export function rasterRgba(r: Raster): Uint8ClampedArray<ArrayBuffer> {
  const n = r.width * r.height,
    out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    if (r.channels === 3) {
      out[i * 4] = r.pixels[i * 3];
      out[i * 4 + 1] = r.pixels[i * 3 + 1];
      out[i * 4 + 2] = r.pixels[i * 3 + 2];
    } else out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = r.pixels[i];
    out[i * 4 + 3] = 255;
  }
  return out;
}

export function RasterCanvas({ raster, label, className }: { raster: Raster; label: string; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    if (c.width !== raster.width) c.width = raster.width;
    if (c.height !== raster.height) c.height = raster.height;
    c.getContext('2d')?.putImageData(new ImageData(rasterRgba(raster), raster.width, raster.height), 0, 0);
  }, [raster]);
  return <canvas ref={ref} className={className} role="img" aria-label={label} />;
}
