/** Where new and dragged blocks go: a free spot, on their own network's side, regions never overlapping. */
import { beforeAll, expect, test } from 'vitest';
import { loadTemplate } from '../../src/core/project/templates';
import type { GraphNode, XY } from '../../src/core/graph/types';
import { autoLayout } from '../../src/editor/layout/autoLayout';
import { intersects, NODE_SIZE, rectOf } from '../../src/editor/canvas/geometry';
import { regionRects } from '../../src/editor/canvas/regions';
import { placeBlock, resolveDrag } from '../../src/editor/canvas/placement';

let nodes: GraphNode[];
beforeAll(async () => {
  const g = loadTemplate('dcgan-tf-tutorial').graph;
  const pos = await autoLayout(g);
  nodes = g.nodes.map((n) => ({ ...n, position: pos[n.id] }));
});

const at = (id: string) => nodes.find((n) => n.id === id)!.position;
const covers = (p: XY, ns: GraphNode[]) => ns.filter((n) => intersects(rectOf(p), rectOf(n.position)));
const withNode = (id: string, network: GraphNode['network'], position: XY): GraphNode[] => [
  ...nodes,
  { id, type: 'dense', network, params: {}, position },
];

test('a block asked for on top of another goes to the nearest free spot', () => {
  const want = at('g_bn2');
  const p = placeBlock({ network: 'generator', at: want, nodes });
  expect(covers(p, nodes)).toEqual([]);
  // Near: within a node's size of where it was dropped.
  expect(Math.hypot(p.x - want.x, p.y - want.y)).toBeLessThan(NODE_SIZE.width + 40);
});

test('a free spot asked for is taken as it is (snapped to the grid)', () => {
  const r = regionRects(nodes, {});
  // Right of G's short last row (the tutorial's G wraps into rows of 5, 5 and 3), 1 px off the grid.
  const lastRow = Math.max(...nodes.filter((n) => n.network === 'generator').map((n) => n.position.y));
  const want = { x: 4 * 244 + 3, y: lastRow + 1 };
  const p = placeBlock({ network: 'generator', at: want, nodes });
  expect(p).toEqual({ x: 980, y: Math.round(want.y / 20) * 20 });
  expect(covers(p, nodes)).toEqual([]);
  expect(intersects(regionRects(withNode('g_new', 'generator', p), {}).generator, r.discriminator)).toBe(false);
});

test("a generator block asked for inside D's region lands on G's side; G's region does not grow over D", () => {
  const want = at('d_conv2');
  const p = placeBlock({ network: 'generator', at: want, nodes });
  const after = regionRects(withNode('g_new', 'generator', p), {});
  expect(intersects(after.generator, after.discriminator)).toBe(false);
  expect(covers(p, nodes)).toEqual([]);
  expect(p.y + NODE_SIZE.height).toBeLessThan(regionRects(nodes, {}).discriminator.y);
});

test("a discriminator block asked for inside G's region lands on D's side", () => {
  const p = placeBlock({ network: 'discriminator', at: at('g_deconv1'), nodes });
  const after = regionRects(withNode('d_new', 'discriminator', p), {});
  expect(intersects(after.generator, after.discriminator)).toBe(false);
  expect(p.y).toBeGreaterThan(regionRects(nodes, {}).generator.y + regionRects(nodes, {}).generator.height);
});

test("dragging a G block into D's region: it stays on G's side, and G's region does not cover D", () => {
  const { positions, kept } = resolveDrag(nodes, {}, { g_bn3: at('d_drop1') });
  expect(kept).toEqual(['g_bn3']);
  const moved = nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id] } : n));
  const r = regionRects(moved, {});
  expect(intersects(r.generator, r.discriminator)).toBe(false);
  expect(
    covers(
      positions.g_bn3,
      nodes.filter((n) => n.id !== 'g_bn3'),
    ),
  ).toEqual([]);
});

test("dragging a whole group of G blocks into D keeps each of them on G's side", () => {
  const dragged = { g_bn3: at('d_conv1'), g_lrelu3: at('d_lrelu1'), g_deconv3: at('d_drop1') };
  const { positions, kept } = resolveDrag(nodes, {}, dragged);
  expect(kept.sort()).toEqual(['g_bn3', 'g_deconv3', 'g_lrelu3']);
  const moved = nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id] } : n));
  const r = regionRects(moved, {});
  expect(intersects(r.generator, r.discriminator)).toBe(false);
});

test("a drag within a network's own side is left alone", () => {
  const to = { x: at('g_out').x + 300, y: at('g_out').y };
  expect(resolveDrag(nodes, {}, { g_out: to })).toEqual({ positions: { g_out: to }, kept: [] });
});
