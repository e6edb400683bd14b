/**
 * Sample quality in the browser: training an MNIST template shows the quality charts (classifier
 * score, classes covered, Frechet distance, pixel diversity) under the loss charts, with the real digits
 * as the target.
 */
import { expect, test } from 'vitest';
import { screenshot, serveAppAndBrowser } from './harness';
import { openTemplate } from './helpers';

const env = serveAppAndBrowser();

test('training vanilla-gan-mnist charts the sample quality from the reference classifier', async () => {
  const { ctx, page, errors } = await openTemplate(env.browser, env.app.url, 'vanilla-gan-mnist');
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('train-start').click();
  // The first measurement comes after ~2 s of training, the next once it costs <= 5% of the time.
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="chart-Sample quality"]')?.getAttribute('data-points')) >= 4,
    undefined,
    { timeout: 180_000 },
  );
  const caption = await page.getByTestId('quality-charts').innerText();
  expect(caption).toMatch(/real digits: score \d+\.\d\d, 10\/10 classes, \d+% sure, FD \d+/);
  expect(await page.getByTestId('chart-Frechet distance').innerText()).toMatch(/FD \d+/);
  // Pixel diversity, on every image run: an early G's digits are far less varied than real ones (< 1).
  const diversity = page.getByTestId('chart-Diversity (real images = 1)');
  expect(await diversity.innerText()).toMatch(/spread[\s\S]*neighbours/);
  const spread = Number(await diversity.locator('[data-series="spread"]').getAttribute('data-last'));
  expect(spread).toBeGreaterThan(0);
  expect(spread).toBeLessThan(1);
  expect(caption).toMatch(/diversity: spread = mean distance/);
  await page.getByTestId('quality-charts').scrollIntoViewIfNeeded();
  await screenshot(page, 'quality-01-vanilla-mnist');
  await page.getByTestId('train-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'paused');
  expect(errors).toEqual([]);
  await ctx.close();
});
