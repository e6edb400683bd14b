/**
 * The latent explorer in the browser (issue 6): train a few steps, open the explorer, see an
 * interpolation strip, switch to slerp, save a PNG; keyboard and disabled states. Screenshots go to
 * test-results/. Every wait is on a condition in the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, screenshot, serveAppAndBrowser } from './harness';
import { openTemplate as openTemplateIn } from './helpers';

const env = serveAppAndBrowser();

const openTemplate = (id: string) => openTemplateIn(env.browser, env.app.url, id);

/** Steps once on wasm with a small batch, then waits for the models. */
async function stepOnWasm(page: Page, batch: string) {
  // Before any model exists the explorer cannot open, and says why.
  expect(await page.getByTestId('explorer-open').isDisabled()).toBe(true);
  expect(await page.locator('#explorer-hint').innerText()).toMatch(/Train or step once first/);
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('hp-batch').fill(batch);
  await page.getByTestId('train-step').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="train-step-count"]')?.textContent) >= 2,
    undefined,
    { timeout: 150_000 },
  );
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="explorer-open"]') as HTMLButtonElement)?.disabled,
  );
}

const explorerAttr = (page: Page, name: string) => page.getByTestId('explorer').getAttribute(name);
/** Waits until the explorer shows a finished picture with these data attributes. */
async function waitForPicture(page: Page, want: Record<string, string>) {
  await page.waitForFunction(
    (w) => {
      const el = document.querySelector('[data-testid="explorer"]');
      return (
        !!el &&
        el.getAttribute('data-busy') === 'false' &&
        Number(el.getAttribute('data-step')) >= 1 &&
        Object.entries(w).every(([k, v]) => el.getAttribute(k) === v)
      );
    },
    want,
    { timeout: 60_000 },
  );
}

/** How many different colours the explorer's canvas has (a blank canvas has one). */
const canvasColours = (page: Page) =>
  page.getByTestId('explorer-canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });

/** Clicks Save PNG and checks a PNG download with the step in its name. */
async function savePng(page: Page, file: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('explorer-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^ganvas-\w+-step\d+\.png$/);
  const path = resolve(RESULTS_DIR, file);
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return bytes;
}

test('dcgan-mnist: after a step the explorer shows an interpolation strip, switches to slerp, saves a PNG, closes with Escape', async () => {
  const { ctx, page, errors } = await openTemplate('dcgan-mnist');
  await stepOnWasm(page, '4');
  await page.getByTestId('explorer-open').click();
  // Interpolation strip first: 10 images from seed 1 to seed 2, drawn by the step the models are at.
  await waitForPicture(page, { 'data-kind': 'interpolate', 'data-mode': 'lerp', 'data-count': '10' });
  const step = Number(await explorerAttr(page, 'data-step'));
  expect(step).toBeGreaterThanOrEqual(2);
  expect(await page.getByTestId('explorer-step').innerText()).toContain(`step ${step}`);
  await screenshot(page, 'explorer-01-dcgan-lerp');
  // G's pixels plus the grey gaps (after two steps G draws little more than blurry blobs).
  expect(await canvasColours(page)).toBeGreaterThan(3);
  const size = await page.getByTestId('explorer-canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(size).toEqual([10 * 29 - 1, 28]);

  await page.getByTestId('explorer-slerp').check();
  await waitForPicture(page, { 'data-kind': 'interpolate', 'data-mode': 'slerp', 'data-count': '10' });
  expect(await page.getByTestId('explorer-caption').innerText()).toMatch(/spherical/);
  const png = await savePng(page, 'explorer-dcgan-slerp.png');
  expect(png.length).toBeGreaterThan(1000);

  // Re-rolling B changes the strip, A stays.
  const before = await page.getByTestId('explorer-caption').innerText();
  await page.getByTestId('explorer-reroll-b').click();
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="explorer-caption"]')?.textContent !== b,
    before,
  );
  expect(await page.getByTestId('explorer-caption').innerText()).toMatch(/seed 1 → seed \d+/);

  // A random grid, 4 × 8.
  await page.getByTestId('explorer-mode-grid').click();
  await waitForPicture(page, { 'data-kind': 'grid', 'data-count': '32' });
  await screenshot(page, 'explorer-02-dcgan-grid');

  // Keyboard: Escape closes and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await page.getByTestId('explorer').waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('explorer-open');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('gan-2d-ring: the interpolation is a path over the real data; the cloud and a PNG of it', async () => {
  const { ctx, page, errors } = await openTemplate('gan-2d-ring');
  await stepOnWasm(page, '32');
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="train-step-count"]')?.textContent) >= 30,
    undefined,
    { timeout: 120_000 },
  );
  // Opened while training runs: it follows the weights.
  await page.getByTestId('explorer-open').click();
  await waitForPicture(page, { 'data-kind': 'interpolate', 'data-count': '24' });
  const first = Number(await explorerAttr(page, 'data-step'));
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid="explorer"]')?.getAttribute('data-step')) > s,
    first,
    { timeout: 60_000 },
  );
  // Training can be paused (and resumed) from the explorer itself.
  await page.getByTestId('explorer-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'paused');
  expect(await page.getByTestId('explorer').innerText()).toMatch(/2-D data: every sample is a point/);
  expect(await page.getByTestId('explorer-mode-sweep').count()).toBe(0);
  await page.getByTestId('explorer-slerp').check();
  await waitForPicture(page, { 'data-kind': 'interpolate', 'data-mode': 'slerp' });
  expect(await canvasColours(page)).toBeGreaterThan(5);
  await screenshot(page, 'explorer-03-ring-path');
  await savePng(page, 'explorer-ring-slerp.png');
  await page.getByTestId('explorer-mode-grid').click();
  await waitForPicture(page, { 'data-kind': 'grid', 'data-count': '256' });
  await screenshot(page, 'explorer-04-ring-cloud');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('infogan-mnist: sweeps of the categorical and a continuous code, as rows', async () => {
  const { ctx, page, errors } = await openTemplate('infogan-mnist');
  await stepOnWasm(page, '4');
  await page.getByTestId('explorer-open').click();
  await waitForPicture(page, { 'data-kind': 'interpolate' });
  await page.getByTestId('explorer-mode-sweep').click();
  await waitForPicture(page, { 'data-kind': 'sweep', 'data-count': '40' });
  expect(await page.locator('.ex-col-labels span').allInnerTexts()).toEqual([
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
  ]);
  await screenshot(page, 'explorer-05-infogan-categorical');
  await page.getByTestId('explorer-sweep-input').selectOption('c_cont');
  await waitForPicture(page, { 'data-kind': 'sweep', 'data-count': '40' });
  await page.waitForFunction(() => document.querySelector('.ex-col-labels span')?.textContent === '-2.0');
  await screenshot(page, 'explorer-06-infogan-continuous');
  expect(errors).toEqual([]);
  await ctx.close();
});
