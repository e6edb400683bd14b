/**
 * The one training settings panel and the limits before Train, at 1280×800 (issue 15): the settings
 * are edited in the training dock only (the inspector links there), grouped, from the keyboard, with
 * inline range errors and help; what Train would build is shown before it is pressed, and when the
 * graph is too large for the chosen batch Train says why, with the figures. While training runs the
 * settings are locked with the reason; paused, a change applies to the run. Screenshots in test-results/.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, serveAppAndBrowser } from './harness';
import { openEditor, openProblems } from './helpers';

const env = serveAppAndBrowser();

const panel = (page: Page) => page.getByTestId('settings-panel');
const active = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      label: e?.id ? document.querySelector(`label[for="${CSS.escape(e.id)}"]`)?.textContent : undefined,
      inPanel: !!e?.closest('#training-settings'),
    };
  });

/** Texts cut off in the panel: labels wider than their box, and select options wider than their select. */
const cutOff = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const l of document.querySelectorAll<HTMLElement>('#training-settings label'))
      if (l.scrollWidth > l.clientWidth + 1) out.push(l.textContent!);
    const g = document.createElement('canvas').getContext('2d')!;
    for (const s of document.querySelectorAll<HTMLSelectElement>('#training-settings select')) {
      const cs = getComputedStyle(s);
      g.font = `${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
      for (const o of s.options) if (g.measureText(o.text).width > room) out.push(o.text);
    }
    return out;
  });

test('the settings are edited in one panel in the dock, reached from the inspector, by keyboard, with help and inline range errors; the estimate follows the batch and Train says why it is off', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  // The figures below are the TensorFlow tutorial's DCGAN (G 2.33M, D 213k parameters, batch 64).
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="dcgan-tf-tutorial"]').click();
  await page.getByTestId('node-g_deconv3').waitFor();
  // The inspector (nothing selected) no longer edits training settings: it summarises them and links to the panel.
  await page.getByRole('button', { name: 'Open Inspector' }).click();
  const link = page.getByTestId('settings-link');
  expect(await link.getByTestId('settings-summary').innerText()).toBe(
    'Non-saturating BCE · batch 64 · G Adam 0.0001 · D Adam 0.0001',
  );
  expect(await page.locator('.inspector [data-param="batchSize"], .inspector [data-param="loss"]').count()).toBe(0);
  await link.getByRole('button', { name: 'Training settings ▸' }).click();
  expect(await page.getByTestId('dock-toggle').getAttribute('aria-expanded')).toBe('true');
  await panel(page).waitFor();
  await page.waitForFunction(() => !!document.activeElement?.closest('#training-settings'));
  expect(await active(page)).toEqual({ label: 'Loss', inPanel: true });

  // Three groups, every field whole at 1280×800; the estimate of what Train builds, before it is pressed.
  for (const name of ['Training', 'G optimizer', 'D optimizer'])
    expect(await panel(page).getByRole('group', { name }).isVisible()).toBe(true);
  expect(await cutOff(page)).toEqual([]);
  expect(await page.getByTestId('train-estimate').innerText()).toBe('G 2.33M · D 213k params · ~154 MB at batch 64');
  expect(await page.getByTestId('totals-memory').innerText()).toBe('~154 MB to train at batch 64');
  await screenshot(page, 'settings-01-panel');

  // From the keyboard: Tab goes Loss -> Batch size -> D steps; the focused field shows its help.
  await page.keyboard.press('Tab');
  expect((await active(page)).label).toBe('Batch size');
  await page.keyboard.press('Tab');
  expect((await active(page)).label).toBe('D steps per G step');
  await page.getByTestId('hp-lr-G').focus();
  const help = panel(page).locator('[data-param="generator.learningRate"] .field-help');
  expect(await help.isVisible()).toBe(true);
  expect(await help.innerText()).toMatch(/^Step size of the generator's updates\. .* Range 1e-9 – 10\.$/);
  expect(await page.getByTestId('hp-lr-G').getAttribute('aria-describedby')).toBe(await help.getAttribute('id'));
  await screenshot(page, 'settings-02-help-on-focus');

  // Out of range: explained inline, not applied.
  await page.getByTestId('hp-lr-G').fill('20');
  const lrField = panel(page).locator('[data-param="generator.learningRate"]');
  expect(await lrField.getByRole('alert').innerText()).toBe('G learning rate must be at most 10, got 20');
  expect(await help.isVisible()).toBe(false); // the error takes the help's place
  await page.getByTestId('hp-batch').fill('5000');
  expect(await panel(page).locator('[data-param="batchSize"]').getByRole('alert').innerText()).toBe(
    'Batch size must be at most 4096, got 5000',
  );
  expect(await page.getByTestId('train-estimate').innerText()).toMatch(/at batch 64$/);
  await page.getByTestId('hp-lr-G').fill('0.0001');

  // A batch the limits refuse: the estimate turns red, Train (dock and strip) is off and says why, with the figures.
  await page.getByTestId('hp-batch').fill('2048');
  expect(await page.getByTestId('train-estimate').innerText()).toBe('G 2.33M · D 213k params · ~3.6 GB at batch 2048');
  expect(await page.getByTestId('totals-memory').innerText()).toBe('~3.6 GB to train at batch 2048 (limit 2 GB)');
  const reason = await page.getByTestId('train-refused').innerText();
  expect(reason).toBe(
    'Train is off: training at batch 2048 needs about 3.6 GB (weights 10 MB, gradients 10 MB, optimizer state 19 MB, ' +
      "activations 3.6 GB); the limit is 2 GB of estimated training memory. The largest share is Conv2D 'd_conv1' (392 MB): make it smaller, or lower the batch size.",
  );
  const start = page.getByTestId('train-start');
  expect(await start.getAttribute('aria-disabled')).toBe('true');
  expect(await start.getAttribute('title')).toBe(reason);
  expect(await start.getAttribute('aria-describedby')).toBe('train-refused');
  // It still takes the focus (so the keyboard reaches its reason), and pressing or clicking it builds nothing.
  await start.focus();
  await page.keyboard.press('Enter');
  await start.click({ force: true });
  expect(await page.getByTestId('train-status').textContent()).toBe('idle');
  // The Problems list names the node, with the same figures.
  await openProblems(page);
  expect(await page.locator('#problems-list .problem.error').first().innerText()).toContain(
    "The largest share is Conv2D 'd_conv1'",
  );
  await screenshot(page, 'settings-03-train-refused');
  // Folded, the strip's Train says it too.
  await page.getByTestId('dock-toggle').click();
  expect(await page.getByTestId('strip-train').getAttribute('aria-disabled')).toBe('true');
  expect(await page.getByTestId('strip-refused').innerText()).toMatch(/can't train/);
  expect(await page.getByTestId('strip-refused').getAttribute('title')).toBe(reason);
  await screenshot(page, 'settings-04-strip-refused');

  // Back to a batch that fits: Train is on again.
  await page.getByTestId('dock-toggle').click();
  await page.getByTestId('hp-batch').fill('64');
  await page.getByTestId('train-refused').waitFor({ state: 'detached' });
  expect(await start.getAttribute('aria-disabled')).toBeNull();
  expect(await page.getByTestId('train-estimate').innerText()).toMatch(/~154 MB at batch 64$/);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('while training runs the settings are locked with the reason; paused, a change applies to the run, which resumes', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="gan-2d-ring"]').click();
  await page.getByTestId('node-d_fc1').waitFor();
  await page.getByTestId('dock-toggle').click();
  await page.getByTestId('train-backend').selectOption('wasm');
  await page.getByTestId('hp-batch').fill('64');
  expect(await page.getByTestId('train-estimate').innerText()).toMatch(
    /^G 18\.9k · D 17k params · ~\d+ (KB|MB) at batch 64$/,
  );
  await page.getByTestId('train-start').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="train-status"]')?.textContent === 'running',
    undefined,
    { timeout: 120_000 },
  );
  expect(await panel(page).getAttribute('data-locked')).toBe('true');
  expect(await panel(page).getByRole('group', { name: 'G optimizer' }).getAttribute('disabled')).not.toBeNull();
  expect(await page.getByTestId('hp-lr-D').isDisabled()).toBe(true);
  expect(await page.getByTestId('settings-note').innerText()).toBe(
    'Training is running: pause it to change the settings (they apply when you resume).',
  );
  await screenshot(page, 'settings-05-locked-while-running');

  await page.getByTestId('train-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'paused');
  expect(await page.getByTestId('settings-note').innerText()).toBe('Changes apply to the paused run when you resume.');
  const step = Number(await page.getByTestId('train-step-count').innerText());
  await page.getByTestId('hp-lr-D').fill('0.0005');
  await page.getByTestId('train-notice').filter({ hasText: 'New hyperparameters applied' }).waitFor();
  await screenshot(page, 'settings-06-paused-applied');
  await page.getByTestId('train-start').click(); // Resume: the same run goes on
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid="train-step-count"]')?.textContent) > s + 5,
    step,
    { timeout: 120_000 },
  );
  await page.getByTestId('train-pause').click();
  expect(errors).toEqual([]);
  await ctx.close();
});
