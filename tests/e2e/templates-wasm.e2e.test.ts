/**
 * Every bundled template trains on the wasm backend in the browser: a few Step presses each, then the
 * dock must show wasm (no fallback), the expected step, finite losses, and a worker whose tensor count
 * does not grow from step to step (a leak in a block's training or probing code would). Every wait is
 * on a condition in the page; the last template's dock is saved to test-results/.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { TEMPLATE_IDS } from '../../src/core/project/templates';
import { screenshot, serveAppAndBrowser } from './harness';
import { openTemplate } from './helpers';

const env = serveAppAndBrowser();

/** Small enough that the convolutional templates take a step in well under a second on 2 cores. */
const BATCH = '4';
const PRESSES = 3;

/**
 * Waits until the worker has finished step `n`: the counter shows it (with the tensor count of the same
 * metrics event) and the sample grid was redrawn at it, which the worker's step() does last (after its
 * probe) — so the next Step press never lands while the previous step is still probing.
 */
async function waitForStep(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const count = document.querySelector('[data-testid="train-step-count"]');
      const grid = document.querySelector('[data-testid="sample-grid"]');
      return (
        Number(count?.textContent) === want &&
        count?.hasAttribute('data-tensors') &&
        Number(grid?.getAttribute('data-step')) === want
      );
    },
    n,
    { timeout: 90_000 },
  );
}

const tensorCount = async (page: Page) =>
  Number(await page.getByTestId('train-step-count').getAttribute('data-tensors'));

/** The latest value of every chart series, from the legend's unrounded data-last. */
const lastValues = (page: Page) =>
  page
    .locator('.chart-key[data-series]')
    .evaluateAll((keys) =>
      Object.fromEntries(
        keys.map((k) => [
          `${k.closest('[data-testid^="chart-"]')?.getAttribute('data-testid')?.slice('chart-'.length)}/${k.getAttribute('data-series')}`,
          Number(k.getAttribute('data-last') ?? NaN),
        ]),
      ),
    );

for (const [i, id] of TEMPLATE_IDS.entries()) {
  test(`${id} trains on wasm: ${PRESSES} Step presses, finite losses, no tensor leak in the worker`, async () => {
    const t0 = Date.now();
    const { ctx, page, errors } = await openTemplate(env.browser, env.app.url, id);
    await page.getByTestId('train-backend').selectOption('wasm');
    await page.getByTestId('hp-batch').fill(BATCH);
    // The first press builds the models (init takes one real step to prove the kernels), then steps: 2, 3, 4.
    const tensors: number[] = [];
    for (let p = 0; p < PRESSES; p++) {
      await page.getByTestId('train-step').click();
      await waitForStep(page, p + 2);
      tensors.push(await tensorCount(page));
    }
    const lastStep = PRESSES + 1;

    // The backend asked for, with no fallback to cpu and no NaN fault.
    expect(await page.getByTestId('train-backend-active').getAttribute('data-backend')).toBe('wasm');
    expect(
      await page
        .getByTestId('train-notice')
        .filter({ hasText: /falling back|could not train|not available/ })
        .allInnerTexts(),
    ).toEqual([]);
    expect(await page.getByTestId('train-fault').count()).toBe(0);
    // Every step is in the history, and the latest losses (and every other charted metric) are finite.
    expect(Number(await page.getByTestId('train-step-count').innerText())).toBe(lastStep);
    expect(await page.getByTestId('chart-Loss').getAttribute('data-points')).toBe(String(lastStep));
    const last = await lastValues(page);
    expect(Object.keys(last)).toEqual(expect.arrayContaining(['Loss/D', 'Loss/G']));
    for (const [name, v] of Object.entries(last)) expect(Number.isFinite(v), `${name} = ${v}`).toBe(true);
    // Steps 2 -> 3 -> 4 (each read after the previous step's probe): a steady state, no tensor left behind.
    expect(tensors[0]).toBeGreaterThan(0);
    for (const n of tensors.slice(1)) expect(n).toBeLessThanOrEqual(tensors[0]);

    const msPerStep = (await page.getByTestId('run-stats').innerText()).match(/([\d.]+) ms\/step/)?.[1] ?? '?';
    console.log(
      `${id}: wasm, step ${lastStep}, tensors ${tensors.join(' -> ')}, D ${last['Loss/D']}, G ${last['Loss/G']}, ${msPerStep} ms/step, ${((Date.now() - t0) / 1000).toFixed(1)} s in all`,
    );
    if (i === TEMPLATE_IDS.length - 1) await screenshot(page, `templates-wasm-${id}`);
    expect(errors).toEqual([]);
    await ctx.close();
  });
}
