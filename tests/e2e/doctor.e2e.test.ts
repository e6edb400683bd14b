/**
 * The GAN doctor in the browser: a deliberately broken configuration (gan-2d-ring with D's learning
 * rate 0.01, 5x the template's, wasm backend) shows a doctor warning on the canvas (a badge on D's head and G's output)
 * and in the training panel, within a bounded wait; clicking the finding selects its nodes. And on image
 * data: the vanilla MNIST GAN with a 1-number latent draws a few shapes over and over, which the worker's
 * pixel-diversity measurements show as "images all look alike" on G's output.
 * Screenshots go to test-results/.
 */
import { expect, test } from 'vitest';
import { screenshot, serveAppAndBrowser } from './harness';
import { openTemplate } from './helpers';

const env = serveAppAndBrowser();

test('a discriminator with 5x the learning rate (0.01): the doctor flags it on the canvas and in the panel', async () => {
  const { ctx, page, errors } = await openTemplate(env.browser, env.app.url, 'gan-2d-ring');
  await page.getByTestId('node-d_head').waitFor();
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('hp-lr-D').fill('0.01');
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="train-status"]')?.textContent === 'running',
    undefined,
    { timeout: 90_000 },
  );
  // The doctor is there and quiet at first (a winning D must hold for 150 steps before it counts).
  await page.getByTestId('doctor-list').waitFor({ timeout: 60_000 });
  // In Node the same run (same seed) is flagged from ~step 250; allow for a slow shared machine.
  await page.getByTestId('doctor-finding-discriminatorWins').waitFor({ timeout: 240_000 });
  await page.getByTestId('doctor-badge-d_head').waitFor({ timeout: 10_000 });
  await page.getByTestId('doctor-badge-g_out').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('doctor-badge-d_head').innerText()).toContain('⚠');
  const since = await page.getByTestId('doctor-finding-discriminatorWins').locator('.doctor-since').innerText();
  expect(since).toMatch(/since step \d+/);
  await screenshot(page, 'doctor-running');
  await page.getByTestId('train-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'paused');
  // Clicking the finding selects the nodes involved.
  await page.getByTestId('doctor-finding-discriminatorWins').locator('button').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="node-d_head"]')?.classList.contains('is-selected'),
    undefined,
    { timeout: 10_000 },
  );
  await screenshot(page, 'doctor-focused');
  expect(errors).toEqual([]);
  await ctx.close();
}, 400_000);

test("a generator with a 1-number latent on MNIST: the doctor says its images all look alike, on G's output", async () => {
  const { ctx, page, errors } = await openTemplate(env.browser, env.app.url, 'vanilla-gan-mnist');
  await page.getByTestId('node-z').waitFor();
  await page.getByTestId('node-z').locator('.block-title').click();
  await page.locator('.inspector [data-param="size"] input').fill('1');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="node-z"]')?.textContent?.includes('1, uniform'),
  );
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('train-start').click();
  // In Node the same run is flagged (critical) from the measurements after step 500; measurements here are paced by time.
  await page.getByTestId('doctor-finding-lowDiversity').waitFor({ timeout: 240_000 });
  await page.getByTestId('doctor-badge-g_out').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('doctor-finding-lowDiversity').innerText()).toMatch(
    /images all look alike[\s\S]*near-copies/,
  );
  await page.getByTestId('train-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'paused');
  await page.getByTestId('doctor-list').scrollIntoViewIfNeeded();
  await screenshot(page, 'doctor-image-collapse');
  expect(errors).toEqual([]);
  await ctx.close();
}, 400_000);
