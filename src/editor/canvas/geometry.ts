/**
 * The canvas's fixed measures, shared by the node styles, the regions, the layout, placement and the
 * fits. Every block node has the same size, so a layout computed before anything is drawn (a template
 * opened at boot) is exactly what the page then shows.
 *
 * Why these numbers: at 1280×800 the canvas is about 1060×650 px; the smallest text on a node is
 * 12 px, so it reads at 10 px down to zoom 0.84, where the canvas holds ~1250×770 flow px. Five nodes
 * per row (5·208 + 4·36) and the DCGAN template's five rows (3 of G, 2 of D) then fit with a margin.
 * A node's text lines: the block's name (full width), its key params (full width), then its id and
 * output shape beside a 52 × 32 activation tile.
 */
import type { XY } from '../../core/graph/types';

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 80;
export const NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT } as const;

/** Region margins around its nodes, and the band at its top that holds the region's label. */
export const REGION_PAD = 20;
export const REGION_HEADER = 30;
/** Empty space kept between the two regions. */
export const REGION_GAP = 28;

/** Smallest font size on a node (px); with READABLE_ZOOM it reads at >= 10 px on screen. */
export const MIN_NODE_FONT = 12;
/** The lowest zoom at which every text on a node is at least 10 px on screen. */
export const READABLE_ZOOM = 10 / MIN_NODE_FONT + 0.005;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Sizes = Record<string, { width: number; height: number }>;

export const rectOf = (p: XY, size: { width: number; height: number } = NODE_SIZE): Rect => ({
  x: p.x,
  y: p.y,
  ...size,
});

/** True when the two rectangles share area (touching edges do not count), with an optional margin around `a`. */
export function intersects(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x - margin < b.x + b.width &&
    b.x < a.x + a.width + margin &&
    a.y - margin < b.y + b.height &&
    b.y < a.y + a.height + margin
  );
}

/** The smallest rectangle holding all of `rects` (undefined for none). */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
