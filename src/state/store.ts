/**
 * The page's one store, composed from slices (zustand's slices pattern). Each slice is declared in its own
 * file next to its owner, with its state and the actions that only set it; this file puts them together,
 * one line per slice, and adds the two middlewares that act on the whole state:
 *
 * - zundo's `temporal`: undo and redo track ONLY the editor's document (`doc`). Nothing else (selection,
 *   the run's figures, the doctor's findings, open dialogs) ever records a history step, and one user
 *   gesture is one `set` of `doc`, so one undo step.
 * - zustand's `persist`: ONLY the workspace preferences are remembered, in localStorage under the key and
 *   in the shape their own store used (`ganvas.workspace`: { state: { palette, inspector, dock, minimap },
 *   version: 0 }), so preferences saved before the one store still load. They are written only when they
 *   change, not on every `set` (the store changes many times a second while training).
 *
 * `useEditor`, `useTraining` and `useWorkspace` are not stores of their own: they are this same store
 * (`useGanvas`, the same object) typed as one slice, kept so that a component's selector reads as the
 * concept it is about. Slices whose keys would collide (a doctor's `step`, a dialog's `open`) keep their
 * state under one key of their own (`doctor`, `datasetsUi`, …); components select those from `useGanvas`.
 *
 * The training slice declares state only: its one writer is the trainer client (src/trainer/store.ts).
 */
import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import { temporal, type TemporalState } from 'zundo';
import { createEditorSlice, endCoalescing, undoneState, type EditorSlice, type UndoneState } from './editorSlice';
import { createOpenProjectSlice, type OpenProjectSlice } from './openProjectSlice';
import {
  createWorkspaceSlice,
  defaultPrefs,
  PREFS_KEY,
  prefsOf,
  type Prefs,
  type WorkspaceSlice,
} from '../editor/workspaceSlice';
import { createTrainingSlice, type TrainingState } from '../trainer/trainingSlice';
import { createDoctorSlice, type DoctorSlice } from '../doctor-ui/doctorSlice';
import { createTraceSlice, type TraceSlice } from '../training-ui/traceSlice';
import { createActivationHoverSlice, type ActivationHoverSlice } from '../training-ui/activationHoverSlice';
import { createProjectsSlice, type ProjectsSlice } from '../projects/projectsSlice';
import { createDatasetsSlice, type DatasetsSlice } from '../datasets-ui/datasetsSlice';

export type { Toast, ToastAction, ViewRequest, EditorSlice } from './editorSlice';

export type GanvasState = EditorSlice &
  OpenProjectSlice &
  WorkspaceSlice &
  TrainingState &
  DoctorSlice &
  TraceSlice &
  ActivationHoverSlice &
  ProjectsSlice &
  DatasetsSlice;

/** localStorage for the preferences, written only when what is stored would change (and never fatal). */
function prefsStorage(): PersistStorage<Prefs> {
  const local = typeof localStorage === 'undefined' ? undefined : localStorage;
  let last = local?.getItem(PREFS_KEY) ?? JSON.stringify({ state: defaultPrefs(), version: 0 });
  return {
    getItem: (name) => {
      const text = local?.getItem(name);
      return text ? JSON.parse(text) : null;
    },
    setItem: (name, value) => {
      const text = JSON.stringify(value);
      if (text === last) return;
      last = text;
      try {
        local?.setItem(name, text);
      } catch {
        // A preference that cannot be remembered (storage full or blocked) still applies in this tab.
      }
    },
    removeItem: (name) => local?.removeItem(name),
  };
}

type StoreArgs = Parameters<StateCreator<GanvasState, [['zustand/persist', unknown], ['temporal', unknown]], []>>;
/**
 * A slice's creator is typed against its own slice only (most live in folders that cannot name the whole
 * state). Handing it the store's set, get and api is sound because a slice sets only its own keys and
 * none replaces the whole state (`set(x, true)`); get() returns the whole state, which includes its slice.
 */
const slice = <S>(create: (...a: never[]) => S) => create as unknown as (...a: StoreArgs) => S;

const slices = (...a: StoreArgs): GanvasState => ({
  ...slice(createEditorSlice)(...a),
  ...slice(createOpenProjectSlice)(...a),
  ...slice(createWorkspaceSlice)(...a),
  ...slice(createTrainingSlice)(...a),
  ...slice(createDoctorSlice)(...a),
  ...slice(createTraceSlice)(...a),
  ...slice(createActivationHoverSlice)(...a),
  ...slice(createProjectsSlice)(...a),
  ...slice(createDatasetsSlice)(...a),
});

export const useGanvas = create<GanvasState>()(
  persist(
    temporal(
      slices,
      // Only the document is history; a change elsewhere (selection, viewport, training) records nothing.
      { partialize: undoneState, equality: (a, b) => a.doc === b.doc, limit: 200 },
    ),
    { name: PREFS_KEY, version: 0, storage: prefsStorage(), partialize: prefsOf },
  ),
);

/** The one store typed as one slice (the same object, not a store of its own). */
type SliceView<S> = UseBoundStore<StoreApi<S>>;
export const useEditor: SliceView<EditorSlice> & { temporal: StoreApi<TemporalState<UndoneState>> } = useGanvas;
export const useTraining: SliceView<TrainingState> = useGanvas;
export const useWorkspace: SliceView<WorkspaceSlice> = useGanvas;

const pruneSelection = () => {
  const { doc, selection } = useGanvas.getState();
  const ids = new Set(doc.graph.nodes.map((n) => n.id));
  if (selection.some((i) => !ids.has(i))) useGanvas.setState({ selection: selection.filter((i) => ids.has(i)) });
};

export function undo(): void {
  useGanvas.temporal.getState().undo();
  pruneSelection();
}
export function redo(): void {
  useGanvas.temporal.getState().redo();
  pruneSelection();
}
/** Forget the history (after restoring a session: there is nothing before it to go back to). */
export function clearHistory(): void {
  useGanvas.temporal.getState().clear();
  endCoalescing();
}
