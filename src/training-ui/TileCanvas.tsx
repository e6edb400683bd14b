/** Draws one activation tile, scaled with crisp pixels (CSS), at the given display width. */
import { useEffect, useRef } from 'react';
import type { ActivationTile } from '../core/train/tiles';
import { tileRgba } from '../ui/tileImage';

/**
 * Fits the tile in width × maxHeight keeping its aspect, except strips (samples × units), which
 * stretch to the full width at a few pixels per sample row: their columns matter, not their shape.
 */
export function displaySize(
  tile: Pick<ActivationTile, 'kind' | 'width' | 'height'>,
  width: number,
  maxHeight: number,
): { w: number; h: number } {
  if (tile.kind === 'strip') return { w: width, h: Math.min(maxHeight, Math.max(12, tile.height * 3)) };
  const scale = Math.min(width / tile.width, maxHeight / tile.height);
  return { w: Math.round(tile.width * scale), h: Math.round(tile.height * scale) };
}

export function TileCanvas({
  tile,
  width,
  maxHeight = width,
  className,
  title,
}: {
  tile: ActivationTile;
  width: number;
  maxHeight?: number;
  className?: string;
  title?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    // Resizing reallocates the backing store (and the compositor's texture): only when the size changes.
    if (c.width !== tile.width) c.width = tile.width;
    if (c.height !== tile.height) c.height = tile.height;
    c.getContext('2d')?.putImageData(new ImageData(tileRgba(tile), tile.width, tile.height), 0, 0);
  }, [tile]);
  const { w, h } = displaySize(tile, width, maxHeight);
  return (
    <canvas
      ref={ref}
      className={`tile-canvas ${className ?? ''}`}
      style={{ width: w, height: h }}
      title={title}
      data-kind={tile.kind}
    />
  );
}
