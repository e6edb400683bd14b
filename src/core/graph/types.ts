import type { Params } from '../blocks/params';

export type NetworkId = 'generator' | 'discriminator';
export const NETWORKS: readonly NetworkId[] = ['generator', 'discriminator'];

export interface XY {
  x: number;
  y: number;
}

/** A block placed on the canvas. Its id is also its tfjs layer name, shown to the user (e.g. 'd_conv1'). */
export interface GraphNode {
  id: string;
  type: string;
  network: NetworkId;
  params: Params;
  position: XY;
}

/** A wire from a node's single output to one input port of another node. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  targetPort: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Something wrong (or suspicious) in the graph, pinned to the node, port or param it is about. */
export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  nodeId?: string;
  port?: string;
  param?: string;
  edgeId?: string;
}

export const edgeId = (source: string, target: string, port: string): string => `${source}->${target}:${port}`;
