/**
 * The Generator and Discriminator regions drawn behind the nodes: each is the bounding box of its
 * network's nodes plus a margin, so it grows as the user builds. Also answers "which network is this
 * point in?" for drops.
 */
import type { GraphNode, NetworkId, XY } from '../../core/graph/types';

export interface Rect { x: number; y: number; width: number; height: number }
export type Sizes = Record<string, { width: number; height: number }>;

export const DEFAULT_SIZE = { width: 186, height: 120 };
const PAD = 36;
const HEADER = 34;

export function regionRects(nodes: readonly GraphNode[], sizes: Sizes, positions: Record<string, XY> = {}): Record<NetworkId, Rect> {
  const rect = (net: NetworkId, fallback: XY): Rect => {
    const mine = nodes.filter((n) => n.network === net);
    if (!mine.length) return { x: fallback.x, y: fallback.y, width: 480, height: 260 };
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of mine) {
      const p = positions[n.id] ?? n.position;
      const s = sizes[n.id] ?? DEFAULT_SIZE;
      x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + s.width); y1 = Math.max(y1, p.y + s.height);
    }
    return { x: x0 - PAD, y: y0 - PAD - HEADER, width: x1 - x0 + 2 * PAD, height: y1 - y0 + 2 * PAD + HEADER };
  };
  const generator = rect('generator', { x: -40, y: -80 });
  const discriminator = rect('discriminator', { x: generator.x, y: generator.y + generator.height + 80 });
  return { generator, discriminator };
}

const inside = (p: XY, r: Rect) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
const distance = (p: XY, r: Rect) => {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  return Math.hypot(dx, dy);
};

/** The network whose region holds `p`, or else the nearest one. */
export function networkAt(p: XY, rects: Record<NetworkId, Rect>): NetworkId {
  if (inside(p, rects.generator)) return 'generator';
  if (inside(p, rects.discriminator)) return 'discriminator';
  return distance(p, rects.generator) <= distance(p, rects.discriminator) ? 'generator' : 'discriminator';
}

/** The first spot at or below `p` where a new node does not cover an existing one. */
export function freeSpot(p: XY, nodes: readonly GraphNode[], sizes: Sizes): XY {
  const w = DEFAULT_SIZE.width, h = DEFAULT_SIZE.height;
  const hits = (q: XY) => nodes.some((n) => {
    const s = sizes[n.id] ?? DEFAULT_SIZE;
    return q.x < n.position.x + s.width && n.position.x < q.x + w && q.y < n.position.y + s.height && n.position.y < q.y + h;
  });
  let q = { ...p };
  for (let i = 0; i < 200 && hits(q); i++) q = { x: q.x, y: q.y + 20 };
  return q;
}
