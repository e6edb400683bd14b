/**
 * Pure edit operations. Each returns a new Graph and never mutates its argument, so the editor's
 * undo history can keep old graphs by reference.
 */
import { getBlock } from '../blocks';
import { withDefaults, type Params } from '../blocks/params';
import { idError } from './ids';
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
  const bad = idError(id);
  if (bad) throw new Error(bad);
  if (findNode(g, id)) throw new Error(`a node named '${id}' already exists`);
  const node: GraphNode = {
    id,
    type: spec.type,
    network: spec.network,
    params: withDefaults(block.params, spec.params),
    position: spec.position ?? { x: 0, y: 0 },
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
  return {
    ...g,
    nodes: g.nodes.map((n) => (Object.hasOwn(positions, n.id) ? { ...n, position: { ...positions[n.id] } } : n)),
  };
}

export function renameNode(g: Graph, id: string, newId: string): Graph {
  if (id === newId) return g;
  const bad = idError(newId);
  if (bad) throw new Error(bad);
  if (findNode(g, newId)) throw new Error(`a node named '${newId}' already exists`);
  const r = (x: string) => (x === id ? newId : x);
  return {
    nodes: g.nodes.map((n) => (n.id === id ? { ...n, id: newId } : n)),
    edges: g.edges.map((e) =>
      e.source === id || e.target === id
        ? { ...e, source: r(e.source), target: r(e.target), id: edgeId(r(e.source), r(e.target), e.targetPort) }
        : e,
    ),
  };
}

/** Incoming edges of a node grouped by port, in edge order. */
export function incoming(g: Graph, id: string): Record<string, string[]> {
  // Keyed by port names, which a file supplies: no prototype to find `constructor` or `__proto__` in.
  const out: Record<string, string[]> = Object.create(null);
  for (const e of g.edges) {
    if (e.target !== id) continue;
    out[e.targetPort] ??= [];
    out[e.targetPort].push(e.source);
  }
  return out;
}

/**
 * Nodes in dependency order (Kahn). `cyclic` lists the nodes that sit on or behind a cycle and
 * therefore have no order; `findCycles` says which of them are on one.
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

/** One loop of the graph: the nodes that reach each other (graph order), and one way round through the first. */
export interface Cycle {
  members: string[];
  loop: string[];
}

/**
 * The graph's loops: its strongly connected groups of nodes that loop (Tarjan's algorithm, with an
 * explicit stack so a long chain cannot overflow the call stack). Nodes merely downstream of a loop
 * are not in any: they have no order because of the loop, but they are not on it.
 */
export function findCycles(g: Graph): Cycle[] {
  const known = new Set(g.nodes.map((n) => n.id));
  const succ = new Map<string, string[]>();
  for (const e of g.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    (succ.get(e.source) ?? succ.set(e.source, []).get(e.source)!).push(e.target);
  }
  const index = new Map<string, number>(),
    low = new Map<string, number>();
  const onStack = new Set<string>(),
    stack: string[] = [],
    groups: string[][] = [];
  let counter = 0;
  for (const n of g.nodes) {
    if (index.has(n.id)) continue;
    const work: [string, number][] = [[n.id, 0]];
    index.set(n.id, counter);
    low.set(n.id, counter++);
    stack.push(n.id);
    onStack.add(n.id);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const next = succ.get(v) ?? [];
      if (i < next.length) {
        frame[1]++;
        const w = next[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1][0];
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
      }
      if (low.get(v) !== index.get(v)) continue;
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (succ.get(v) ?? []).includes(v)) groups.push(group);
    }
  }
  const order = new Map(g.nodes.map((n, i) => [n.id, i]));
  return groups
    .map((group) => group.sort((a, b) => order.get(a)! - order.get(b)!))
    .sort((a, b) => order.get(a[0])! - order.get(b[0])!)
    .map((members) => ({ members, loop: loopThrough(members[0], new Set(members), succ) }));
}

/** The shortest way round from `start` back to it inside `members` (breadth-first), as [start, ..., start]. */
function loopThrough(start: string, members: Set<string>, succ: Map<string, string[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of succ.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = parent.get(x)!) path.push(x);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
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
