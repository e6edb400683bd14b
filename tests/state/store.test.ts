import { beforeEach, describe, expect, test } from 'vitest';
import { loadTemplate } from '../../src/core/project/templates';
import { redo, undo, useEditor } from '../../src/state/store';
import { history, ids, nodeById, resetEditor } from './resetEditor';

const s = () => useEditor.getState();
beforeEach(resetEditor);

describe('undo grouping', () => {
  test('a drag of three nodes is undone in one step', () => {
    const before = ['z', 'g_dense', 'g_bn1'].map((id) => ({ ...nodeById(id)!.position }));
    // React Flow reports many intermediate positions during one drag.
    for (let i = 1; i <= 10; i++)
      s().dragTo({ z: { x: i, y: i }, g_dense: { x: 200 + i, y: i }, g_bn1: { x: 400 + i, y: i } });
    s().endDrag();
    expect(nodeById('g_bn1')!.position).toEqual({ x: 410, y: 10 });
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(['z', 'g_dense', 'g_bn1'].map((id) => nodeById(id)!.position)).toEqual(before);
  });

  test('positions previewed during a drag are not in the document until the drop', () => {
    s().dragTo({ z: { x: 999, y: 999 } });
    expect(nodeById('z')!.position).not.toEqual({ x: 999, y: 999 });
    expect(history().pastStates).toHaveLength(0);
  });

  test('a click without movement leaves no empty step in the history', () => {
    const p = nodeById('z')!.position;
    s().dragTo({ z: { ...p } });
    s().endDrag();
    expect(history().pastStates).toHaveLength(0);
  });

  test('a paste is undone in one step and keeps the wires between the pasted nodes', () => {
    s().select(['g_dense', 'g_bn1', 'g_lrelu1']);
    s().copySelection();
    s().paste();
    const g = s().doc.graph;
    // Fresh names keep the stem and take the next free number.
    expect(s().selection).toEqual(['g_dense2', 'g_bn4', 'g_lrelu4']);
    const pasted = new Set(s().selection);
    expect(pasted.size).toBe(3);
    const internal = g.edges.filter((e) => pasted.has(e.source) && pasted.has(e.target));
    expect(internal).toHaveLength(2);
    expect(g.edges.filter((e) => pasted.has(e.target) && !pasted.has(e.source))).toHaveLength(0);
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(ids().some((id) => pasted.has(id))).toBe(false);
  });

  test('a template load is undone in one step', () => {
    s().setParam('g_dense', 'units', 64);
    s().loadProject(loadTemplate('gan-2d-ring'));
    expect(ids()).not.toContain('g_reshape');
    undo();
    expect(nodeById('g_dense')!.params.units).toBe(64);
    expect(history().pastStates).toHaveLength(1);
  });

  test('deleting several nodes is undone in one step', () => {
    const edgeCount = s().doc.graph.edges.length;
    s().select(['g_bn1', 'g_bn2', 'g_bn3', 'd_drop1']);
    s().deleteSelection();
    expect(ids()).not.toContain('g_bn2');
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(ids()).toEqual(expect.arrayContaining(['g_bn1', 'g_bn2', 'g_bn3', 'd_drop1']));
    expect(s().doc.graph.edges).toHaveLength(edgeCount);
  });

  test('selection, viewport and measured sizes record no history', () => {
    s().select(['z']);
    s().setViewport({ x: 1, y: 2, zoom: 0.5 });
    s().setSizes({ z: { width: 10, height: 10 } });
    expect(history().pastStates).toHaveLength(0);
  });

  test('typing a number digit by digit is undone in one step', () => {
    for (const v of [1, 12, 128]) s().setParam('d_conv1', 'filters', v);
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(nodeById('d_conv1')!.params.filters).toBe(64);
  });

  test('edits to two different fields are two steps', () => {
    s().setParam('d_conv1', 'filters', 32);
    s().setParam('d_conv1', 'kernelSize', 3);
    s().setParam('d_conv1', 'filters', 16);
    expect(history().pastStates).toHaveLength(3);
  });

  test('redo reapplies an undone param change', () => {
    s().setParam('d_conv1', 'filters', 32);
    undo();
    expect(nodeById('d_conv1')!.params.filters).toBe(64);
    redo();
    expect(nodeById('d_conv1')!.params.filters).toBe(32);
  });

  test('undoing an insert drops the vanished node from the selection', () => {
    const id = s().addBlock('dense', 'generator', { x: 0, y: 0 });
    expect(s().selection).toEqual([id]);
    undo();
    expect(s().selection).toEqual([]);
  });
});

describe('editing', () => {
  test('a block is added to the network it is dropped in, unless it belongs to the other', () => {
    expect(nodeById(s().addBlock('dense', 'discriminator', { x: 0, y: 0 }))!.network).toBe('discriminator');
    expect(nodeById(s().addBlock('realFakeHead', 'generator', { x: 0, y: 0 }))!.network).toBe('discriminator');
  });

  test('a refused wire changes nothing and says why', () => {
    const before = s().doc;
    const v = s().connectWire('z', 'g_deconv1', 'x');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/expects a 4-D input/);
    expect(s().doc).toBe(before);
  });

  test('a wire across networks is refused', () => {
    const v = s().connectWire('g_dense', 'd_dense', 'x');
    expect(v.ok).toBe(false);
  });

  test('renaming a node keeps its wires and its selection', () => {
    s().select(['g_dense']);
    expect(s().rename('g_dense', 'g_project')).toBeNull();
    expect(s().selection).toEqual(['g_project']);
    expect(s().doc.graph.edges.some((e) => e.source === 'g_project' && e.target === 'g_bn1')).toBe(true);
    expect(s().rename('g_project', 'z')).toMatch(/already exists/);
  });

  test('cut removes the selection and paste brings it back under fresh names', () => {
    s().select(['d_drop1']);
    s().cutSelection();
    expect(ids()).not.toContain('d_drop1');
    s().paste();
    expect(s().selection).toEqual(['d_drop3']);
    expect(nodeById('d_drop3')!.type).toBe('dropout');
  });

  test('pasting twice cascades the copies instead of stacking them', () => {
    s().select(['z']);
    s().copySelection();
    s().paste();
    s().paste();
    const z = nodeById('z')!.position;
    expect(nodeById('z2')!.position).toEqual({ x: z.x + 40, y: z.y + 40 });
    expect(nodeById('z3')!.position).toEqual({ x: z.x + 80, y: z.y + 80 });
  });

  test('deleting a selected wire disconnects it', () => {
    s().select([], ['g_dense->g_bn1:x']);
    s().deleteSelection();
    expect(s().doc.graph.edges.some((e) => e.id === 'g_dense->g_bn1:x')).toBe(false);
  });
});
