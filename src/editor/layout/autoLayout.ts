/**
 * One-click layout: each network laid out left to right by ELK's layered algorithm, long chains
 * wrapped into rows so a 13-layer generator stays readable on a laptop screen; the discriminator
 * goes below the generator. Returns new positions; the caller commits them as one undo step.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Graph, NetworkId, XY } from '../../core/graph/types';

export type Sizes = Record<string, { width: number; height: number }>;
const FALLBACK = { width: 186, height: 120 };
const GAP_BETWEEN_NETWORKS = 140;

const elk = new ELK();

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '30',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.aspectRatio': '1.8',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
};

async function layoutNetwork(g: Graph, net: NetworkId, sizes: Sizes): Promise<{ positions: Record<string, XY>; height: number }> {
  const nodes = g.nodes.filter((n) => n.network === net);
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: net,
    layoutOptions: OPTIONS,
    children: nodes.map((n) => ({ id: n.id, ...(sizes[n.id] ?? FALLBACK) })),
    edges: g.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const res = await elk.layout(graph);
  const positions: Record<string, XY> = {};
  for (const c of res.children ?? []) positions[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return { positions, height: res.height ?? 0 };
}

export async function autoLayout(g: Graph, sizes: Sizes): Promise<Record<string, XY>> {
  const gen = await layoutNetwork(g, 'generator', sizes);
  const dis = await layoutNetwork(g, 'discriminator', sizes);
  const out: Record<string, XY> = { ...gen.positions };
  const dy = gen.height + GAP_BETWEEN_NETWORKS;
  for (const [id, p] of Object.entries(dis.positions)) out[id] = { x: p.x, y: p.y + dy };
  return out;
}
