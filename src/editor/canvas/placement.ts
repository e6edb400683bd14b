/**
 * Where blocks may go, pure. A new block goes to the free spot nearest to where it was asked for: never
 * on top of another node (a covered port would turn a wire drag into a node move), and never where its
 * network's region would grow over the other network's. A drag that would make the regions overlap
 * (a generator block dragged into the discriminator's region) leaves the block at the nearest spot in
 * its own network's side instead: a block never changes network by being moved.
 */
import type { GraphNode, NetworkId, XY } from '../../core/graph/types';
import { intersects, NODE_SIZE, type Rect, type Sizes } from './geometry';
import { regionAround } from './regions';

/** Space kept free around a new node, and between the two regions. */
const NODE_MARGIN = 12;
const REGION_MARGIN = 8;
const STEP = 20;
const MAX_RINGS = 120;

const other = (n: NetworkId): NetworkId => (n === 'generator' ? 'discriminator' : 'generator');
const snap = (v: number) => Math.round(v / STEP) * STEP;

interface Scene {
  rects: Rect[];
  own: Rect[];
  others: Rect[];
}

function sceneOf(
  network: NetworkId,
  nodes: readonly GraphNode[],
  sizes: Sizes,
  positions: Record<string, XY>,
  ignore: ReadonlySet<string>,
): Scene {
  const scene: Scene = { rects: [], own: [], others: [] };
  for (const n of nodes) {
    if (ignore.has(n.id)) continue;
    const r = { ...(positions[n.id] ?? n.position), ...(sizes[n.id] ?? NODE_SIZE) };
    scene.rects.push(r);
    (n.network === network ? scene.own : scene.others).push(r);
  }
  return scene;
}

/**
 * True when a node at `c` covers no node and keeps its network's region clear of the other's. (When
 * the regions already overlap, e.g. in a file laid out by hand, the new node at least adds none.)
 */
function allowed(c: Rect, s: Scene): boolean {
  if (s.rects.some((r) => intersects(c, r, NODE_MARGIN))) return false;
  const theirs = regionAround(s.others);
  if (!theirs) return true;
  const ours = regionAround(s.own);
  if (ours && intersects(ours, theirs)) return !intersects(regionAround([c])!, theirs, REGION_MARGIN);
  return !intersects(regionAround([...s.own, c])!, theirs, REGION_MARGIN);
}

export interface PlaceRequest {
  network: NetworkId;
  /** Top-left corner asked for (where the block was dropped). */
  at: XY;
  nodes: readonly GraphNode[];
  sizes?: Sizes;
  /** Positions that override the nodes' own (a drag in progress). */
  positions?: Record<string, XY>;
  /** Nodes to leave out (the one being placed). */
  ignore?: ReadonlySet<string>;
  size?: { width: number; height: number };
}

/** The allowed spot nearest to `at` (on a 20 px grid). */
export function placeBlock(q: PlaceRequest): XY {
  const size = q.size ?? NODE_SIZE;
  const scene = sceneOf(q.network, q.nodes, q.sizes ?? {}, q.positions ?? {}, q.ignore ?? new Set());
  const cx = snap(q.at.x),
    cy = snap(q.at.y);
  let best: XY | undefined,
    bestD = Infinity;
  for (let k = 0; k <= MAX_RINGS; k++) {
    // Rings are squares: once a ring is farther than the best spot found, nothing beyond can be nearer.
    if (k * STEP > bestD) break;
    for (let i = -k; i <= k; i++) {
      for (const [dx, dy] of k === 0
        ? [[0, 0]]
        : [
            [i, -k],
            [i, k],
            [-k, i],
            [k, i],
          ]) {
        const p = { x: cx + dx * STEP, y: cy + dy * STEP };
        const d = Math.hypot(p.x - q.at.x, p.y - q.at.y);
        if (d < bestD && allowed({ ...p, ...size }, scene)) {
          best = p;
          bestD = d;
        }
      }
    }
  }
  if (best) return best;
  // Nothing near: to the right of the network's nodes, at the top of its region.
  const x1 = Math.max(0, ...scene.own.map((r) => r.x + r.width)),
    y0 = Math.min(...scene.own.map((r) => r.y), cy);
  return { x: snap(x1 + 40), y: snap(y0) };
}

export interface DragResolution {
  /** Final positions of the dragged nodes. */
  positions: Record<string, XY>;
  /** Dragged nodes that were kept on their own network's side. */
  kept: string[];
}

/**
 * The end of a drag: dragged nodes stay where they were dropped, unless that makes the two regions
 * overlap; then the nodes of the network that crossed over go to the nearest allowed spot instead.
 */
export function resolveDrag(nodes: readonly GraphNode[], sizes: Sizes, dragged: Record<string, XY>): DragResolution {
  const positions = { ...dragged };
  const kept: string[] = [];
  const overlapping = (pos: Record<string, XY>) => {
    const mine = (net: NetworkId) =>
      regionAround(
        nodes
          .filter((n) => n.network === net)
          .map((n) => ({ ...(pos[n.id] ?? n.position), ...(sizes[n.id] ?? NODE_SIZE) })),
      );
    const g = mine('generator'),
      d = mine('discriminator');
    return !!g && !!d && intersects(g, d);
  };
  // Regions that overlapped before the drag (a hand-made file) are not this drag's doing.
  if (!overlapping(positions) || overlapping({})) return { positions, kept };
  for (const net of ['generator', 'discriminator'] as const) {
    const movers = nodes.filter((n) => n.network === net && dragged[n.id]);
    if (!movers.length) continue;
    // The movers go back where they were, then each in turn as near to its drop as allowed.
    const settled: Record<string, XY> = { ...positions };
    for (const n of movers) delete settled[n.id];
    for (const n of movers) {
      // Movers not yet settled count at their old places (overlapping() falls back to them).
      if (!overlapping({ ...settled, [n.id]: dragged[n.id] })) {
        settled[n.id] = dragged[n.id];
        continue;
      }
      settled[n.id] = placeBlock({
        network: net,
        at: dragged[n.id],
        nodes,
        sizes,
        positions: settled,
        ignore: new Set([n.id]),
        size: sizes[n.id],
      });
      kept.push(n.id);
    }
    Object.assign(positions, settled);
    if (!overlapping(positions)) break;
  }
  return { positions, kept };
}

export { other as otherNetwork };
