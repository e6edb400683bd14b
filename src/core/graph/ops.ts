/**
 * Pure edit operations. Each returns a new Graph and never mutates its argument, so the editor's
 * undo history can keep old graphs by reference.
 */
import { getBlock } from '../blocks';
import { withDefaults, type Params } from '../blocks/params';
import { edgeId, type Graph, type GraphNode, type NetworkId, type XY } from './types';

export const emptyGraph = (): Graph => ({ nodes: [], edges: [] });

export const findNode = (g: Graph, id: string): GraphNode | undefined => g.nodes.find((n) => n.id === id);

/** A readable unused id such as 'g_dense2' or 'd_conv2d1'. */
export function freshId(g: Graph, type: string, network: NetworkId): string {
  const base = `${network === 'generator' ? 'g' : 'd'}_${type.replace(/[A-Z]/g, (c) => c.toLowerCase())}`;
  const taken = new Set(g.nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export interface NewNode {
  type: string;
  network: NetworkId;
  position?: XY;
  params?: Params;
  id?: string;
}

export function addNode(g: Graph, spec: NewNode): Graph {
  const block = getBlock(spec.type);
  const id = spec.id ?? freshId(g, spec.type, spec.network);
  if (findNode(g, id)) throw new Error(`a node named '${id}' already exists`);
  const node: GraphNode = {
    id, type: spec.type, network: spec.network,
    params: withDefaults(block.params, spec.params), position: spec.position ?? { x: 0, y: 0 },
  };
  return { ...g, nodes: [...g.nodes, node] };
}

export function removeNodes(g: Graph, ids: readonly string[]): Graph {
  const gone = new Set(ids);
  return {
    nodes: g.nodes.filter((n) => !gone.has(n.id)),
    edges: g.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

/** Wires `source`'s output into `target`'s `port`. A single-input port loses its previous wire. */
export function connect(g: Graph, source: string, target: string, port: string): Graph {
  const tnode = findNode(g, target);
  if (!findNode(g, source) || !tnode) throw new Error(`cannot connect '${source}' to '${target}': no such node`);
  const spec = getBlock(tnode.type).inputs.find((p) => p.name === port);
  if (!spec) throw new Error(`'${target}' has no input port '${port}'`);
  const id = edgeId(source, target, port);
  if (g.edges.some((e) => e.id === id)) return g;
  const kept = spec.multi ? g.edges : g.edges.filter((e) => !(e.target === target && e.targetPort === port));
  return { ...g, edges: [...kept, { id, source, target, targetPort: port }] };
}

export function disconnect(g: Graph, ids: readonly string[]): Graph {
  const gone = new Set(ids);
  return { ...g, edges: g.edges.filter((e) => !gone.has(e.id)) };
}

export function setParams(g: Graph, id: string, params: Params): Graph {
  return { ...g, nodes: g.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, ...params } } : n)) };
}

export function moveNodes(g: Graph, positions: Record<string, XY>): Graph {
  return { ...g, nodes: g.nodes.map((n) => (positions[n.id] ? { ...n, position: { ...positions[n.id] } } : n)) };
}

export function renameNode(g: Graph, id: string, newId: string): Graph {
  if (id === newId) return g;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newId)) throw new Error(`'${newId}' is not a valid name: use letters, digits and _`);
  if (findNode(g, newId)) throw new Error(`a node named '${newId}' already exists`);
  const r = (x: string) => (x === id ? newId : x);
  return {
    nodes: g.nodes.map((n) => (n.id === id ? { ...n, id: newId } : n)),
    edges: g.edges.map((e) => (e.source === id || e.target === id
      ? { ...e, source: r(e.source), target: r(e.target), id: edgeId(r(e.source), r(e.target), e.targetPort) }
      : e)),
  };
}

/** Incoming edges of a node grouped by port, in edge order. */
export function incoming(g: Graph, id: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of g.edges) if (e.target === id) (out[e.targetPort] ??= []).push(e.source);
  return out;
}

/**
 * Nodes in dependency order (Kahn). `cyclic` lists the nodes that sit on or behind a cycle and
 * therefore have no order.
 */
export function topoOrder(g: Graph): { order: string[]; cyclic: string[] } {
  const indeg = new Map(g.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>();
  for (const e of g.edges) {
    if (!indeg.has(e.source) || !indeg.has(e.target)) continue;
    indeg.set(e.target, (indeg.get(e.target) ?? 0) + 1);
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e.target);
  }
  const queue = g.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const t of out.get(id) ?? []) {
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) queue.push(t);
    }
  }
  const done = new Set(order);
  return { order, cyclic: g.nodes.filter((n) => !done.has(n.id)).map((n) => n.id) };
}

/** Would a wire source -> target close a loop? (Is source reachable from target?) */
export function wouldCycle(g: Graph, source: string, target: string): boolean {
  if (source === target) return true;
  const seen = new Set<string>([target]);
  const stack = [target];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of g.edges) {
      if (e.source !== id || seen.has(e.target)) continue;
      if (e.target === source) return true;
      seen.add(e.target);
      stack.push(e.target);
    }
  }
  return false;
}
