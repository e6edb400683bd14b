/**
 * The editor in a real browser (Debian chromium): the user journeys of issue 3. Each test saves a
 * screenshot under test-results/. Projects, durable edits and share links beside existing work are
 * in projects.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { screenshot, serveAppAndBrowser } from './harness';
import {
  boxOf,
  fitAll,
  node,
  openEditor,
  openProblems,
  shapeOf,
  waitForAutosave,
  waitForStillViewport,
} from './helpers';

const env = serveAppAndBrowser();

test('the app opens with the DCGAN template, readable at 1280x800, without console errors', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await expect(node(page, 'g_dense').isVisible()).resolves.toBe(true);
  // dcgan-mnist: G 1,704,833 and D 1,641,761 parameters (the CLI's count), as the status bar rounds them.
  expect(await page.getByTestId('totals-generator').innerText()).toContain('1.7M params');
  expect(await page.getByTestId('totals-discriminator').innerText()).toContain('1.64M params');
  expect(await shapeOf(page, 'g_reshape')).toBe('7×7×64');
  await screenshot(page, 'editor-01-open');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('a template is loaded from the Templates menu', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="infogan-mnist"]').waitFor();
  await screenshot(page, 'editor-02a-templates-menu');
  await page.locator('[data-template="infogan-mnist"]').click();
  await page.getByText('InfoGAN', { exact: false }).first().waitFor();
  await page.locator('[data-testid^="node-"]', { hasText: 'Q codes head' }).waitFor();
  await screenshot(page, 'editor-02b-infogan');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('a Dense block dragged from the palette lands in the generator', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  expect(await page.getByTestId('node-g_dense1').count()).toBe(0);
  await page.keyboard.press('f'); // fit: the whole generator region on screen
  await waitForStillViewport(page);
  const region = await boxOf(page, '[data-testid="region-generator"]');
  const pane = await boxOf(page, '.react-flow__pane');
  // Bottom-right corner of the generator region: empty space after the wrapped last row.
  const target = { x: region.x + region.width - 120 - pane.x, y: region.y + region.height - 30 - pane.y };
  await page.dragAndDrop('.palette-item[data-block-type="dense"]', '.react-flow__pane', { targetPosition: target });
  await node(page, 'g_dense1').waitFor();
  expect(await node(page, 'g_dense1').getAttribute('class')).toContain('net-generator');
  await screenshot(page, 'editor-03a-dropped-dense');
  // The new block is unwired: its problem is listed, and clicking it selects the block.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await openProblems(page);
  await page.locator('.problems .problem.error button', { hasText: "g_dense1' has nothing connected" }).click();
  await page.waitForFunction(
    () => (document.querySelector('#node-name') as HTMLInputElement | null)?.value === 'g_dense1',
  );
  expect(await node(page, 'g_dense1').getAttribute('class')).toContain('is-selected');
  await screenshot(page, 'editor-03b-problem-clicked');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('double-clicking the canvas searches and inserts a block there; ? shows the shortcuts', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.keyboard.press('f');
  await waitForStillViewport(page);
  const region = await boxOf(page, '[data-testid="region-discriminator"]');
  // The empty margin along the bottom of D's region (its last row reaches close to the region's corner).
  await page.mouse.dblclick(region.x + region.width - 60, region.y + region.height - 7);
  const search = page.getByRole('textbox', { name: 'Block to insert' });
  await search.fill('layernorm');
  await screenshot(page, 'editor-04a-quick-insert');
  await search.press('Enter');
  await node(page, 'd_layernormalization1').waitFor();
  // The inserted block is selected: duplicate it, delete the copy, undo the delete.
  await page.locator('.react-flow__pane').focus();
  await page.keyboard.press('Control+d');
  await node(page, 'd_layernormalization2').waitFor();
  await page.keyboard.press('Delete');
  await node(page, 'd_layernormalization2').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await node(page, 'd_layernormalization2').waitFor();
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await screenshot(page, 'editor-04b-help');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

  // Shift-drag on the empty canvas draws a selection box around D's first two blocks.
  const a = await boxOf(page, '[data-testid="node-d_input"]');
  const b = await boxOf(page, '[data-testid="node-d_conv1"]');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 8, a.y - 8);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 4, b.y + b.height + 4, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.getByRole('heading', { name: '2 blocks selected' }).waitFor();
  await screenshot(page, 'editor-04c-box-select');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('a wire between incompatible ports is refused, with the reason', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  const edgesBefore = await page.locator('.react-flow__edge').count();
  const from = await boxOf(page, '[data-testid="node-z"] .react-flow__handle.source');
  const to = await boxOf(page, '[data-testid="node-g_deconv1"] .port-in[data-port="x"] .react-flow__handle');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 30, to.y + 30, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  const hint = page.locator('.connection-hint');
  await hint.waitFor();
  expect(await hint.innerText()).toMatch(/expects a 4-D input/);
  await screenshot(page, 'editor-04d-wire-refused');
  await page.mouse.up();
  const toast = page.getByTestId('toast');
  await toast.waitFor();
  expect(await toast.innerText()).toMatch(/Refused: .*expects a 4-D input/);
  expect(await page.locator('.react-flow__edge').count()).toBe(edgesBefore);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('changing a param updates downstream shapes, and undo puts them back', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  expect(await shapeOf(page, 'd_lrelu1')).toBe('14×14×32');
  await fitAll(page);
  await node(page, 'd_conv1').locator('.block-title').click();
  const filters = page.locator('.inspector [data-param="filters"] input');
  await filters.fill('16');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="shape-d_lrelu1"]')?.textContent === '14×14×16',
  );
  expect(await shapeOf(page, 'd_conv1')).toBe('14×14×16');
  await screenshot(page, 'editor-05a-param-changed');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="shape-d_lrelu1"]')?.textContent === '14×14×32',
  );
  expect(await filters.inputValue()).toBe('32');
  await filters.fill('0');
  expect(await page.locator('.inspector .field-error').innerText()).toContain('must be at least 1');
  await screenshot(page, 'editor-05b-undone-and-invalid');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('auto-layout arranges both networks without overlaps', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  // Scramble one node, then lay out.
  await node(page, 'g_bn1').locator('.block-title').dragTo(node(page, 'g_dense').locator('.block-title'));
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll('.react-flow__node-block')].map((e) => e.getBoundingClientRect());
    return boxes.every((a, i) =>
      boxes.every(
        (b, j) => i === j || a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
      ),
    );
  });
  const g = await boxOf(page, '[data-testid="region-generator"]');
  const d = await boxOf(page, '[data-testid="region-discriminator"]');
  expect(g.y + g.height).toBeLessThanOrEqual(d.y);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await screenshot(page, 'editor-06-auto-layout');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('save downloads the project file; a bad file is rejected and the graph stays', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('dcgan-mnist.ganvas.json');
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(saved.format).toBe('ganvas');
  expect(saved.graph.nodes.some((n: { id: string }) => n.id === 'g_dense')).toBe(true);

  const bad = structuredClone(saved);
  bad.graph.nodes[3].type = 'warpDrive';
  await page
    .getByTestId('open-file')
    .setInputFiles({ name: 'bad.ganvas.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const toast = page.getByTestId('toast');
  await toast.waitFor();
  expect(await toast.innerText()).toContain("graph.nodes[3].type: unknown block type 'warpDrive'");
  await expect(node(page, 'g_dense').isVisible()).resolves.toBe(true);
  await screenshot(page, 'editor-07-bad-file');

  // Dropping a good file on the canvas opens it.
  const other = { ...saved, name: 'Dropped project' };
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.ganvas.json', { type: 'application/json' }));
    document
      .querySelector('.canvas')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(other));
  await page.getByText('Dropped project').first().waitFor();
  expect(errors).toEqual([]);
  await ctx.close();
});

test("reloading the page reopens this tab's project from IndexedDB: graph, params and viewport", async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await fitAll(page);
  await node(page, 'd_conv1').locator('.block-title').click();
  await page.locator('.inspector [data-param="filters"] input').fill('48');
  // Double-clicking a palette item inserts it in the middle of the view, in the network found there.
  await page.locator('.palette-item[data-block-type="dropout"]').dblclick();
  const added = page.locator('[data-testid="node-g_dropout1"], [data-testid="node-d_dropout1"]');
  await added.waitFor();
  const addedId = (await added.getAttribute('data-testid'))!;
  await waitForAutosave(page);
  const transform = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.reload();
  await page.getByTestId(addedId).waitFor();
  expect(await shapeOf(page, 'd_lrelu1')).toBe('14×14×48');
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(transform);
  await screenshot(page, 'editor-08-restored');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('a share link opens the same project in a new browser profile (beside existing work: projects.e2e.test.ts)', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.locator('.palette-item[data-block-type="gaussianNoise"]').dblclick();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#p=/);
  const other = await openEditor(env.browser, link);
  await other.page.locator('[data-testid="node-g_gaussiannoise1"], [data-testid="node-d_gaussiannoise1"]').waitFor();
  expect(other.page.url()).not.toContain('#p=');
  await screenshot(other.page, 'editor-09-shared');
  expect([...errors, ...other.errors]).toEqual([]);
  await other.ctx.close();
  await ctx.close();
});
