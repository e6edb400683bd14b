/** The fits' viewport maths: centred when it fits, never below a minimum zoom, clear of overlays. */
import { expect, test } from 'vitest';
import { bestFit, fitViewport } from '../../src/editor/canvas/fit';

const canvas = { width: 1000, height: 600 };

test('a rectangle that fits is centred at the largest zoom up to the maximum', () => {
  const v = fitViewport({ x: 0, y: 0, width: 488, height: 288 }, canvas, { margin: 12, maxZoom: 2 });
  expect(v.zoom).toBeCloseTo(2);
  expect(v.x).toBeCloseTo((1000 - 488 * 2) / 2);
  expect(v.y).toBeCloseTo((600 - 288 * 2) / 2);
  expect(fitViewport({ x: 0, y: 0, width: 100, height: 100 }, canvas).zoom).toBe(1);
});

test("below the minimum zoom the rectangle's start is shown at the minimum zoom", () => {
  const v = fitViewport({ x: 50, y: 20, width: 4000, height: 300 }, canvas, { margin: 10, minZoom: 0.84 });
  expect(v.zoom).toBe(0.84);
  expect(v.x).toBeCloseTo(10 - 50 * 0.84); // left edge at the margin
  expect(v.y).toBeCloseTo(10 + (580 - 300 * 0.84) / 2 - 20 * 0.84); // still centred vertically: it fits that way
});

test('insets keep the fitted rectangle out of an overlay; the cheaper of two ways wins', () => {
  const r = { x: 0, y: 0, width: 980, height: 300 };
  const right = { top: 0, right: 165, bottom: 0, left: 0 },
    bottom = { top: 0, right: 0, bottom: 115, left: 0 };
  const v = bestFit(r, canvas, [right, bottom], { margin: 10 });
  // A wide rectangle loses less by leaving the bottom band free.
  expect(v.zoom).toBeCloseTo(980 / 980);
  expect(v.y + r.height * v.zoom).toBeLessThanOrEqual(600 - 115);
  const onlyRight = fitViewport(r, canvas, { insets: right, margin: 10 });
  expect(onlyRight.x + r.width * onlyRight.zoom).toBeLessThanOrEqual(1000 - 165 - 10 + 1e-9);
});
