import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectErrors, launchBrowser, screenshot, startApp } from './harness';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
beforeAll(async () => { app = await startApp(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await app?.close(); });

test('the app opens with the DCGAN template', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(app.url);
  await page.getByTestId('node-g_dense').waitFor();
  await screenshot(page, 'smoke');
  expect(errors).toEqual([]);
});
