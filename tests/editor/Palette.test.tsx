// @vitest-environment jsdom
import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BLOCKS, CATEGORY_LABELS, CATEGORY_ORDER } from '../../src/core/blocks';
import { Palette } from '../../src/editor/palette/Palette';
import { BLOCK_MIME } from '../../src/editor/palette/searchBlocks';

afterEach(cleanup);

const items = () => [...document.querySelectorAll('.palette-item')].map((e) => e.getAttribute('data-block-type'));

test("every registered block is listed, grouped by category in the registry's order", () => {
  render(<Palette />);
  expect(items().sort()).toEqual(BLOCKS.map((b) => b.type).sort());
  const headings = screen.getAllByRole('heading').map((h) => h.textContent);
  const used = CATEGORY_ORDER.filter((c) => BLOCKS.some((b) => b.category === c)).map((c) => CATEGORY_LABELS[c]);
  expect(headings).toEqual(used);
});

test('searching filters by name, type or description', async () => {
  render(<Palette />);
  await userEvent.type(screen.getByLabelText('Search blocks'), 'conv');
  expect(items()).toEqual(expect.arrayContaining(['conv2d', 'conv2dTranspose']));
  expect(items()).not.toContain('dense');
  await userEvent.clear(screen.getByLabelText('Search blocks'));
  await userEvent.type(screen.getByLabelText('Search blocks'), 'zzzz');
  expect(screen.getByText(/No block matches/)).toBeDefined();
});

test('dragging an item carries its block type', () => {
  render(<Palette />);
  const setData = vi.fn();
  fireEvent.dragStart(document.querySelector('[data-block-type="dense"]')!, {
    dataTransfer: { setData, effectAllowed: '' },
  });
  expect(setData).toHaveBeenCalledWith(BLOCK_MIME, 'dense');
});

test('double-clicking an item inserts it', async () => {
  const onInsert = vi.fn();
  render(<Palette onInsert={onInsert} />);
  await userEvent.dblClick(document.querySelector('[data-block-type="batchNormalization"]')!);
  expect(onInsert).toHaveBeenCalledWith('batchNormalization');
});
