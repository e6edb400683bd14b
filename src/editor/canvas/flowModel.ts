/**
 * Document + validation -> what React Flow draws. Pure, so the mapping is testable without a DOM:
 * two region nodes behind everything, one `block` node per graph node, one edge per wire labelled
 * with the shape it carries, and the fixed "fake samples" edge from G's output to D's input.
 */
import type { Edge, Node } from '@xyflow/react';
import { getBlock, hasBlock } from '../../core/blocks';
import type { Graph, GraphNode, NetworkId, Problem, XY } from '../../core/graph/types';
import type { NodeInfo } from '../../core/shapes/infer';
import type { Validation } from '../../core/validate/validate';
import { problemsByNode } from '../../state/validation';
import { compact, shapeText } from '../../ui/format';
import { nodeRects, regionRects, type Sizes } from './regions';
import type { Rect } from './geometry';

export interface BlockNodeData extends Record<string, unknown> {
  node: GraphNode;
  info?: NodeInfo;
  problems: Problem[];
}
export interface RegionNodeData extends Record<string, unknown> {
  network: NetworkId;
  label: string;
  totals: string;
}

export type BlockFlowNode = Node<BlockNodeData, 'block'>;
export type RegionFlowNode = Node<RegionNodeData, 'region'>;
export type FlowNode = BlockFlowNode | RegionFlowNode;

export const FAKE_EDGE_ID = 'fake-samples';
export const FAKE_HANDLE = 'fake';
const REGION_LABEL: Record<NetworkId, string> = { generator: 'Generator', discriminator: 'Discriminator' };

export interface FlowInput {
  graph: Graph;
  validation: Validation;
  selection: readonly string[];
  edgeSelection: readonly string[];
  dragging: Record<string, XY> | null;
  sizes: Sizes;
}

export function toFlowNodes({ graph, validation, selection, dragging, sizes }: FlowInput): FlowNode[] {
  const selected = new Set(selection);
  const byNode = problemsByNode(validation.problems);
  const rects = regionRects(graph.nodes, sizes, dragging ?? {});
  const regions: RegionFlowNode[] = (['generator', 'discriminator'] as const).map((net) => ({
    id: `region-${net}`,
    type: 'region',
    position: { x: rects[net].x, y: rects[net].y },
    width: rects[net].width,
    height: rects[net].height,
    data: {
      network: net,
      label: REGION_LABEL[net],
      totals: `${compact(validation.totals[net].params)} params · ${compact(validation.totals[net].macs)} MACs`,
    },
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    deletable: false,
    zIndex: -1,
    style: { pointerEvents: 'none' },
  }));
  const blocks: BlockFlowNode[] = graph.nodes.map((n) => ({
    id: n.id,
    type: 'block',
    position: dragging?.[n.id] ?? n.position,
    selected: selected.has(n.id),
    deletable: false,
    data: { node: n, info: validation.nodes[n.id], problems: byNode.get(n.id) ?? [] },
  }));
  return [...regions, ...blocks];
}

/**
 * A wire that runs backwards (a lane wrapped into rows, or the fake samples from G's last node to D's
 * first) is drawn as right angles through the gap below its source, not as a curve under the nodes
 * between its ends. `WrapEdge` draws it at `centerY`.
 */
function routeOf(s: Rect | undefined, t: Rect | undefined): Pick<Edge, 'type' | 'data'> {
  if (!s || !t || t.x > s.x + s.width || t.y < s.y + s.height) return {};
  return { type: 'wrap', data: { centerY: (s.y + s.height + t.y) / 2 } };
}

export function toFlowEdges({ graph, validation, edgeSelection, dragging, sizes }: FlowInput): Edge[] {
  const selected = new Set(edgeSelection);
  const rects = nodeRects(graph.nodes, sizes, dragging ?? {});
  const bad = new Set(validation.problems.filter((p) => p.severity === 'error' && p.edgeId).map((p) => p.edgeId));
  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: 'y',
    targetHandle: e.targetPort,
    label: shapeText(validation.nodes[e.source]?.shape),
    selected: selected.has(e.id),
    deletable: false,
    className: bad.has(e.id) ? 'edge-error' : undefined,
    labelBgPadding: [4, 2] as [number, number],
    labelBgBorderRadius: 3,
    ...routeOf(rects.get(e.source), rects.get(e.target)),
  }));
  const role = (n: GraphNode) => (hasBlock(n.type) ? getBlock(n.type) : undefined);
  const gOut = graph.nodes.find((n) => n.network === 'generator' && role(n)?.outputRole === 'generated');
  const dIn = graph.nodes.find((n) => n.network === 'discriminator' && role(n)?.inputRole === 'data');
  if (gOut && dIn) {
    edges.push({
      id: FAKE_EDGE_ID,
      source: gOut.id,
      target: dIn.id,
      sourceHandle: FAKE_HANDLE,
      targetHandle: FAKE_HANDLE,
      // Dashed, not `animated`: React Flow's dash animation repaints the canvas every frame, which costs
      // the main thread ~25% of its time on a software renderer, during training too.
      label: `fake samples ${shapeText(validation.nodes[gOut.id]?.shape)}`,
      animated: false,
      selectable: false,
      deletable: false,
      focusable: false,
      className: 'edge-fake',
      zIndex: 0,
      ...routeOf(rects.get(gOut.id), rects.get(dIn.id)),
    });
  }
  return edges;
}
