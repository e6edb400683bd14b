/** The lane layout on every template: no overlaps, regions apart, left to right, rows wrapped after whole layers. */
import { describe, expect, test } from 'vitest';
import { loadTemplate, TEMPLATE_IDS } from '../../src/core/project/templates';
import type { Graph } from '../../src/core/graph/types';
import { autoLayout, columnsPerRow, MAX_ROW_WIDTH } from '../../src/editor/layout/autoLayout';
import { intersects, NODE_HEIGHT, NODE_SIZE, NODE_WIDTH, rectOf } from '../../src/editor/canvas/geometry';
import { regionRects } from '../../src/editor/canvas/regions';

const laidOut = async (g: Graph): Promise<Graph> => {
  const pos = await autoLayout(g);
  return { ...g, nodes: g.nodes.map((n) => ({ ...n, position: pos[n.id] })) };
};

test('columns per row: as few rows as fit, spread evenly', () => {
  expect(columnsPerRow(5)).toBe(5);
  expect(columnsPerRow(13)).toBe(5);
  expect(columnsPerRow(10)).toBe(5);
  expect(columnsPerRow(16)).toBe(4);
  expect(columnsPerRow(6)).toBe(3);
  expect(columnsPerRow(3, 100)).toBe(1);
});

describe.each(TEMPLATE_IDS)('%s', (id) => {
  test('every node placed, none overlapping, rows no wider than the limit, G above D with regions apart', async () => {
    const g = await laidOut(loadTemplate(id).graph);
    const rects = g.nodes.map((n) => rectOf(n.position));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++)
        expect(intersects(rects[i], rects[j]), `${g.nodes[i].id} / ${g.nodes[j].id}`).toBe(false);
    }
    for (const n of g.nodes) expect(n.position.x + NODE_WIDTH).toBeLessThanOrEqual(MAX_ROW_WIDTH);
    const r = regionRects(g.nodes, {});
    expect(intersects(r.generator, r.discriminator)).toBe(false);
    expect(r.generator.y + r.generator.height).toBeLessThan(r.discriminator.y);
  });

  test("every wire runs left to right, except where a row wraps (then it goes down to the next row's start)", async () => {
    const g = await laidOut(loadTemplate(id).graph);
    const at = new Map(g.nodes.map((n) => [n.id, n.position]));
    for (const e of g.edges) {
      const s = at.get(e.source)!,
        t = at.get(e.target)!;
      if (t.x > s.x) continue;
      expect(t.y, `${e.id} goes back, so it must go down a row`).toBeGreaterThanOrEqual(s.y + NODE_SIZE.height);
    }
  });
});

test('the TF-tutorial DCGAN template: G in rows of 5, 5 and 3, D in rows of 5 and 5', async () => {
  const g = await laidOut(loadTemplate('dcgan-tf-tutorial').graph);
  const count = (net: string) => {
    const ys = new Map<number, number>();
    for (const n of g.nodes.filter((x) => x.network === net)) ys.set(n.position.y, (ys.get(n.position.y) ?? 0) + 1);
    return [...ys.entries()].sort((a, b) => a[0] - b[0]).map(([, k]) => k);
  };
  expect(count('generator')).toEqual([5, 5, 3]);
  expect(count('discriminator')).toEqual([5, 5]);
  // The chain's order is kept: z first (top left), g_out last.
  const z = g.nodes.find((n) => n.id === 'z')!.position,
    out = g.nodes.find((n) => n.id === 'g_out')!.position;
  expect(z).toEqual({ x: 0, y: 0 });
  expect(out.y).toBeGreaterThan(z.y);
});

test('a 5-block chain stays in one row (the ring template)', async () => {
  const g = await laidOut(loadTemplate('gan-2d-ring').graph);
  const gen = g.nodes.filter((n) => n.network === 'generator');
  expect(new Set(gen.map((n) => n.position.y)).size).toBe(1);
  expect(gen.map((n) => n.id).sort((a, b) => at(g, a) - at(g, b))).toEqual(['z', 'g_fc1', 'g_fc2', 'g_xy', 'g_out']);
});

const at = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!.position.x;
