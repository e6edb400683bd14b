/**
 * The engine's canConnect, in React Flow's terms: a wire may be started from either end, so the
 * output end is found first. The fake-samples handles never take a wire.
 */
import { canConnect, type Connectable } from '../../core/validate/canConnect';
import { getBlock, hasBlock } from '../../core/blocks';
import type { Graph } from '../../core/graph/types';
import type { DataInfo } from '../../core/shapes/infer';
import { FAKE_HANDLE } from './flowModel';

export interface WireEnds {
  source: string;
  target: string;
  targetHandle?: string | null;
}

export function verdict(g: Graph, c: WireEnds, data: DataInfo): Connectable {
  if (c.targetHandle === FAKE_HANDLE) {
    return {
      ok: false,
      reason: "the discriminator's input receives the generator's samples automatically; it takes no wires",
    };
  }
  return canConnect(g, c.source, c.target, c.targetHandle ?? 'x', data);
}

/** What every input port on the canvas would say to a wire from `source` (for highlighting while dragging). */
export function verdictsFrom(g: Graph, source: string, data: DataInfo): Record<string, Connectable> {
  const out: Record<string, Connectable> = {};
  for (const n of g.nodes) {
    if (n.id === source || !hasBlock(n.type)) continue;
    for (const p of getBlock(n.type).inputs) out[`${n.id}:${p.name}`] = canConnect(g, source, n.id, p.name, data);
  }
  return out;
}

/** Orders the two ends of a React Flow connection as output -> input. */
export function orient(
  from: { nodeId: string; id?: string | null; type: 'source' | 'target' },
  to: { nodeId: string; id?: string | null },
): WireEnds {
  return from.type === 'source'
    ? { source: from.nodeId, target: to.nodeId, targetHandle: to.id }
    : { source: to.nodeId, target: from.nodeId, targetHandle: from.id };
}
