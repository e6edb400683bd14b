/**
 * The workspace at 1280×800 (issue 15): the canvas first, the whole GAN readable, every template whole
 * without overlaps, one click to fit either network readably, blocks that stay in their own network,
 * labels that are not cut off, and a layer's activations large while training. Every measure is taken
 * in the page (bounding boxes, computed font sizes × the rendered scale); screenshots go to test-results/.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loadTemplate, TEMPLATE_IDS } from '../../src/core/project/templates';
import { screenshot, serveAppAndBrowser } from './harness';
import { boxOf, node, openDock, openEditor } from './helpers';

const env = serveAppAndBrowser();

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the canvas shows now: its box, every node's box, and the smallest text on the given nodes in screen px. */
function measure(page: Page, only?: 'generator' | 'discriminator') {
  return page.evaluate((net) => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const canvas = box(document.querySelector('.canvas')!);
    const nodes: Box[] = [];
    let minFont = Infinity,
      minWhere = '';
    for (const n of document.querySelectorAll('.react-flow__node-block')) {
      const inner = n.querySelector('.block-node') as HTMLElement;
      const id = n.getAttribute('data-id')!;
      nodes.push({ id, ...box(inner) });
      if (net && !inner.classList.contains(`net-${net}`)) continue;
      // The node's rendered scale: its box on screen over its own layout width.
      const scale = inner.getBoundingClientRect().width / inner.offsetWidth;
      for (const el of [inner, ...inner.querySelectorAll('*')]) {
        if (![...el.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim())) continue;
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue; // not drawn
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < minFont) {
          minFont = px;
          minWhere = `${id} ${el.className}`;
        }
      }
    }
    const overlays = [
      ...document.querySelectorAll('.react-flow__panel, .react-flow__controls, .react-flow__minimap'),
    ].map(box);
    const regions = Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="region-"]')].map((e) => [
        e.getAttribute('data-testid')!.slice(7),
        box(e),
      ]),
    );
    return { canvas, nodes, minFont, minWhere, overlays, regions };
  }, only);
}

const inside = (b: Omit<Box, 'id'>, c: Omit<Box, 'id'>) =>
  b.x >= c.x - 0.5 &&
  b.y >= c.y - 0.5 &&
  b.x + b.width <= c.x + c.width + 0.5 &&
  b.y + b.height <= c.y + c.height + 0.5;
const overlap = (a: Omit<Box, 'id'>, b: Omit<Box, 'id'>) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const pairsOverlapping = (nodes: Box[]) =>
  nodes.flatMap((a, i) =>
    nodes
      .slice(i + 1)
      .filter((b) => overlap(a, b))
      .map((b) => `${a.id}/${b.id}`),
  );

/** Waits until the view has arrived where the latest fit of `target` said it was going (fits animate). */
async function waitForFit(page: Page, target: 'gan' | 'generator' | 'discriminator'): Promise<void> {
  await page.waitForFunction((t) => {
    const [what, x, y, zoom] = (document.querySelector('.canvas')?.getAttribute('data-fit') ?? '').split(' ');
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(
      (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform,
    );
    return (
      what === t &&
      !!m &&
      Math.abs(Number(m[1]) - Number(x)) < 0.5 &&
      Math.abs(Number(m[2]) - Number(y)) < 0.5 &&
      Math.abs(Number(m[3]) - Number(zoom)) < 1e-3
    );
  }, target);
}

async function loadTemplateInPage(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator(`[data-template="${id}"]`).click();
  const count = loadTemplate(id).graph.nodes.length;
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node-block').length === n, count);
  // Move the pointer off the canvas: a hovered node shows its details card.
  await page.mouse.move(640, 20);
  await waitForFit(page, 'gan');
}

test('at 1280×800 the DCGAN template opens whole, every text on its nodes at least 10 px on screen, the canvas over 70% of the window', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.mouse.move(640, 20);
  await waitForFit(page, 'gan');
  const m = await measure(page);
  expect((m.canvas.width * m.canvas.height) / (1280 * 800)).toBeGreaterThanOrEqual(0.7);
  expect(m.nodes).toHaveLength(loadTemplate('dcgan-mnist').graph.nodes.length);
  expect(m.nodes.filter((n) => !inside(n, m.canvas)).map((n) => n.id)).toEqual([]);
  expect(m.minFont, m.minWhere).toBeGreaterThanOrEqual(10);
  expect(pairsOverlapping(m.nodes)).toEqual([]);
  expect(overlap(m.regions.generator, m.regions.discriminator)).toBe(false);
  // Nothing over the nodes: no zoom controls or minimap on the canvas at this size (the tools are in the footer).
  for (const o of m.overlays) expect(m.nodes.filter((n) => overlap(n, o)).map((n) => n.id)).toEqual([]);
  expect(await page.locator('.react-flow__minimap').count()).toBe(0);
  // No label cut off on the nodes: names, key params, ids and shapes show whole.
  const cut = await page
    .locator('.block-label, .block-summary, .block-id, .port-shape')
    .evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    );
  expect(cut).toEqual([]);
  await screenshot(page, 'workspace-01-dcgan-whole');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('every template opens whole with no two nodes overlapping; Fit G and Fit D show their network with text at least 10 px', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  const zooms: string[] = [];
  for (const id of TEMPLATE_IDS) {
    await loadTemplateInPage(page, id);
    const m = await measure(page);
    expect(
      m.nodes.filter((n) => !inside(n, m.canvas)).map((n) => n.id),
      id,
    ).toEqual([]);
    expect(pairsOverlapping(m.nodes), id).toEqual([]);
    expect(overlap(m.regions.generator, m.regions.discriminator), id).toBe(false);
    if (id === 'infogan-mnist' || id === 'acgan-mnist') await screenshot(page, `workspace-02-${id}-whole`);
    for (const net of ['generator', 'discriminator'] as const) {
      await page.getByTestId(`fit-${net}`).click();
      await waitForFit(page, net);
      const f = await measure(page, net);
      const mine = new Set(
        loadTemplate(id)
          .graph.nodes.filter((n) => n.network === net)
          .map((n) => n.id),
      );
      expect(
        f.nodes.filter((n) => mine.has(n.id) && !inside(n, f.canvas)).map((n) => n.id),
        `${id} ${net}`,
      ).toEqual([]);
      expect(f.minFont, `${id} ${net}: ${f.minWhere}`).toBeGreaterThanOrEqual(10);
      zooms.push(`${id} ${net[0].toUpperCase()} ${await page.getByTestId('zoom-level').innerText()}`);
      if (id === 'acgan-mnist') await screenshot(page, `workspace-03-acgan-fit-${net}`);
    }
  }
  console.log(`fit zooms: ${zooms.join(', ')}`);
  expect(errors).toEqual([]);
  await ctx.close();
});

test("a generator block dropped or dragged into the discriminator's region stays in the generator, and G's region does not grow over D", async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.mouse.move(640, 20);
  const d = await boxOf(page, '[data-testid="region-discriminator"]');
  const pane = await boxOf(page, '.react-flow__pane');
  // Latent noise belongs to G: dropped in the middle of D's region.
  await page.dragAndDrop('.palette-item[data-block-type="latentNoise"]', '.react-flow__pane', {
    targetPosition: { x: d.x + d.width / 2 - pane.x, y: d.y + d.height / 2 - pane.y },
  });
  const added = page.locator('.react-flow__node-block .block-node.net-generator', { hasText: 'Latent noise z' }).nth(1);
  await added.waitFor();
  expect(await page.getByTestId('toast').innerText()).toMatch(
    /Latent noise z is a generator block: it was placed in the generator's region/,
  );
  let m = await measure(page);
  expect(overlap(m.regions.generator, m.regions.discriminator)).toBe(false);
  expect(pairsOverlapping(m.nodes)).toEqual([]);
  const newBox = (await added.boundingBox())!;
  expect(inside(newBox, m.regions.generator)).toBe(true);
  await screenshot(page, 'workspace-04a-g-block-dropped-in-d');
  // Nothing selected again (the inspector folds) and the whole GAN in view.
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await waitForFit(page, 'gan');

  // An existing G block dragged by its title into D's region: it stays in G, on G's side.
  const title = await boxOf(page, '[data-testid="node-g_bn2"] .block-title');
  const target = await boxOf(page, '[data-testid="node-d_bn2"]');
  await page.mouse.move(title.x + 20, title.y + title.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + 30, target.y + 30, { steps: 12 });
  await page.mouse.up();
  await page.getByTestId('toast').filter({ hasText: "'g_bn2' belongs to the generator" }).waitFor();
  expect(await node(page, 'g_bn2').getAttribute('class')).toContain('net-generator');
  m = await measure(page);
  expect(overlap(m.regions.generator, m.regions.discriminator)).toBe(false);
  expect(inside((await node(page, 'g_bn2').boundingBox())!, m.regions.generator)).toBe(true);
  await screenshot(page, 'workspace-04b-g-block-dragged-into-d');

  // A Dense (either network) dropped right on top of d_conv1 joins D, on a free spot next to it.
  const onto = await boxOf(page, '[data-testid="node-d_conv1"]');
  await page.dragAndDrop('.palette-item[data-block-type="dense"]', '.react-flow__pane', {
    targetPosition: { x: onto.x + onto.width / 2 - pane.x, y: onto.y + 10 - pane.y },
  });
  await node(page, 'd_dense1').waitFor();
  expect(await node(page, 'd_dense1').getAttribute('class')).toContain('net-discriminator');
  m = await measure(page);
  expect(pairsOverlapping(m.nodes)).toEqual([]);
  expect(overlap(m.regions.generator, m.regions.discriminator)).toBe(false);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('the palette and the inspector fold from the keyboard and stay folded after a reload; the dock opens from its strip', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  const canvasWidth = async () => (await boxOf(page, '.canvas')).width;
  const before = await canvasWidth();
  const fold = page.getByRole('button', { name: 'Fold Blocks' });
  await fold.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Open Blocks' }).waitFor();
  expect(await canvasWidth()).toBeGreaterThan(before + 100);
  // No label cut off in the palette or the inspector's selects once open again.
  await page.reload();
  await page.getByTestId('node-z').waitFor();
  await page.getByRole('button', { name: 'Open Blocks' }).waitFor();
  await page.getByRole('button', { name: 'Open Blocks' }).click();
  await page.getByRole('button', { name: 'Open Inspector' }).click();
  await page.getByRole('heading', { name: 'Project' }).waitFor();
  const cut = await page.evaluate(() => {
    const out: string[] = [];
    for (const e of document.querySelectorAll('.palette-item-label'))
      if (e.scrollWidth > e.clientWidth + 1) out.push(e.textContent!);
    // A select shows the chosen option's text in its box less the arrow: every option must fit there.
    const g = document.createElement('canvas').getContext('2d')!;
    for (const s of document.querySelectorAll<HTMLSelectElement>('.inspector select')) {
      const cs = getComputedStyle(s);
      g.font = `${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
      for (const o of s.options) if (g.measureText(o.text).width > room) out.push(o.text);
    }
    return out;
  });
  expect(cut).toEqual([]);
  await screenshot(page, 'workspace-05-panels-open');
  // The dock: a strip with Train, the step and the loss sparkline; opened on demand.
  await page.getByTestId('strip-train').waitFor();
  expect(await page.getByTestId('training-panel').isVisible()).toBe(false);
  await openDock(page);
  expect(await page.getByTestId('dock-toggle').getAttribute('aria-expanded')).toBe('true');
  expect(errors).toEqual([]);
  await ctx.close();
});

test("while training, a layer's activations open large: every channel with a colour scale, histogram and statistics; the layer view follows one sample through G and D", async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  // The TF-tutorial DCGAN: its layer of 128 channels of 7×7 is what the large view's sizes below are about.
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="dcgan-tf-tutorial"]').click();
  await openDock(page);
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('hp-batch').fill('4');
  await page.getByTestId('dock-toggle').click(); // fold it again: the strip drives training
  await page.getByTestId('strip-train').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="strip-step"]')?.textContent) >= 3,
    undefined,
    { timeout: 180_000 },
  );
  await page.getByTestId('activation-g_deconv1').waitFor();

  // Resting the pointer on the tile: the preview with every channel.
  await page.getByTestId('activation-d_conv1').hover();
  const preview = page.getByTestId('activation-preview');
  await preview.getByTestId('act-channels').waitFor({ timeout: 60_000 });
  expect(await preview.getByTestId('act-caption').getAttribute('data-channels')).toBe('64');
  await screenshot(page, 'workspace-06a-hover-preview');

  // Clicking it: the large view, while the run goes on.
  await page.getByTestId('activation-g_deconv1').click();
  const big = page.getByTestId('channel-view');
  await big.getByTestId('act-channels').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('strip-pause').isVisible()).toBe(true); // still running
  expect(await big.getByTestId('act-caption').getAttribute('data-channels')).toBe('128');
  const size = await big
    .getByTestId('act-channels')
    .evaluate((c: HTMLCanvasElement) => [c.width, c.height, c.getBoundingClientRect().width]);
  expect(size.slice(0, 2)).toEqual([12 * 8 - 1, 11 * 8 - 1]); // 128 channels of 7×7, each whole
  expect(size[2]).toBeGreaterThanOrEqual(380); // large on screen: each 7×7 channel ~30 px
  expect(await big.getByTestId('color-legend').first().getAttribute('data-kind')).toMatch(/diverging|sequential/);
  expect(Number(await big.getByTestId('act-histogram').getAttribute('data-bins'))).toBe(40);
  expect(await big.getByTestId('act-stats').innerText()).toMatch(/mean[\s\S]*std[\s\S]*min[\s\S]*max/);
  await screenshot(page, 'workspace-06b-large-view');

  // The layer view: G's layers and D's layers side by side for one sample, ending in D's verdict.
  await big.getByRole('button', { name: 'Follow through G and D' }).click();
  const lv = page.getByTestId('layer-view');
  await lv.getByTestId('lv-verdict').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape'); // closes the large view on top first
  await big.waitFor({ state: 'detached' });
  const graph = loadTemplate('dcgan-tf-tutorial').graph;
  for (const n of graph.nodes) await lv.getByTestId(`lv-${n.id}`).waitFor({ state: 'attached' });
  const g = await lv.getByRole('region', { name: 'Generator' }).boundingBox();
  const dd = await lv.getByRole('region', { name: 'Discriminator' }).boundingBox();
  expect(dd!.x).toBeGreaterThan(g!.x + g!.width - 1); // side by side
  expect(await lv.getByTestId('lv-verdict').innerText()).toMatch(/score -?\d[\d.e-]* \(a logit\) → σ = /);
  await lv.getByRole('button', { name: 'Next sample' }).click();
  await lv.getByTestId('sample-index').filter({ hasText: 'sample 2 of 16' }).waitFor();
  await lv.getByTestId('lv-verdict').waitFor();
  await screenshot(page, 'workspace-06c-layer-view');
  await page.keyboard.press('Escape');
  await lv.waitFor({ state: 'detached' });
  await page.getByTestId('strip-pause').click();
  expect(errors).toEqual([]);
  await ctx.close();
}, 400_000);
