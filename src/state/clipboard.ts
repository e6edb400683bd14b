/**
 * Copy and paste of a piece of the graph: the chosen nodes plus the wires between them (wires to
 * nodes outside the selection are dropped, as in every node editor). Pure functions, no store.
 */
import { edgeId, type Graph, type GraphEdge, type GraphNode } from '../core/graph/types';

export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyFragment(g: Graph, ids: readonly string[]): Fragment {
  const keep = new Set(ids);
  return {
    nodes: structuredClone(g.nodes.filter((n) => keep.has(n.id))),
    edges: structuredClone(g.edges.filter((e) => keep.has(e.source) && keep.has(e.target))),
  };
}

/** 'g_conv2' -> 'g_conv3', 'z' -> 'z2': the next unused name with the same stem. */
function nextName(id: string, taken: Set<string>): string {
  const m = /^(.*?)(\d*)$/.exec(id)!;
  const stem = m[1] || id;
  for (let i = m[2] ? Number(m[2]) + 1 : 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

/** Inserts a fragment with fresh names, shifted by `offset`; returns the new graph and the new ids. */
export function pasteFragment(
  g: Graph,
  f: Fragment,
  offset: { x: number; y: number },
): { graph: Graph; ids: string[] } {
  const taken = new Set(g.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const n of f.nodes) {
    const id = nextName(n.id, taken);
    taken.add(id);
    rename.set(n.id, id);
  }
  const nodes = f.nodes.map((n) => ({
    ...structuredClone(n),
    id: rename.get(n.id)!,
    position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
  }));
  const edges = f.edges.map((e) => {
    const source = rename.get(e.source)!,
      target = rename.get(e.target)!;
    return { id: edgeId(source, target, e.targetPort), source, target, targetPort: e.targetPort };
  });
  return { graph: { nodes: [...g.nodes, ...nodes], edges: [...g.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}
