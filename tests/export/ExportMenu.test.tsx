// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ExportMenu } from '../../src/app/export/ExportMenu';
import { useEditor } from '../../src/state/store';
import { initialTraining, useTraining } from '../../src/trainer/store';
import { resetEditor } from '../state/resetEditor';

beforeEach(() => { resetEditor(); useTraining.setState(initialTraining()); });
afterEach(cleanup);

const item = (id: string) => document.querySelector(`[data-export="${id}"]`) as HTMLButtonElement;
const open = () => { render(<ExportMenu />); fireEvent.click(screen.getByRole('button', { name: 'Export ▾' })); };

test('code export is enabled for a graph that compiles; training outputs wait for training, with the reason shown', () => {
  open();
  expect(screen.getAllByRole('menuitem').map((b) => b.querySelector('strong')!.textContent)).toEqual([
    'Export code', 'Export code + package.json (zip)', 'PyTorch project (zip)', 'Export weights (zip)', 'Import weights…', 'Export sample grid (PNG)', 'Export metrics (CSV)',
  ]);
  expect(item('code').disabled).toBe(false);
  expect(item('code-zip').disabled).toBe(false);
  expect(item('pytorch').disabled).toBe(false);
  // Importing builds the models first when there are none.
  expect(item('import-weights').disabled).toBe(false);
  for (const id of ['weights', 'samples', 'metrics']) {
    expect(item(id).disabled).toBe(true);
    expect(screen.getByTestId(`export-note-${id}`).textContent).toMatch(/^Train or Step first/);
  }
});

test('code export is disabled with the compile error shown when the graph does not compile', () => {
  useEditor.getState().deleteNodes(['d_head']);
  open();
  expect(item('code').disabled).toBe(true);
  expect(screen.getByTestId('export-note-code').textContent).toMatch(/^The graph does not compile: /);
  expect(item('pytorch').disabled).toBe(true);
  expect(screen.getByTestId('export-note-pytorch').textContent).toMatch(/^The graph does not compile: /);
  expect(item('code').title).toBe(screen.getByTestId('export-note-code').textContent);
  expect(item('import-weights').disabled).toBe(true);
  expect(screen.getByTestId('export-note-import-weights').textContent).toMatch(/^The graph does not compile: /);
});
