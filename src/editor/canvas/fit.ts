/**
 * Viewport maths for the fits, pure: which zoom and offset show a rectangle of the graph inside the
 * canvas, leaving out the parts of the canvas that overlays take (the toolbar, the minimap), so a fit
 * never puts a node under them.
 */
import type { Viewport } from '../../core/project/types';
import type { Rect } from './geometry';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

export interface FitOptions {
  insets?: Insets;
  /** Free space kept around the rectangle, on screen (px). */
  margin?: number;
  maxZoom?: number;
  /**
   * Never zoom out below this. When the rectangle does not fit at it, its top-left corner is shown
   * (where a network starts) and the rest is a pan away.
   */
  minZoom?: number;
}

export function fitViewport(r: Rect, canvas: { width: number; height: number }, o: FitOptions = {}): Viewport {
  const i = o.insets ?? NO_INSETS,
    m = o.margin ?? 12;
  const w = Math.max(1, canvas.width - i.left - i.right - 2 * m),
    h = Math.max(1, canvas.height - i.top - i.bottom - 2 * m);
  const fit = Math.min(w / Math.max(r.width, 1), h / Math.max(r.height, 1), o.maxZoom ?? 1);
  if (o.minZoom !== undefined && fit < o.minZoom) {
    const zoom = o.minZoom;
    // Centred along an axis that fits, top-left along one that does not.
    const x = r.width * zoom <= w ? i.left + m + (w - r.width * zoom) / 2 - r.x * zoom : i.left + m - r.x * zoom;
    const y = r.height * zoom <= h ? i.top + m + (h - r.height * zoom) / 2 - r.y * zoom : i.top + m - r.y * zoom;
    return { x, y, zoom };
  }
  return {
    x: i.left + m + (w - r.width * fit) / 2 - r.x * fit,
    y: i.top + m + (h - r.height * fit) / 2 - r.y * fit,
    zoom: fit,
  };
}

/**
 * The best of several ways to keep clear of overlays: e.g. a minimap in the bottom-right corner can
 * be avoided by leaving out a band on the right or one at the bottom, whichever costs less zoom.
 */
export function bestFit(
  r: Rect,
  canvas: { width: number; height: number },
  choices: Insets[],
  o: Omit<FitOptions, 'insets'> = {},
): Viewport {
  let best: Viewport | undefined;
  for (const insets of choices) {
    const v = fitViewport(r, canvas, { ...o, insets });
    if (!best || v.zoom > best.zoom) best = v;
  }
  return best ?? fitViewport(r, canvas, o);
}
