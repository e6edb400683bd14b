/**
 * A project's thumbnail: its graph's node boxes and wires, scaled into a small picture. Drawn from
 * the stored project itself, so every project has one (also before training, and for projects from
 * files or links) and it is never out of date; a sample grid would need a training run and a stored
 * image per project.
 */
import type { Graph, NetworkId } from '../core/graph/types';

export interface Thumbnail {
  width: number;
  height: number;
  boxes: { x: number; y: number; w: number; h: number; network: NetworkId }[];
  wires: { x1: number; y1: number; x2: number; y2: number }[];
}

/** Stored positions are top-left corners; the sizes are a typical node's on the canvas. */
const NODE_W = 180;
const NODE_H = 110;
const PAD = 4;

export function thumbnailOf(graph: Pick<Graph, 'nodes' | 'edges'>, width = 96, height = 64): Thumbnail {
  const nodes = graph.nodes;
  if (!nodes.length) return { width, height, boxes: [], wires: [] };
  const x0 = Math.min(...nodes.map((n) => n.position.x)),
    y0 = Math.min(...nodes.map((n) => n.position.y));
  const x1 = Math.max(...nodes.map((n) => n.position.x + NODE_W)),
    y1 = Math.max(...nodes.map((n) => n.position.y + NODE_H));
  const k = Math.min((width - 2 * PAD) / (x1 - x0), (height - 2 * PAD) / (y1 - y0));
  // Centred in the picture.
  const ox = (width - (x1 - x0) * k) / 2,
    oy = (height - (y1 - y0) * k) / 2;
  const at = (x: number, y: number) => ({ x: ox + (x - x0) * k, y: oy + (y - y0) * k });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxes = nodes.map((n) => ({
    ...at(n.position.x, n.position.y),
    w: NODE_W * k,
    h: NODE_H * k,
    network: n.network,
  }));
  const wires = graph.edges.flatMap((e) => {
    const s = byId.get(e.source),
      t = byId.get(e.target);
    if (!s || !t) return [];
    const a = at(s.position.x + NODE_W, s.position.y + NODE_H / 2),
      b = at(t.position.x, t.position.y + NODE_H / 2);
    return [{ x1: a.x, y1: a.y, x2: b.x, y2: b.y }];
  });
  return { width, height, boxes, wires };
}
