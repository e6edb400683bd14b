/** Draws one activation tile, scaled with crisp pixels (CSS), at the given display width. */
import { useEffect, useRef } from 'react';
import type { ActivationTile } from '../core/train/tiles';
import { tileRgba } from './tileImage';

export function TileCanvas({ tile, width, className, title }: { tile: ActivationTile; width: number; className?: string; title?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    c.width = tile.width;
    c.height = tile.height;
    c.getContext('2d')?.putImageData(new ImageData(tileRgba(tile), tile.width, tile.height), 0, 0);
  }, [tile]);
  // Strips are wide and short: keep them at least a few pixels tall per row.
  const height = Math.max(12, Math.round((width * tile.height) / tile.width));
  return <canvas ref={ref} className={`tile-canvas ${className ?? ''}`} style={{ width, height }} title={title} data-kind={tile.kind} />;
}
