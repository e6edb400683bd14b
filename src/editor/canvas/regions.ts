/**
 * The Generator and Discriminator regions drawn behind the nodes: each is the bounding box of its
 * network's nodes plus a margin and a label band, so it grows as the user builds. Also answers "which
 * network is this point in?" for drops. Placement (placement.ts) keeps the two from overlapping.
 */
import type { GraphNode, NetworkId, XY } from '../../core/graph/types';
import { boundsOf, NODE_SIZE, REGION_GAP, REGION_HEADER, REGION_PAD, type Rect, type Sizes } from './geometry';

export type { Rect, Sizes };
export const DEFAULT_SIZE = NODE_SIZE;

const sizeOf = (sizes: Sizes, id: string) => sizes[id] ?? NODE_SIZE;

/** The region around these node rectangles. */
export function regionAround(rects: readonly Rect[]): Rect | undefined {
  const b = boundsOf(rects);
  if (!b) return undefined;
  return {
    x: b.x - REGION_PAD,
    y: b.y - REGION_PAD - REGION_HEADER,
    width: b.width + 2 * REGION_PAD,
    height: b.height + 2 * REGION_PAD + REGION_HEADER,
  };
}

export function nodeRects(
  nodes: readonly GraphNode[],
  sizes: Sizes,
  positions: Record<string, XY> = {},
): Map<string, Rect> {
  return new Map(nodes.map((n) => [n.id, { ...(positions[n.id] ?? n.position), ...sizeOf(sizes, n.id) }]));
}

export function regionRects(
  nodes: readonly GraphNode[],
  sizes: Sizes,
  positions: Record<string, XY> = {},
): Record<NetworkId, Rect> {
  const rects = nodeRects(nodes, sizes, positions);
  const of = (net: NetworkId) => regionAround(nodes.filter((n) => n.network === net).map((n) => rects.get(n.id)!));
  const g = of('generator'),
    d = of('discriminator');
  // An empty network still gets a region to drop into: above D, or below G.
  const empty = { width: 480, height: 200 };
  const generator = g ?? (d ? { x: d.x, y: d.y - REGION_GAP - empty.height, ...empty } : { x: -40, y: -80, ...empty });
  const discriminator = d ?? { x: generator.x, y: generator.y + generator.height + REGION_GAP, ...empty };
  return { generator, discriminator };
}

export const inside = (p: XY, r: Rect) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
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
