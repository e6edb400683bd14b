// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/editor/inspector/Inspector';
import { validationOf } from '../../src/state/validation';
import { undo, useEditor } from '../../src/state/store';
import { nodeById, resetEditor } from '../state/resetEditor';

beforeEach(resetEditor);
afterEach(cleanup);

const shape = (id: string) => validationOf(useEditor.getState().doc).nodes[id].shape;
const select = (id: string) => act(() => useEditor.getState().select([id]));

test("the selected node's params are widgets generated from its schema", () => {
  select('d_conv1');
  render(<Inspector />);
  expect((screen.getByLabelText('Filters') as HTMLInputElement).type).toBe('number');
  expect((screen.getByLabelText('Padding') as HTMLSelectElement).tagName).toBe('SELECT');
  expect((screen.getByLabelText('Use Bias') as HTMLInputElement).type).toBe('checkbox');
  expect(screen.getByTestId('inspector-shape').textContent).toBe('14×14×64');
});

test('a valid value is applied at once and downstream shapes follow', async () => {
  select('d_conv1');
  render(<Inspector />);
  const filters = screen.getByLabelText('Filters');
  await userEvent.clear(filters);
  await userEvent.type(filters, '32');
  expect(nodeById('d_conv1')!.params.filters).toBe(32);
  expect(shape('d_lrelu1')).toEqual([14, 14, 32]);
  expect(screen.getByTestId('inspector-shape').textContent).toBe('14×14×32');
});

test('an invalid value is explained inline and not applied', async () => {
  select('d_conv1');
  render(<Inspector />);
  const filters = screen.getByLabelText('Filters');
  await userEvent.clear(filters);
  await userEvent.type(filters, '0');
  expect(screen.getByRole('alert').textContent).toBe('Filters must be at least 1, got 0');
  expect(nodeById('d_conv1')!.params.filters).toBe(64);
});

test('an ints list is edited as text', async () => {
  select('g_reshape');
  render(<Inspector />);
  const target = screen.getByLabelText('Target shape');
  await userEvent.clear(target);
  await userEvent.type(target, '14, 14, 64');
  expect(nodeById('g_reshape')!.params.targetShape).toEqual([14, 14, 64]);
});

test('a choice param with visibleIf shows its dependent param only when it applies', async () => {
  select('g_lrelu1');
  render(<Inspector />);
  expect(screen.queryByLabelText(/alpha/i)).not.toBeNull();
  await userEvent.selectOptions(screen.getByLabelText('Function'), 'relu');
  expect(screen.queryByLabelText(/alpha/i)).toBeNull();
});

test('renaming a node from the inspector; a taken name is refused inline', async () => {
  select('g_dense');
  render(<Inspector />);
  const name = screen.getByLabelText('Name');
  await userEvent.clear(name);
  await userEvent.type(name, 'z{Enter}');
  expect(screen.getByRole('alert').textContent).toMatch(/already exists/);
  await userEvent.clear(name);
  await userEvent.type(name, 'g_project{Enter}');
  expect(nodeById('g_project')).toBeDefined();
});

test('the widgets show the value again after an undo', async () => {
  select('d_conv1');
  render(<Inspector />);
  const filters = screen.getByLabelText('Filters') as HTMLInputElement;
  await userEvent.clear(filters);
  await userEvent.type(filters, '48');
  act(() => {
    undo();
    undo();
  });
  expect(filters.value).toBe('64');
});

test('with nothing selected it edits the project and its dataset; the training settings are elsewhere, with a link the shell hands in', async () => {
  render(<Inspector trainingLink={<button type="button">Training settings ▸</button>} />);
  expect(screen.getByRole('heading', { name: 'Project' })).toBeDefined();
  const name = screen.getByLabelText('Name');
  await userEvent.clear(name);
  await userEvent.type(name, 'Mine');
  expect(useEditor.getState().doc.name).toBe('Mine');
  await userEvent.selectOptions(screen.getByLabelText('Scale (tanh: [-1, 1])'), 'sigmoid');
  expect(useEditor.getState().doc.dataset.scale).toBe('sigmoid');
  // One place edits training settings (the dock's panel): none of them here.
  for (const label of ['Loss', 'Batch size', 'G learning rate', 'D optimizer'])
    expect(screen.queryByLabelText(label)).toBeNull();
  expect(screen.getByRole('button', { name: 'Training settings ▸' })).toBeDefined();
});
