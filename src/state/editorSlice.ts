/**
 * The editor's slice of the one store (src/state/store.ts): the document and how it is being edited.
 * `doc` (the project minus its viewport) is the undoable part, tracked by zundo; selection, viewport,
 * drag previews and measured sizes are not. Every document change is a single `set`, so one user
 * gesture (a drag, a paste, a multi-delete, a template load) is one undo step.
 */
import type { StateCreator, StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import * as ops from '../core/graph/ops';
import { canConnect, type Connectable } from '../core/validate/canConnect';
import { getBlock } from '../core/blocks';
import { datasetInfo } from '../core/datasets';
import type { NetworkId, XY } from '../core/graph/types';
import type { Params, ParamValue } from '../core/blocks/params';
import type { DatasetSpec, Project, TrainingConfig, Viewport } from '../core/project/types';
import { copyFragment, pasteFragment, type Fragment } from './clipboard';
import { defaultDoc, docOf, type Doc } from './document';

/** A message for the user; `action` is a button in it (e.g. Undo, Show projects). */
export interface Toast {
  seq: number;
  text: string;
  kind: 'info' | 'error';
  action?: ToastAction;
}
export interface ToastAction {
  label: string;
  run(): void;
}
/** A request to the canvas to show a viewport (or fit the view when absent). */
export interface ViewRequest {
  seq: number;
  viewport?: Viewport;
}

export interface EditorSlice {
  doc: Doc;
  viewport?: Viewport;
  viewRequest: ViewRequest;
  selection: string[];
  edgeSelection: string[];
  /** While a wire is being dragged: which target ports would accept it (`node:port` -> verdict). */
  connecting: { source: string; verdicts: Record<string, Connectable> } | null;
  /** Node positions while a drag is in progress; committed to the document once, on drop. */
  dragging: Record<string, XY> | null;
  /** Rendered node sizes, measured by React Flow (for regions, layout and centring). */
  sizes: Record<string, { width: number; height: number }>;
  clipboard: Fragment | null;
  toast: Toast | null;
  /** The document as last saved to (or opened from) a file: anything else is unsaved work. */
  savedDoc: Doc | null;

  loadProject(p: Project, message?: string): void;
  setDoc(patch: Partial<Doc>): void;
  setTraining(patch: Partial<TrainingConfig>): void;
  setDataset(spec: DatasetSpec): void;
  addBlock(type: string, network: NetworkId, position: XY): string;
  deleteNodes(ids: readonly string[]): void;
  deleteSelection(): void;
  connectWire(source: string, target: string, port: string): Connectable;
  disconnect(edgeIds: readonly string[]): void;
  setParam(id: string, key: string, value: ParamValue): void;
  rename(id: string, newId: string): string | null;
  select(ids: readonly string[], edgeIds?: readonly string[]): void;
  setConnecting(c: EditorSlice['connecting']): void;
  dragTo(positions: Record<string, XY>): void;
  endDrag(): void;
  moveNodes(positions: Record<string, XY>): void;
  setSizes(sizes: Record<string, { width: number; height: number }>): void;
  copySelection(): void;
  cutSelection(): void;
  paste(offset?: XY): void;
  duplicateSelection(): void;
  setViewport(v: Viewport): void;
  requestView(viewport?: Viewport): void;
  notify(text: string, kind?: Toast['kind'], action?: ToastAction): void;
  markSaved(): void;
}

let seq = 0;

/**
 * Typing "128" into a field is three changes but one edit: consecutive changes to the same field
 * within a second join the history step of the first. Any other document change ends the run.
 */
const COALESCE_MS = 1000;
let run: { key: string; at: number } | null = null;
let coalescing = false;
/** Ends a run of typing: the next change to any field starts a new history step. */
export const endCoalescing = (): void => {
  run = null;
};
function coalesced(temporal: StoreApi<TemporalState<UndoneState>>, key: string, apply: () => void): void {
  const now = Date.now();
  const t = temporal.getState();
  const join = run !== null && run.key === key && now - run.at < COALESCE_MS;
  coalescing = true;
  try {
    if (join) {
      t.pause();
      apply();
      t.resume();
    } else apply();
  } finally {
    coalescing = false;
  }
  run = { key, at: now };
}

/** What undo and redo restore: the document, nothing else. */
export type UndoneState = Pick<EditorSlice, 'doc'>;
export const undoneState = (s: EditorSlice): UndoneState => ({ doc: s.doc });

/**
 * The slice's creator, typed against the store's middlewares (zundo's `temporal` for the coalescing of
 * typed edits). Every slice's `set` merges into the one state; this one writes only its own keys.
 */
export const createEditorSlice: StateCreator<EditorSlice, [['temporal', unknown]], [], EditorSlice> = (
  set,
  get,
  api,
) => {
  const temporal = (api as unknown as { temporal: StoreApi<TemporalState<UndoneState>> }).temporal;
  // A document change that is not part of a typing run ends the run.
  api.subscribe((s, prev) => {
    if (s.doc !== prev.doc && !coalescing) run = null;
  });
  const graph = () => get().doc.graph;
  const setGraph = (g: Doc['graph']) => set((s) => ({ doc: { ...s.doc, graph: g } }));
  return {
    doc: defaultDoc(),
    viewRequest: { seq: 0 },
    selection: [],
    edgeSelection: [],
    connecting: null,
    dragging: null,
    sizes: {},
    clipboard: null,
    toast: null,
    savedDoc: null,

    loadProject: (p, message) => {
      set({
        doc: docOf(p),
        selection: [],
        edgeSelection: [],
        dragging: null,
        viewport: p.viewport,
        viewRequest: { seq: ++seq, viewport: p.viewport },
      });
      if (message) get().notify(message);
    },
    setDoc: (patch) =>
      coalesced(temporal, `doc:${Object.keys(patch).join()}`, () => set((s) => ({ doc: { ...s.doc, ...patch } }))),
    setTraining: (patch) =>
      coalesced(temporal, `training:${Object.keys(patch).join()}`, () =>
        set((s) => ({ doc: { ...s.doc, training: { ...s.doc.training, ...patch } } })),
      ),
    setDataset: (spec) => set((s) => ({ doc: { ...s.doc, dataset: spec } })),

    addBlock: (type, network, position) => {
      const block = getBlock(type);
      const net = block.network === 'either' ? network : block.network;
      const id = ops.freshId(graph(), type, net);
      set((s) => ({
        doc: { ...s.doc, graph: ops.addNode(s.doc.graph, { type, network: net, position, id }) },
        selection: [id],
      }));
      return id;
    },
    deleteNodes: (ids) => {
      if (!ids.length) return;
      const gone = new Set(ids);
      set((s) => ({
        doc: { ...s.doc, graph: ops.removeNodes(s.doc.graph, ids) },
        selection: s.selection.filter((i) => !gone.has(i)),
      }));
    },
    deleteSelection: () => {
      const { selection, edgeSelection } = get();
      if (!selection.length && !edgeSelection.length) return;
      const gone = new Set(selection);
      // Nodes and wires in one set: deleting a selection is one undo step.
      set((s) => ({
        doc: { ...s.doc, graph: ops.disconnect(ops.removeNodes(s.doc.graph, selection), edgeSelection) },
        selection: s.selection.filter((i) => !gone.has(i)),
        edgeSelection: [],
      }));
    },
    connectWire: (source, target, port) => {
      const verdict = canConnect(graph(), source, target, port, datasetInfo(get().doc.dataset));
      if (verdict.ok) setGraph(ops.connect(graph(), source, target, port));
      return verdict;
    },
    disconnect: (edgeIds) => {
      if (edgeIds.length) setGraph(ops.disconnect(graph(), edgeIds));
    },
    setParam: (id, key, value) =>
      coalesced(temporal, `param:${id}:${key}`, () => setGraph(ops.setParams(graph(), id, { [key]: value } as Params))),
    rename: (id, newId) => {
      try {
        const g = ops.renameNode(graph(), id, newId);
        set((s) => ({ doc: { ...s.doc, graph: g }, selection: s.selection.map((i) => (i === id ? newId : i)) }));
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    },
    select: (ids, edgeIds = []) => set({ selection: [...ids], edgeSelection: [...edgeIds] }),
    setConnecting: (c) => set({ connecting: c }),
    dragTo: (positions) => set((s) => ({ dragging: { ...(s.dragging ?? {}), ...positions } })),
    endDrag: () => {
      const moved = get().dragging;
      if (!moved) return;
      // A click without movement must not leave an empty step in the history.
      const changed = graph().nodes.some(
        (n) => moved[n.id] && (moved[n.id].x !== n.position.x || moved[n.id].y !== n.position.y),
      );
      if (!changed) return set({ dragging: null });
      set((s) => ({ dragging: null, doc: { ...s.doc, graph: ops.moveNodes(s.doc.graph, moved) } }));
    },
    moveNodes: (positions) => setGraph(ops.moveNodes(graph(), positions)),
    setSizes: (sizes) => set((s) => ({ sizes: { ...s.sizes, ...sizes } })),

    copySelection: () => {
      const { selection } = get();
      if (selection.length) set({ clipboard: copyFragment(graph(), selection) });
    },
    cutSelection: () => {
      get().copySelection();
      get().deleteSelection();
    },
    paste: (offset = { x: 40, y: 40 }) => {
      const clip = get().clipboard;
      if (!clip?.nodes.length) return;
      const { graph: g, ids } = pasteFragment(graph(), clip, offset);
      // The next paste lands a step further on, not on top of this one.
      const shifted = {
        ...clip,
        nodes: clip.nodes.map((n) => ({
          ...n,
          position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
        })),
      };
      set((s) => ({ doc: { ...s.doc, graph: g }, selection: ids, clipboard: shifted }));
    },
    duplicateSelection: () => {
      const { selection } = get();
      if (!selection.length) return;
      const { graph: g, ids } = pasteFragment(graph(), copyFragment(graph(), selection), { x: 40, y: 40 });
      set((s) => ({ doc: { ...s.doc, graph: g }, selection: ids }));
    },

    setViewport: (v) => set({ viewport: v }),
    requestView: (viewport) => set({ viewRequest: { seq: ++seq, viewport } }),
    notify: (text, kind = 'info', action) => set({ toast: { seq: ++seq, text, kind, ...(action ? { action } : {}) } }),
    markSaved: () => set((s) => ({ savedDoc: s.doc })),
  };
};
