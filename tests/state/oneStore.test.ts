// @vitest-environment jsdom
/**
 * What the slices pattern promises (issue 16): the page has one store; undo tracks only the editor's
 * document, whatever else changes; only the workspace preferences are persisted, under the key and in the
 * shape their former own store used, so preferences users saved before still load.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { undo, useEditor, useGanvas, useTraining, useWorkspace } from '../../src/state/store';
import { applyEvent, initialTraining } from '../../src/trainer/store';
import { createEditorSlice } from '../../src/state/editorSlice';
import { createOpenProjectSlice } from '../../src/state/openProjectSlice';
import { createWorkspaceSlice } from '../../src/editor/workspaceSlice';
import { createTrainingSlice } from '../../src/trainer/trainingSlice';
import { createDoctorSlice, emptyDoctor } from '../../src/doctor-ui/doctorSlice';
import { createTraceSlice } from '../../src/training-ui/traceSlice';
import { createActivationHoverSlice } from '../../src/training-ui/activationHoverSlice';
import { createProjectsSlice } from '../../src/projects/projectsSlice';
import { createDatasetsSlice } from '../../src/datasets-ui/datasetsSlice';
import { showProjectsList, hideProjectsList } from '../../src/projects/ui';
import { history, resetEditor } from './resetEditor';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sourceFiles } from '../architecture/layers';

const PREFS_KEY = 'ganvas.workspace';

beforeEach(() => {
  resetEditor();
  useTraining.setState(initialTraining());
  useGanvas.setState({ doctor: emptyDoctor(), traceSample: 0, layerView: false });
});
afterEach(() => vi.restoreAllMocks());

describe('one store', () => {
  test('the named hooks are the same store instance, not stores of their own', () => {
    expect(useEditor).toBe(useGanvas);
    expect(useTraining).toBe(useGanvas);
    expect(useWorkspace).toBe(useGanvas);
    useTraining.setState({ status: 'running' });
    expect(useGanvas.getState().status).toBe('running');
    expect(useEditor.getState()).toBe(useWorkspace.getState());
  });

  test('no file but src/state/store.ts creates a zustand store', () => {
    const creating = sourceFiles('src').filter((f) =>
      /import\s*\{[^}]*\bcreate(Store)?\b[^}]*\}\s*from\s*'zustand(\/vanilla)?'/.test(
        readFileSync(join(ROOT, f), 'utf8'),
      ),
    );
    expect(creating).toEqual(['src/state/store.ts']);
  });

  test("every slice contributes its own keys: none shadows another's", () => {
    const api = { subscribe: () => () => {}, getState: () => ({}), setState: () => {} };
    const creators = [
      createEditorSlice,
      createOpenProjectSlice,
      createWorkspaceSlice,
      createTrainingSlice,
      createDoctorSlice,
      createTraceSlice,
      createActivationHoverSlice,
      createProjectsSlice,
      createDatasetsSlice,
    ];
    const keys = creators.map((c) =>
      Object.keys(
        (c as (...a: unknown[]) => object)(
          () => {},
          () => ({}),
          api,
        ),
      ),
    );
    const all = keys.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(Object.keys(useGanvas.getInitialState())));
  });
});

describe('undo tracks only the document', () => {
  test('training, selection, doctor, dialogs and preferences add no undo step; an edit adds one', () => {
    useEditor.getState().setParam('g_dense', 'units', 64);
    expect(history().pastStates).toHaveLength(1);

    useEditor.getState().select(['g_dense']);
    useTraining.setState({ status: 'running' });
    applyEvent({ type: 'status', status: 'paused', step: 7 });
    useGanvas.setState({ doctor: { ...emptyDoctor(), step: 7 }, traceSample: 3, layerView: true });
    useWorkspace.getState().setPrefs({ minimap: true });
    showProjectsList();
    hideProjectsList();
    useWorkspace.setState({ canvasWidth: 900 });
    expect(history().pastStates).toHaveLength(1);
    // What history holds is the document and nothing else.
    expect(history().pastStates.every((p) => Object.keys(p).join() === 'doc')).toBe(true);

    undo();
    const units = useEditor.getState().doc.graph.nodes.find((n) => n.id === 'g_dense')!.params.units;
    expect(units).not.toBe(64);
    // Undo put back the document only: the run and the preferences stay as they are.
    expect(useTraining.getState()).toMatchObject({ status: 'paused', step: 7 });
    expect(useWorkspace.getState().minimap).toBe(true);
    expect(useGanvas.getState().traceSample).toBe(3);
  });
});

describe('only the workspace preferences are persisted', () => {
  test('under ganvas.workspace, as { state: prefs, version: 0 }, and not rewritten by other changes', () => {
    useWorkspace.getState().setPrefs({ palette: false, dock: true, inspector: undefined, minimap: undefined });
    const stored = JSON.parse(localStorage.getItem(PREFS_KEY)!);
    expect(stored).toEqual({ state: { palette: false, dock: true }, version: 0 });
    expect(Object.keys(localStorage)).toEqual([PREFS_KEY]);

    const write = vi.spyOn(Storage.prototype, 'setItem');
    useEditor.getState().setParam('g_dense', 'units', 32);
    useEditor.getState().select(['g_dense']);
    applyEvent({ type: 'status', status: 'running', step: 1 });
    useWorkspace.setState({ canvasWidth: 1234 });
    expect(write).not.toHaveBeenCalled();

    useWorkspace.getState().setPrefs({ minimap: false });
    expect(write).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(PREFS_KEY)!)).toEqual({
      state: { palette: false, dock: true, minimap: false },
      version: 0,
    });
  });

  test('preferences saved by the former workspace store load into the one store', async () => {
    localStorage.setItem(
      PREFS_KEY,
      JSON.stringify({ state: { palette: false, inspector: true, dock: false, minimap: true }, version: 0 }),
    );
    vi.resetModules();
    const fresh = await import('../../src/state/store');
    expect(fresh.useWorkspace.getState()).toMatchObject({
      palette: false,
      inspector: true,
      dock: false,
      minimap: true,
    });
    // Nothing else came from storage: the document is the default one, the run idle.
    expect(fresh.useGanvas.getState().status).toBe('idle');
    expect(fresh.useGanvas.temporal.getState().pastStates).toHaveLength(0);
  });
});
