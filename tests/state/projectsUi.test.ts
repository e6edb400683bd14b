/** The pure parts of the projects list, the menus and the toasts. */
import { describe, expect, test } from 'vitest';
import { loadTemplate } from '../../src/core/project/templates';
import { thumbnailOf } from '../../src/projects/thumbnail';
import { whenText } from '../../src/projects/labels';
import { nextIndex } from '../../src/app/menuButton';
import { ERROR_MS, INFO_MS, outlived, toastTimeout } from '../../src/app/toastLife';

describe('thumbnail', () => {
  test('every node of the DCGAN template is a box inside the picture, one line per wire', () => {
    const g = loadTemplate('dcgan-mnist').graph;
    const t = thumbnailOf(g, 96, 64);
    expect(t.boxes).toHaveLength(g.nodes.length);
    expect(t.wires).toHaveLength(g.edges.length);
    for (const b of t.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(96 + 1e-9);
      expect(b.y + b.h).toBeLessThanOrEqual(64 + 1e-9);
    }
    expect(new Set(t.boxes.map((b) => b.network))).toEqual(new Set(['generator', 'discriminator']));
  });

  test('an empty graph gives an empty picture', () => {
    expect(thumbnailOf({ nodes: [], edges: [] })).toEqual({ width: 96, height: 64, boxes: [], wires: [] });
  });
});

describe('dates in the list', () => {
  const now = new Date(2026, 2, 10, 15, 0).getTime();
  test('recent times are relative, older ones are dates', () => {
    expect(whenText(now - 20_000, now)).toBe('just now');
    expect(whenText(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(whenText(new Date(2026, 2, 10, 9, 5).getTime(), now, 'en-GB')).toBe('today 09:05');
    expect(whenText(new Date(2026, 2, 9, 9, 5).getTime(), now, 'en-GB')).toBe('yesterday 09:05');
    expect(whenText(new Date(2025, 11, 3).getTime(), now, 'en-GB')).toBe('3 Dec 2025');
  });
});

describe('menu keys', () => {
  test('arrows move and wrap, Home/End jump, other keys do not move', () => {
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextIndex('ArrowUp', -1, 3)).toBe(2);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('Enter', 0, 3)).toBeUndefined();
    expect(nextIndex('ArrowDown', -1, 0)).toBeUndefined();
  });
});

describe('toasts', () => {
  test('an error goes once the document changes; information does not', () => {
    expect(outlived({ kind: 'error' }, true)).toBe(true);
    expect(outlived({ kind: 'error' }, false)).toBe(false);
    expect(outlived({ kind: 'info' }, true)).toBe(false);
  });
  test('a toast with a button stays longer than plain information', () => {
    expect(toastTimeout({ kind: 'info' })).toBe(INFO_MS);
    expect(toastTimeout({ kind: 'info', action: { label: 'Undo', run: () => {} } })).toBeGreaterThan(INFO_MS);
    expect(toastTimeout({ kind: 'error' })).toBe(ERROR_MS);
  });
});
