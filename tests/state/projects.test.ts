// @vitest-environment jsdom
/**
 * Write-through and moving between projects, on fake-indexeddb: a change starts its write in the
 * same task, "saved" means stored, and nothing the user made is overwritten without a question.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { closeDb, openConnection, openDb } from '../../src/storage/db';
import { allProjects, getProject } from '../../src/storage/projects';
import { loadTemplate } from '../../src/core/project/templates';
import { startAutosave } from '../../src/state/autosave';
import { flush } from '../../src/state/persistence';
import { startProject } from '../../src/state/projects';
import { undo, useEditor, useGanvas } from '../../src/state/store';
import { bringIn } from '../../src/projects/incoming';
import { resetEditor } from './resetEditor';

const s = () => useEditor.getState();
let stop: () => void;

/** Resolves once the latest write has completed. */
const saved = () =>
  new Promise<void>((ok, fail) => {
    const check = (st = useGanvas.getState().saveStatus) => {
      if (st.status === 'saved') {
        un();
        ok();
      }
      if (st.status === 'error') {
        un();
        fail(new Error(st.error));
      }
    };
    const un = useGanvas.subscribe((st) => check(st.saveStatus));
    check();
  });
const stored = async () => JSON.parse((await getProject(useGanvas.getState().openProject!.id))!.text);
const units = (p: { graph: { nodes: { id: string; params: Record<string, unknown> }[] } }) =>
  p.graph.nodes.find((n) => n.id === 'g_dense')!.params.units;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  resetEditor();
  useGanvas.setState({ openProject: null, saveStatus: { status: 'idle' } });
  await openDb();
  await startProject(loadTemplate('dcgan-mnist'), { kind: 'template', id: 'dcgan-mnist', name: 'DCGAN (MNIST)' });
  stop = startAutosave();
});
afterEach(() => {
  stop();
  closeDb();
  useGanvas.setState({ whereQuestion: null });
});

describe('write-through', () => {
  test('a change starts its IndexedDB transaction in the same task, and "saved" comes only once it is stored', async () => {
    const tx = vi.spyOn(openConnection()!, 'transaction');
    s().setParam('g_dense', 'units', 64);
    expect(tx).toHaveBeenCalledTimes(1); // no timer, no await between the change and its write
    expect(useGanvas.getState().saveStatus.status).toBe('saving');
    await saved();
    expect(units(await stored())).toBe(64);
    expect(useGanvas.getState().openProject!.edited).toBe(true);
  });

  test('three changes in a row are all stored; the status says saved only after the last write', async () => {
    s().setParam('g_dense', 'units', 64);
    s().addBlock('dropout', 'generator', { x: 0, y: 900 });
    s().setDoc({ name: 'Three changes' });
    expect(useGanvas.getState().saveStatus.status).toBe('saving');
    await saved();
    const p = await stored();
    expect([units(p), p.graph.nodes.some((n: { id: string }) => n.id === 'g_dropout1'), p.name]).toEqual([
      64,
      true,
      'Three changes',
    ]);
    expect((await allProjects()).map((r) => r.name)).toEqual(['Three changes']);
  });

  test('a viewport change waits for a pause, and is written at once when the page hides', async () => {
    s().setViewport({ x: 12, y: 34, zoom: 0.5 });
    expect(useGanvas.getState().saveStatus.status).toBe('pending');
    await flush();
    expect((await stored()).viewport).toEqual({ x: 12, y: 34, zoom: 0.5 });
    expect(useGanvas.getState().openProject!.edited).toBe(false); // looking around is not an edit
  });
});

describe('projects coming in', () => {
  const ring = () => loadTemplate('gan-2d-ring');
  const ringOrigin = { kind: 'template', id: 'gan-2d-ring', name: '2-D ring' } as const;

  test('an untouched template copy is replaced without a question, in place, and one undo brings it back', async () => {
    const id = useGanvas.getState().openProject!.id;
    expect(await bringIn(ring(), ringOrigin, 'the template')).toBe('replace');
    await saved();
    expect(useGanvas.getState().openProject!.id).toBe(id);
    expect(s().doc.name).toBe(ring().name);
    undo();
    expect(s().doc.name).toBe('DCGAN (MNIST)');
    expect(await allProjects()).toHaveLength(1);
  });

  test('over edited work it asks: a new project keeps the old one exactly as it was', async () => {
    s().setParam('g_dense', 'units', 64);
    await saved();
    const old = useGanvas.getState().openProject!.id;
    const going = bringIn(ring(), ringOrigin, 'the template');
    expect(useGanvas.getState().whereQuestion).toMatchObject({ current: 'DCGAN (MNIST)' });
    useGanvas.getState().whereQuestion!.answer('new');
    expect(await going).toBe('new');
    await saved();
    expect(useGanvas.getState().openProject!.id).not.toBe(old);
    expect(units(JSON.parse((await getProject(old))!.text))).toBe(64);
    expect((await allProjects()).map((r) => r.name).sort()).toEqual([ring().name, 'DCGAN (MNIST)'].sort());
  });

  test('"replace" puts it into the open project as one undoable step; "cancel" changes nothing', async () => {
    s().setParam('g_dense', 'units', 64);
    const cancelled = bringIn(ring(), ringOrigin, 'the template');
    useGanvas.getState().whereQuestion!.answer('cancel');
    expect(await cancelled).toBe('cancel');
    expect(units(s().doc)).toBe(64);

    const replaced = bringIn(ring(), ringOrigin, 'the template');
    useGanvas.getState().whereQuestion!.answer('replace');
    expect(await replaced).toBe('replace');
    await saved();
    expect((await stored()).name).toBe(ring().name);
    undo();
    await saved();
    expect(units(await stored())).toBe(64);
    expect(await allProjects()).toHaveLength(1);
  });
});
