/**
 * Shape inference: one topological pass that asks each block for its output shape, parameter count
 * and MACs. Errors are collected per node (a node whose inputs are unknown is skipped, not blamed,
 * so one mistake does not light up the whole graph).
 */
import { getBlock, hasBlock, ShapeError, type InShapes, type Shape, type ShapeContext } from '../blocks';
import { incoming, topoOrder } from '../graph/ops';
import type { Graph, GraphNode, NetworkId, Problem } from '../graph/types';

/** What shape inference needs to know about the dataset. */
export interface DataInfo {
  shape: Shape;
  numClasses: number;
}

export interface NodeInfo {
  shape?: Shape;
  inputs: InShapes;
  params: number;
  macs: number;
}
export interface ShapeResult {
  /** Per node id; a prototype-less object, so `nodes[id]` is undefined for any id not in the graph. */
  nodes: Record<string, NodeInfo>;
  order: string[];
  cyclic: string[];
  problems: Problem[];
  totals: Record<NetworkId, { params: number; macs: number }>;
}

export const nodeTitle = (n: GraphNode): string => `${hasBlock(n.type) ? getBlock(n.type).label : n.type} '${n.id}'`;

export function shapeContext(g: Graph, data: DataInfo): ShapeContext {
  const gen = g.nodes.filter((n) => n.network === 'generator' && hasBlock(n.type));
  const roleOf = (n: GraphNode) => getBlock(n.type).inputRole;
  const codeSize = (n: GraphNode) => getBlock(n.type).codeSize?.(n.params) ?? 0;
  return {
    dataShape: data.shape,
    numClasses: data.numClasses,
    codes: {
      categorical: gen.filter((n) => roleOf(n) === 'categoricalCode').map((n) => codeSize(n)),
      continuous: gen.filter((n) => roleOf(n) === 'continuousCode').reduce((a, n) => a + codeSize(n), 0),
    },
  };
}

export function inferShapes(g: Graph, data: DataInfo): ShapeResult {
  const ctx = shapeContext(g, data);
  const { order, cyclic } = topoOrder(g);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  // Keyed by node ids, which come from files: no prototype, so no id can find an inherited member.
  const nodes: Record<string, NodeInfo> = Object.create(null);
  const problems: Problem[] = [];
  const totals = { generator: { params: 0, macs: 0 }, discriminator: { params: 0, macs: 0 } };

  for (const id of order) {
    const node = byId.get(id)!;
    const info: NodeInfo = { inputs: Object.create(null), params: 0, macs: 0 };
    nodes[id] = info;
    if (!hasBlock(node.type)) continue;
    const block = getBlock(node.type);
    let upstreamUnknown = false;
    for (const [port, sources] of Object.entries(incoming(g, id))) {
      info.inputs[port] = sources
        .map((s) => nodes[s]?.shape)
        .filter((s): s is Shape => {
          if (!s) upstreamUnknown = true;
          return !!s;
        });
    }
    if (upstreamUnknown) continue;
    try {
      info.shape = block.inferShape(info.inputs, node.params, ctx);
      info.params = block.paramCount(info.inputs, node.params, info.shape);
      info.macs = block.macs(info.inputs, node.params, info.shape);
      totals[node.network].params += info.params;
      totals[node.network].macs += info.macs;
    } catch (e) {
      const port = e instanceof ShapeError ? e.port : undefined;
      problems.push({ severity: 'error', nodeId: id, port, message: `${nodeTitle(node)} ${(e as Error).message}` });
    }
  }
  for (const id of cyclic) nodes[id] = { inputs: {}, params: 0, macs: 0 };
  return { nodes, order, cyclic, problems, totals };
}
