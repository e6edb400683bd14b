/**
 * The React Flow canvas, fully controlled by the store: React Flow reports gestures, the store
 * decides. Drags are previewed outside the document and committed once on drop (one undo step).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import {
  Background,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../../state/store';
import { useDataInfo, useValidation } from '../../state/validation';
import { BLOCK_MIME } from '../palette/searchBlocks';
import { BlockNode } from './BlockNode';
import { RegionNode } from './RegionNode';
import { ConnectionHint } from './ConnectionHint';
import { QuickInsert } from './QuickInsert';
import { orient, verdict, verdictsFrom } from './connectionVerdict';
import { toFlowEdges, toFlowNodes, type FlowNode } from './flowModel';
import { WrapEdge } from './WrapEdge';
import { insertBlockAt, keptMessage } from './insertBlock';
import { resolveDrag } from './placement';
import type { XY } from '../../core/graph/types';
import { MINIMAP, readableFit } from '../templateView';
import { minimapOn, useWorkspace } from '../workspacePrefs';
import { NO_DECORATIONS, NodeDecorationsContext, type NodeDecorations } from './decorations';

const minimapColor = (n: FlowNode): string => {
  if (n.type === 'region') return n.data.network === 'generator' ? 'rgba(124,92,214,0.12)' : 'rgba(27,154,143,0.12)';
  if (n.data.problems.some((p) => p.severity === 'error')) return '#d93a3a';
  return n.data.node.network === 'generator' ? '#7c5cd6' : '#1b9a8f';
};
const nodeTypes = { block: BlockNode, region: RegionNode };
const edgeTypes = { wrap: WrapEdge };
const GRID: [number, number] = [10, 10];

/** Ends a drag: blocks dragged over to the other network's side are kept on their own (one undo step). */
function endDrag(): void {
  const s = useEditor.getState();
  if (s.dragging) {
    const { positions, kept } = resolveDrag(s.doc.graph.nodes, s.sizes, s.dragging);
    if (kept.length) {
      s.dragTo(positions);
      const net = s.doc.graph.nodes.find((n) => n.id === kept[0])!.network;
      s.notify(keptMessage(kept, net));
    }
  }
  useEditor.getState().endDrag();
}

/** Publishes the canvas's width as panels open and fold (the minimap shows by default on wide canvases only). */
function useTrackWidth(el: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const e = el.current;
    if (!e) return;
    const ro = new ResizeObserver(([entry]) => useWorkspace.setState({ canvasWidth: entry.contentRect.width }));
    ro.observe(e);
    return () => ro.disconnect();
  }, [el]);
}

export interface CanvasProps {
  onFileDrop?(file: File): void;
  /** What features draw on the nodes (from the app shell); keep it one constant object, or every node re-renders. */
  decorations?: NodeDecorations;
}

export function Canvas({ onFileDrop, decorations = NO_DECORATIONS }: CanvasProps) {
  const input = useEditor(
    useShallow((s) => ({
      graph: s.doc.graph,
      selection: s.selection,
      edgeSelection: s.edgeSelection,
      dragging: s.dragging,
      sizes: s.sizes,
    })),
  );
  const validation = useValidation();
  const data = useDataInfo();
  const rf = useReactFlow<FlowNode, Edge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [quick, setQuick] = useState<{ screen: XY; flow: XY } | null>(null);
  useTrackWidth(wrapper);
  const minimap = minimapOn(
    useWorkspace((s) => s.minimap),
    useWorkspace((s) => s.canvasWidth),
  );

  const nodes = useMemo(() => toFlowNodes({ ...input, validation }), [input, validation]);
  const edges = useMemo(() => toFlowEdges({ ...input, validation }), [input, validation]);

  // Show a project's saved viewport, or fit the view, whenever a project is loaded or asked for.
  const viewRequest = useEditor((s) => s.viewRequest);
  useEffect(() => {
    if (viewRequest.seq === 0) return;
    if (viewRequest.viewport) void rf.setViewport(viewRequest.viewport);
    else readableFit(rf, wrapper.current?.getBoundingClientRect() ?? { width: 800, height: 600 });
  }, [viewRequest, rf]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const s = useEditor.getState();
    const sizes: Record<string, { width: number; height: number }> = {};
    const moved: Record<string, XY> = {};
    let sel: Set<string> | null = null;
    for (const c of changes) {
      if ('id' in c && c.id.startsWith('region-')) continue;
      if (c.type === 'dimensions' && c.dimensions) {
        const old = s.sizes[c.id];
        if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) sizes[c.id] = c.dimensions;
      } else if (c.type === 'position' && c.position && c.dragging) {
        moved[c.id] = c.position;
      } else if (c.type === 'select') {
        sel ??= new Set(s.selection);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
    }
    if (Object.keys(sizes).length) s.setSizes(sizes);
    if (Object.keys(moved).length) s.dragTo(moved);
    if (sel) s.select([...sel], s.edgeSelection);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<Edge>[]) => {
    const s = useEditor.getState();
    const sel = new Set(s.edgeSelection);
    let touched = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      touched = true;
      if (c.selected) sel.add(c.id);
      else sel.delete(c.id);
    }
    if (touched) s.select(s.selection, [...sel]);
  }, []);

  const isValidConnection: IsValidConnection<Edge> = useCallback(
    (c) => verdict(useEditor.getState().doc.graph, c, data).ok,
    [data],
  );

  const onConnect = useCallback((c: Connection) => {
    const s = useEditor.getState();
    const v = s.connectWire(c.source, c.target, c.targetHandle ?? 'x');
    if (!v.ok) s.notify(v.reason, 'error');
  }, []);

  const onConnectStart = useCallback(
    (_: unknown, p: { nodeId: string | null; handleType: 'source' | 'target' | null }) => {
      const s = useEditor.getState();
      if (p.nodeId && p.handleType === 'source')
        s.setConnecting({ source: p.nodeId, verdicts: verdictsFrom(s.doc.graph, p.nodeId, data) });
    },
    [data],
  );

  const onConnectEnd = useCallback(
    (_: unknown, st: FinalConnectionState) => {
      const s = useEditor.getState();
      s.setConnecting(null);
      if (st.isValid === false && st.toHandle && st.fromHandle) {
        const v = verdict(s.doc.graph, orient(st.fromHandle, st.toHandle), data);
        if (!v.ok) s.notify(`Refused: ${v.reason}`, 'error');
      }
    },
    [data],
  );

  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(BLOCK_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    } else if (e.dataTransfer.types.includes('Files')) e.preventDefault();
  };
  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(BLOCK_MIME);
    e.preventDefault();
    if (type) {
      insertBlockAt(type, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    } else if (e.dataTransfer.files[0]) onFileDrop?.(e.dataTransfer.files[0]);
  };
  const onDoubleClick = (e: MouseEvent) => {
    if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
    const box = wrapper.current!.getBoundingClientRect();
    setQuick({
      screen: { x: e.clientX - box.left, y: e.clientY - box.top },
      flow: rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }),
    });
  };

  return (
    <div className="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onDoubleClick={onDoubleClick}>
      <NodeDecorationsContext.Provider value={decorations}>
        <ReactFlow<FlowNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={endDrag}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onMoveEnd={(_, v) => useEditor.getState().setViewport(v)}
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          snapToGrid
          snapGrid={GRID}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          selectionKeyCode="Shift"
          minZoom={0.1}
          maxZoom={2}
          connectionRadius={24}
          attributionPosition="top-right"
          disableKeyboardA11y
        >
          <Background gap={20} size={1} />
          {/* Fits leave the minimap's corner free (templateView's overlayInsets); zoom is in the toolbar. */}
          {minimap && (
            <MiniMap
              pannable
              zoomable
              nodeColor={minimapColor}
              nodeStrokeWidth={0}
              style={{ width: MINIMAP.width, height: MINIMAP.height }}
              ariaLabel="Overview"
            />
          )}
        </ReactFlow>
      </NodeDecorationsContext.Provider>
      <ConnectionHint container={wrapper.current} />
      {quick && (
        <QuickInsert
          at={quick.screen}
          onClose={() => setQuick(null)}
          onPick={(type) => {
            insertBlockAt(type, quick.flow);
            setQuick(null);
          }}
        />
      )}
    </div>
  );
}
