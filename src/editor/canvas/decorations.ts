/**
 * What features draw on a node, handed to the canvas by the app shell. The editor knows the places on
 * a node (the activation slot in its corner, badges over its edge, lines in its hover card) but not what
 * fills them: training draws the live tile and the gradient norm, the doctor its badge. So the editor
 * imports no feature folder, and a feature adds a decoration in src/app/features.tsx, not here.
 */
import { createContext, useContext, type ComponentType } from 'react';

/** A decoration is a component of the node's id; it draws nothing until it has something to show. */
export type NodeDecoration = ComponentType<{ nodeId: string }>;

export interface NodeDecorations {
  /** In the node's corner slot, which keeps its size while empty (e.g. the live activation tile). */
  corner?: NodeDecoration;
  /** Over the node's top edge (e.g. the GAN doctor's badge). */
  badges?: readonly NodeDecoration[];
  /** Lines of the hover card, after the parameter counts (e.g. the layer's gradient norm). */
  details?: readonly NodeDecoration[];
}

/** None: the bare editor (unit tests, a canvas without training). */
export const NO_DECORATIONS: NodeDecorations = {};

export const NodeDecorationsContext = createContext<NodeDecorations>(NO_DECORATIONS);

export const useNodeDecorations = (): NodeDecorations => useContext(NodeDecorationsContext);
