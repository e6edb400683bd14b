/**
 * The Export menu in the browser (issue 5): "Export code" downloads exactly the module the codegen
 * tests check; the training outputs (weights zip, sample PNG, metrics CSV) download after a step;
 * a weights zip imports back into a fresh page. Screenshots go to test-results/.
 */
import { expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { emitModule } from '../../src/core/codegen/emit';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { METRICS } from '../../src/core/train/step';
import { loadTemplate } from '../../src/core/project/templates';
import { RESULTS_DIR, screenshot, serveAppAndBrowser } from './harness';
import { fitAll, node, openDock, openEditor } from './helpers';

const env = serveAppAndBrowser();

/** The module `npm run export` writes for a template, computed here in Node. */
function expectedModule(id: string): string {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!res.ok) throw new Error(`${id} does not compile`);
  return emitModule(res.plan, p.name, p.description);
}

const openMenu = (page: Page) => page.getByRole('button', { name: 'Export ▾' }).click();
const item = (page: Page, id: string) => page.locator(`[data-export="${id}"]`);

/** Clicks an Export item and returns the file the browser downloaded. */
async function exportItem(page: Page, id: string): Promise<{ d: Download; bytes: Buffer }> {
  await openMenu(page);
  const [d] = await Promise.all([page.waitForEvent('download'), item(page, id).click()]);
  return { d, bytes: readFileSync((await d.path())!) };
}

async function loadTemplateInPage(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator(`[data-template="${id}"]`).click();
  await node(page, 'd_fc1').waitFor();
  await openDock(page);
}

/** One training step on the cpu backend (fast and the same everywhere), waiting for the sample grid. */
async function stepOnCpu(page: Page): Promise<void> {
  await page.getByTestId('train-backend').selectOption('cpu');
  await page.getByTestId('train-step').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="sample-grid"]')?.getAttribute('data-step')) >= 1,
    undefined,
    { timeout: 90_000 },
  );
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="train-step-count"]')?.textContent) >= 2,
    undefined,
    { timeout: 90_000 },
  );
}

test('Export code downloads the module the unit test checks; a graph that does not compile disables it with the reason', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await openMenu(page);
  await item(page, 'code').waitFor();
  await screenshot(page, 'export-01-menu');
  await page.keyboard.press('Escape'); // closes the menu (keyboard menus: projects.e2e.test.ts)
  await item(page, 'code').waitFor({ state: 'detached' });

  const { d, bytes } = await exportItem(page, 'code');
  expect(d.suggestedFilename()).toBe('dcgan-mnist.ts');
  expect(bytes.toString('utf8')).toBe(expectedModule('dcgan-mnist'));

  const zip = await exportItem(page, 'code-zip');
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files).sort()).toEqual(['dcgan-mnist.ts', 'package.json']);
  expect(strFromU8(files['dcgan-mnist.ts'])).toBe(expectedModule('dcgan-mnist'));

  // Delete D's head: the graph no longer compiles, and the menu says why instead of exporting.
  await fitAll(page);
  await node(page, 'd_head').click();
  await page.keyboard.press('Delete');
  await node(page, 'd_head').waitFor({ state: 'detached' });
  await openMenu(page);
  await expect.poll(() => item(page, 'code').isDisabled()).toBe(true);
  expect(await page.getByTestId('export-note-code').innerText()).toMatch(/^The graph does not compile: /);
  await screenshot(page, 'export-02-disabled');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('after a step: weights zip (tfjs layers models), sample grid PNG and metrics CSV', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await loadTemplateInPage(page, 'gan-2d-ring');
  await openMenu(page);
  expect(await item(page, 'weights').isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await stepOnCpu(page);
  await openMenu(page);
  await expect.poll(() => item(page, 'weights').isDisabled()).toBe(false);
  await screenshot(page, 'export-03-menu-after-step');
  await page.getByRole('button', { name: 'Export ▾' }).click();

  const w = await exportItem(page, 'weights');
  expect(w.d.suggestedFilename()).toMatch(/^2-d-ring-of-8-gaussians-weights-step\d+\.zip$/);
  const files = unzipSync(new Uint8Array(w.bytes));
  for (const net of ['generator', 'discriminator']) {
    const json = JSON.parse(strFromU8(files[`${net}/model.json`]));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    const floats = json.weightsManifest[0].weights.reduce(
      (n: number, s: { shape: number[] }) => n + s.shape.reduce((a, b) => a * b, 1),
      0,
    );
    expect(files[`${net}/weights.bin`].length).toBe(floats * 4);
  }
  expect(JSON.parse(strFromU8(files['plan.json'])).generator).toBeTruthy();

  const png = await exportItem(page, 'samples');
  expect(png.d.suggestedFilename()).toMatch(/-samples-step\d+\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(resolve(RESULTS_DIR, 'export-samples.png'), png.bytes); // to look at

  const csv = (await exportItem(page, 'metrics')).bytes.toString('utf8').trim().split('\n');
  expect(csv[0]).toBe(`step,${METRICS.join(',')},seconds`);
  expect(csv.length).toBeGreaterThanOrEqual(3);
  expect(csv.slice(1).map((r) => Number(r.split(',')[0]))).toEqual([1, 2].slice(0, csv.length - 1));
  expect(errors).toEqual([]);
  await ctx.close();
});

test("Import weights: a fresh page takes the exported zip (exporting again gives the same bytes); another project's zip is refused, naming the mismatch", async () => {
  const first = await openEditor(env.browser, env.app.url);
  await loadTemplateInPage(first.page, 'gan-2d-ring');
  await stepOnCpu(first.page);
  for (let i = 0; i < 3; i++) await first.page.getByTestId('train-step').click();
  await first.page.waitForFunction(
    () => Number(document.querySelector('[data-testid="train-step-count"]')?.textContent) >= 5,
    undefined,
    { timeout: 60_000 },
  );
  const original = await exportItem(first.page, 'weights');
  // The download's file goes with its browser context: keep the bytes.
  const zipFile = { name: original.d.suggestedFilename(), mimeType: 'application/zip', buffer: original.bytes };
  expect(first.errors).toEqual([]);
  await first.ctx.close();

  // A fresh page (fresh profile, fresh worker) with the same template: import builds the models, then loads the zip.
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await loadTemplateInPage(page, 'gan-2d-ring');
  await page.getByTestId('train-backend').selectOption('cpu');
  await openMenu(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), item(page, 'import-weights').click()]);
  await chooser.setFiles(zipFile);
  await page
    .getByTestId('toast')
    .filter({ hasText: /^Imported / })
    .waitFor({ timeout: 90_000 });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="sample-grid"]')?.getAttribute('data-step')) >= 1,
  );
  await screenshot(page, 'export-04-imported');
  const again = unzipSync(new Uint8Array((await exportItem(page, 'weights')).bytes));
  const want = unzipSync(new Uint8Array(original.bytes));
  for (const f of ['generator/weights.bin', 'discriminator/weights.bin'])
    expect(Buffer.from(again[f]).equals(Buffer.from(want[f])), f).toBe(true);

  // The same zip with G's first layer renamed: refused with the first mismatch, and the weights stay.
  const json = JSON.parse(strFromU8(want['generator/model.json']));
  const renamed: string = json.weightsManifest[0].weights[0].name;
  json.weightsManifest[0].weights[0].name = 'g_other/kernel';
  const bad = zipSync({ ...want, 'generator/model.json': strToU8(JSON.stringify(json)) });
  await openMenu(page);
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), item(page, 'import-weights').click()]);
  await chooser2.setFiles({ name: 'other.zip', mimeType: 'application/zip', buffer: Buffer.from(bad) });
  const alert = page.getByRole('alert').filter({ hasText: /^Cannot import other\.zip: / });
  await alert.waitFor();
  expect(await alert.innerText()).toContain(`generator: the file has no weights '${renamed}'`);
  expect(await alert.innerText()).toContain('Nothing was changed');
  await screenshot(page, 'export-05-import-refused');
  const after = unzipSync(new Uint8Array((await exportItem(page, 'weights')).bytes));
  expect(Buffer.from(after['generator/weights.bin']).equals(Buffer.from(want['generator/weights.bin']))).toBe(true);
  expect(errors).toEqual([]);
  await ctx.close();
});
