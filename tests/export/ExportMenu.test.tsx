// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ExportMenu } from '../../src/app/export/ExportMenu';
import { useEditor } from '../../src/state/store';
import { initialTraining, useTraining } from '../../src/trainer/store';
import { resetEditor } from '../state/resetEditor';

beforeEach(() => {
  resetEditor();
  useTraining.setState(initialTraining());
});
afterEach(cleanup);

const item = (id: string) => document.querySelector(`[data-export="${id}"]`) as HTMLButtonElement;
// Disabled items stay focusable for the keyboard (aria-disabled, not the disabled attribute).
const disabled = (id: string) => item(id).getAttribute('aria-disabled') === 'true';
const open = () => {
  render(<ExportMenu />);
  fireEvent.click(screen.getByRole('button', { name: 'Export ▾' }));
};

test('code export is enabled for a graph that compiles; training outputs wait for training, with the reason shown', () => {
  open();
  expect(screen.getAllByRole('menuitem').map((b) => b.querySelector('strong')!.textContent)).toEqual([
    'Export code',
    'Export code + package.json (zip)',
    'PyTorch project (zip)',
    'Export weights (zip)',
    'Import weights…',
    'Export sample grid (PNG)',
    'Export metrics (CSV)',
  ]);
  expect(disabled('code')).toBe(false);
  expect(disabled('code-zip')).toBe(false);
  expect(disabled('pytorch')).toBe(false);
  // Importing builds the models first when there are none.
  expect(disabled('import-weights')).toBe(false);
  for (const id of ['weights', 'samples', 'metrics']) {
    expect(disabled(id)).toBe(true);
    expect(screen.getByTestId(`export-note-${id}`).textContent).toMatch(/^Train or Step first/);
  }
  // A disabled item does nothing when activated, and the menu stays open.
  fireEvent.click(item('weights'));
  expect(useEditor.getState().toast).toBeNull();
  expect(screen.getByRole('menu')).toBeTruthy();
});

test('code export is disabled with the compile error shown when the graph does not compile', () => {
  useEditor.getState().deleteNodes(['d_head']);
  open();
  expect(disabled('code')).toBe(true);
  expect(screen.getByTestId('export-note-code').textContent).toMatch(/^The graph does not compile: /);
  expect(disabled('pytorch')).toBe(true);
  expect(screen.getByTestId('export-note-pytorch').textContent).toMatch(/^The graph does not compile: /);
  expect(item('code').title).toBe(screen.getByTestId('export-note-code').textContent);
  expect(disabled('import-weights')).toBe(true);
  expect(screen.getByTestId('export-note-import-weights').textContent).toMatch(/^The graph does not compile: /);
});
