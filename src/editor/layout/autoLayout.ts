/**
 * One-click layout: each network in its own lane, left to right, the generator's lane above the
 * discriminator's. ELK's layered algorithm assigns the layers (columns) and orders the nodes within
 * them; a lane longer than a row wraps after whole layers into the next row, which again runs left to
 * right (a 13-layer generator: rows of 5, 5 and 3), so a wire leaves a row at its right end and enters
 * the next at its left end through the gap between the rows. Returns new positions; the caller commits
 * them as one undo step.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Graph, NetworkId, XY } from '../../core/graph/types';
import {
  NODE_HEIGHT,
  NODE_SIZE,
  NODE_WIDTH,
  REGION_GAP,
  REGION_HEADER,
  REGION_PAD,
  type Sizes,
} from '../canvas/geometry';

export type { Sizes };

/**
 * Space between the columns of a row, between the rows of a lane, and between nodes of one column. The rows'
 * gap (32, wide enough for the wires that wrap through it) decides whether the DCGAN template (G and D in
 * three rows each) fits whole at 1280×800 with its smallest text at 10 px: at 40 it fell 0.2% short.
 */
export const GAP_X = 36;
export const GAP_Y = 32;
const GAP_IN_LAYER = 20;
/** The widest row (flow px): five columns (see geometry.ts for why five). */
export const MAX_ROW_WIDTH = 5 * NODE_WIDTH + 4 * GAP_X;

const elk = new ELK();

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': String(GAP_IN_LAYER),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_X),
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
};

export interface LayoutOptions {
  /** The widest a row may be (flow px); the default fits the canvas of a 1280×800 window at a readable zoom. */
  maxRowWidth?: number;
}

/** How many columns per row: as few rows as fit, then the columns spread evenly over them (13 -> 5, 5, 3). */
export function columnsPerRow(layers: number, maxRowWidth = MAX_ROW_WIDTH): number {
  const fit = Math.max(1, Math.floor((maxRowWidth + GAP_X) / (NODE_WIDTH + GAP_X)));
  const rows = Math.max(1, Math.ceil(layers / fit));
  return Math.ceil(layers / rows);
}

/** ELK's layers of one network: node id -> column index, and each node's position within its column. */
async function layersOf(
  g: Graph,
  net: NetworkId,
  sizes: Sizes,
): Promise<{ column: Map<string, number>; y: Map<string, number> }> {
  const nodes = g.nodes.filter((n) => n.network === net);
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: net,
    layoutOptions: OPTIONS,
    // Stable input order (by current x, then y) keeps ELK's choices close to what the user had.
    children: [...nodes]
      .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y)
      .map((n) => ({ id: n.id, ...(sizes[n.id] ?? NODE_SIZE) })),
    edges: g.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const res = await elk.layout(graph);
  const children = res.children ?? [];
  // ELK puts the nodes of one layer at one x (all nodes are equally wide): distinct xs are the columns.
  const xs = [...new Set(children.map((c) => Math.round(c.x ?? 0)))].sort((a, b) => a - b);
  const column = new Map(children.map((c) => [c.id, xs.indexOf(Math.round(c.x ?? 0))]));
  const y = new Map(children.map((c) => [c.id, c.y ?? 0]));
  return { column, y };
}

/** One lane: positions relative to the lane's top-left, and the lane's height. */
async function layoutLane(
  g: Graph,
  net: NetworkId,
  sizes: Sizes,
  maxRowWidth: number,
): Promise<{ positions: Record<string, XY>; height: number }> {
  const { column, y } = await layersOf(g, net, sizes);
  if (!column.size) return { positions: {}, height: 0 };
  const layers = Math.max(...column.values()) + 1;
  const perRow = columnsPerRow(layers, maxRowWidth);
  const positions: Record<string, XY> = {};
  let top = 0;
  for (let row = 0; row * perRow < layers; row++) {
    const ids = [...column.keys()].filter((id) => Math.floor(column.get(id)! / perRow) === row);
    const y0 = Math.min(...ids.map((id) => y.get(id)!));
    let bottom = top;
    for (const id of ids) {
      const p = { x: (column.get(id)! - row * perRow) * (NODE_WIDTH + GAP_X), y: Math.round(top + y.get(id)! - y0) };
      positions[id] = p;
      bottom = Math.max(bottom, p.y + (sizes[id]?.height ?? NODE_HEIGHT));
    }
    top = bottom + GAP_Y;
  }
  return { positions, height: top - GAP_Y };
}

export async function autoLayout(g: Graph, sizes: Sizes = {}, opts: LayoutOptions = {}): Promise<Record<string, XY>> {
  const maxRowWidth = opts.maxRowWidth ?? MAX_ROW_WIDTH;
  const gen = await layoutLane(g, 'generator', sizes, maxRowWidth);
  const dis = await layoutLane(g, 'discriminator', sizes, maxRowWidth);
  const out: Record<string, XY> = { ...gen.positions };
  // D's region (its label band included) starts REGION_GAP below G's region.
  const dy = gen.height ? gen.height + 2 * REGION_PAD + REGION_HEADER + REGION_GAP : 0;
  for (const [id, p] of Object.entries(dis.positions)) out[id] = { x: p.x, y: p.y + dy };
  return out;
}
