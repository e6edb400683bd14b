/**
 * The training charts (uPlot): a user reads a value by hovering, zooms into a range of steps by dragging,
 * and switches a chart with positive values to a log scale. Trains gan-2d-ring on wasm for a few hundred steps.
 */
import { expect, test } from 'vitest';
import { screenshot, serveAppAndBrowser } from './harness';
import { openTemplate } from './helpers';

const env = serveAppAndBrowser();

test('charts: hover reads a step, drag zooms, log scale for positive series', async () => {
  const { ctx, page, errors } = await openTemplate(env.browser, env.app.url, 'gan-2d-ring');
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="chart-Loss"]')?.getAttribute('data-points')) >= 200,
    undefined,
    { timeout: 120_000 },
  );
  await page.getByTestId('train-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'paused');

  const chart = page.getByTestId('chart-Loss');
  const plot = chart.locator('.u-over');
  await plot.waitFor();
  const box = (await plot.boundingBox())!;
  // Hover: the caption names the step under the pointer and the series' values there.
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect.poll(() => chart.locator('.chart-title').innerText()).toMatch(/Loss · step \d+/);
  const hovered = Number((await chart.locator('.chart-title').innerText()).match(/step (\d+)/)![1]);
  const points = Number(await chart.getAttribute('data-points'));
  expect(hovered).toBeGreaterThan(0);
  expect(hovered).toBeLessThan(points * 0.5);
  await screenshot(page, 'charts-01-hover');

  // Drag from 20% to 40% of the width: the x axis now spans only those steps.
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2);
  const atRight = Number((await chart.locator('.chart-title').innerText()).match(/step (\d+)/)![1]);
  expect(atRight).toBeLessThan(points * 0.5);
  await screenshot(page, 'charts-02-zoomed');

  // Gradient norms are positive: the log toggle is offered and stays pressed.
  const norms = page.getByTestId('chart-Gradient norm');
  const toggle = norms.getByRole('button', { name: 'log' });
  expect(await toggle.isEnabled()).toBe(true);
  await toggle.click();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await norms.scrollIntoViewIfNeeded();
  await norms.locator('.u-over').waitFor();
  await screenshot(page, 'charts-03-log');
  expect(errors).toEqual([]);
  await ctx.close();
});
