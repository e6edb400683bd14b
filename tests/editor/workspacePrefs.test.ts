/** Which panels show by default, by window width, and that a user's choice wins. */
import { expect, test } from 'vitest';
import { dockBeside, dockOpen, inspectorOpen, minimapOn } from '../../src/editor/workspacePrefs';

test('at 1280 px: inspector folded until something is selected, dock folded to its strip, no minimap', () => {
  expect(inspectorOpen(undefined, false, 1280)).toBe(false);
  expect(inspectorOpen(undefined, true, 1280)).toBe(true);
  expect(dockOpen(undefined, 1280)).toBe(false);
  expect(dockBeside(1280)).toBe(false);
  expect(minimapOn(undefined, 1062)).toBe(false);
});

test('wide screens: the dock opens beside the canvas; the inspector shows without a selection only where there is room', () => {
  expect(dockOpen(undefined, 1920)).toBe(true);
  expect(dockBeside(1920)).toBe(true);
  expect(inspectorOpen(undefined, false, 1500)).toBe(true);
  expect(inspectorOpen(undefined, false, 1920, true)).toBe(false);
  expect(inspectorOpen(undefined, false, 2200, true)).toBe(true);
  expect(minimapOn(undefined, 1500)).toBe(true);
});

test("a user's choice wins over the defaults", () => {
  expect(inspectorOpen(false, true, 2400)).toBe(false);
  expect(inspectorOpen(true, false, 1000)).toBe(true);
  expect(dockOpen(true, 1000)).toBe(true);
  expect(dockOpen(false, 2400)).toBe(false);
  expect(minimapOn(true, 500)).toBe(true);
});
