/**
 * No lost work (issue 15), in a real browser: several projects in IndexedDB, a share link opened
 * beside existing work, edits that survive an immediate reload and a closed tab, the question before
 * anything overwrites the user's work, the old single autosave moved into the projects list, and the
 * top bar's menus driven from the keyboard. Screenshots go to test-results/projects-*.png.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors, screenshot, serveAppAndBrowser } from './harness';
import { TEMPLATE_IDS } from '../../src/core/project/templates';
import { node, openEditor, waitForAutosave } from './helpers';

const env = serveAppAndBrowser();

const projectRows = (page: Page) => page.locator('.projects-list .project-row');
const toast = (page: Page) => page.getByTestId('toast');

/** Inserts a block from the palette (double-click: the middle of the view) and returns its node id. */
async function insert(page: Page, type: string): Promise<void> {
  await page.locator(`.palette-item[data-block-type="${type}"]`).dblclick();
}

/** Ids of the nodes on the canvas whose id contains `part`. */
const idsOf = (page: Page, part: string) =>
  page.evaluate(
    (t) =>
      [...document.querySelectorAll('.react-flow__node[data-id]')]
        .map((e) => e.getAttribute('data-id')!)
        .filter((id) => id.includes(t)),
    part,
  );

/** Three edits 100 ms apart (the user's pace when clicking quickly), without waiting for any save. */
async function threeQuickEdits(page: Page): Promise<void> {
  await insert(page, 'dropout');
  await page.waitForTimeout(100);
  await insert(page, 'gaussianNoise');
  await page.waitForTimeout(100);
  await insert(page, 'layerNormalization');
}

async function expectThreeEdits(page: Page): Promise<void> {
  await page
    .locator('[data-testid="node-g_layernormalization1"], [data-testid="node-d_layernormalization1"]')
    .waitFor();
  expect(await idsOf(page, 'dropout1')).toHaveLength(1);
  expect(await idsOf(page, 'gaussiannoise1')).toHaveLength(1);
  expect(await idsOf(page, 'layernormalization1')).toHaveLength(1);
}

test('three edits 100 ms apart, then an immediate reload: all three are there', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await threeQuickEdits(page);
  await page.reload();
  await node(page, 'z').waitFor();
  await expectThreeEdits(page);
  await waitForAutosave(page);
  // What one write of the whole project costs here (printed, not asserted): the app's own record, put 20
  // times one after the other in a transaction each, from JSON.stringify to 'complete', without React in
  // between (the status bar's tooltip shows the app's last write, which also waits for the page's rendering).
  const ms = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('ganvas');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise<{ opened: number; text: string }[]>((ok) => {
      const r = db.transaction('projects').objectStore('projects').getAll();
      r.onsuccess = () => ok(r.result);
    });
    const rec = all.sort((x, y) => y.opened - x.opened)[0];
    const project = JSON.parse(rec.text);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const tx = db.transaction('projects', 'readwrite');
      tx.objectStore('projects').put({ ...rec, text: JSON.stringify(project) });
      tx.commit();
      await new Promise((ok) => {
        tx.oncomplete = ok;
      });
      times.push(performance.now() - t0);
    }
    db.close();
    return { times: times.sort((x, y) => x - y), bytes: rec.text.length };
  });
  console.log(
    `write-through of the whole project (${(ms.bytes / 1024).toFixed(1)} KB): median ${ms.times[10].toFixed(1)} ms, min ${ms.times[0].toFixed(1)}, max ${ms.times[19].toFixed(1)} (20 writes)`,
  );
  await screenshot(page, 'projects-01-after-reload');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('three edits 100 ms apart, then the tab is closed and the app opened again: all three are there', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await threeQuickEdits(page);
  await page.close();
  const again = await ctx.newPage();
  const errors2 = collectErrors(again);
  await again.goto(env.app.url);
  await node(again, 'z').waitFor();
  await expectThreeEdits(again);
  expect(await again.locator('.project-name').innerText()).toBe('DCGAN (MNIST)');
  expect([...errors, ...errors2]).toEqual([]);
  await ctx.close();
});

test('three edits 100 ms apart, then the tab crashes at once: all three are there when the app opens again', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  const cdp = await ctx.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // From here the page's timers never fire: a save that waits for a timer (a debounce) never happens,
  // so only writes started by the changes themselves can be there after the crash, however slow the machine.
  await page.evaluate(() => {
    window.setTimeout = (() => 0) as unknown as typeof window.setTimeout;
  });
  await threeQuickEdits(page);
  // The renderer dies right after the last edit: only what was already handed to IndexedDB survives.
  void cdp.send('Page.crash').catch(() => {
    /* never answered: the renderer is gone */
  });
  await crashed;
  const again = await ctx.newPage();
  const errors2 = collectErrors(again);
  await again.goto(env.app.url);
  await node(again, 'z').waitFor();
  await expectThreeEdits(again);
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
  await ctx.close();
});

test('a share link opened beside existing work opens as a new project; the work stays in Projects', async () => {
  // Someone else's project: the ring template, shared as a link.
  const other = await openEditor(env.browser, env.app.url);
  await other.page.getByRole('button', { name: 'Templates ▾' }).click();
  await other.page.locator('[data-template="gan-2d-ring"]').click();
  await node(other.page, 'd_fc1').waitFor();
  await other.page.getByRole('button', { name: 'Share' }).click();
  const link = await other.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await other.ctx.close();

  // My work: the DCGAN with a block added, stored.
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await insert(page, 'dropout');
  await waitForAutosave(page);
  const mine = (await idsOf(page, 'dropout1'))[0];

  // The link opened in a new tab of the same browser: a full page load.
  const tab = await ctx.newPage();
  const tabErrors = collectErrors(tab);
  await tab.goto(link);
  await node(tab, 'd_fc1').waitFor();
  await toast(tab).waitFor();
  expect(await toast(tab).innerText()).toMatch(
    /Opened the shared project “2-D ring.*” as a new project\. Your project “DCGAN \(MNIST\)” is in Projects, as you left it\./,
  );
  expect(tab.url()).not.toContain('#p=');
  await screenshot(tab, 'projects-02a-shared-beside-work');

  // The toast's button opens the list: both projects, the shared one open.
  await toast(tab).getByRole('button', { name: 'Show projects' }).click();
  await tab.getByRole('dialog', { name: 'Projects' }).waitFor();
  await expect.poll(() => projectRows(tab).count()).toBe(2);
  expect(await projectRows(tab).nth(0).innerText()).toMatch(/2-D ring[\s\S]*from a share link/);
  expect(await projectRows(tab).nth(1).innerText()).toMatch(/DCGAN \(MNIST\)[\s\S]*from the DCGAN \(MNIST\) template/);
  await screenshot(tab, 'projects-02b-list');
  await projectRows(tab).nth(1).locator('.project-open').click();
  await node(tab, mine).waitFor();
  expect(await tab.locator('.project-name').innerText()).toBe('DCGAN (MNIST)');
  // A reload stays in the project this tab has open.
  await tab.reload();
  await node(tab, mine).waitFor();
  await tab.close();

  // The link pasted into the first tab's address bar changes only the hash: it opens as a new project too.
  await page.goto(link);
  await node(page, 'd_fc1').waitFor();
  await expect.poll(() => toast(page).innerText()).toMatch(/as a new project\. Your 2 other projects are in Projects/);
  expect(page.url()).not.toContain('#p=');
  expect([...errors, ...tabErrors]).toEqual([]);
  await ctx.close();
});

test('a template over edited work asks first: new project, or replace (undoable), or cancel', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  // An untouched template is replaced without a question (and one Ctrl+Z brings it back).
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="gan-2d-ring"]').click();
  await node(page, 'd_fc1').waitFor();
  expect(await page.getByRole('dialog', { name: /Open the template/ }).count()).toBe(0);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await node(page, 'g_dense').waitFor();

  // Now it is edited: the template asks.
  await insert(page, 'dropout');
  await waitForAutosave(page);
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="gan-2d-ring"]').click();
  const ask = page.getByRole('dialog', { name: 'Open the template “2-D ring of 8 Gaussians”' });
  await ask.waitFor();
  await screenshot(page, 'projects-03a-where');
  await page.keyboard.press('Escape'); // cancel: nothing changes
  await ask.waitFor({ state: 'hidden' });
  expect(await node(page, 'g_dense').isVisible()).toBe(true);

  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="gan-2d-ring"]').click();
  await ask.getByRole('button', { name: /Replace “DCGAN \(MNIST\)”/ }).click();
  await node(page, 'd_fc1').waitFor();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await node(page, 'g_dense').waitFor();
  expect(await idsOf(page, 'dropout1')).toHaveLength(1);

  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.locator('[data-template="gan-2d-ring"]').click();
  await ask.getByRole('button', { name: 'As a new project' }).click();
  await node(page, 'd_fc1').waitFor();
  expect(await toast(page).innerText()).toMatch(/as a new project\. “DCGAN \(MNIST\)” is in Projects/);
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await expect.poll(() => projectRows(page).count()).toBe(2);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('the projects list works from the keyboard; a deleted project comes back with Undo', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await insert(page, 'dropout');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await node(page, 'd_head').waitFor();
  await page.locator('.project-name', { hasText: 'Untitled GAN' }).waitFor();
  await waitForAutosave(page);

  const projects = page.getByRole('button', { name: 'Projects', exact: true });
  await projects.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  await dialog.waitFor();
  await expect.poll(() => projectRows(page).count()).toBe(2);
  // Focus starts on the open project (the first row); ArrowDown moves to the other; Tab reaches its Delete.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('.project-row')?.classList.contains('is-open')))
    .toBe(true);
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('DCGAN (MNIST)');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete “DCGAN (MNIST)”');
  await page.keyboard.press('Enter');
  await expect.poll(() => projectRows(page).count()).toBe(1);
  await page.getByText('Recently deleted').waitFor();
  await screenshot(page, 'projects-04a-deleted');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Projects');

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await projects.click();
  await expect.poll(() => projectRows(page).count()).toBe(2);
  // Enter on a row opens that project: End reaches the restored one (opened longest ago, so last).
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('.project-row')?.textContent ?? '');
  await expect.poll(focusedRow).toContain('Untitled GAN');
  await page.keyboard.press('End');
  expect(await focusedRow()).toContain('DCGAN (MNIST)');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await node(page, 'g_dense').waitFor();
  expect(await idsOf(page, 'dropout1')).toHaveLength(1);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('the autosave of an earlier version becomes the first project', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  // An empty page of the app's origin, to write the old database (version 1, one key 'current') before the app runs.
  await ctx.route(`${env.app.url}seed.html`, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto(`${env.app.url}seed.html`);
  const old = {
    ...JSON.parse(readFileSync(resolve(import.meta.dirname, '../../templates/gan-2d-ring.json'), 'utf8')),
    name: 'My old GAN',
  };
  await page.evaluate(async (text) => {
    await new Promise<void>((ok, fail) => {
      const req = indexedDB.open('ganvas', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('autosave');
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction('autosave', 'readwrite');
        tx.objectStore('autosave').put(text, 'current');
        tx.oncomplete = () => {
          db.close();
          ok();
        };
        tx.onerror = () => fail(tx.error);
      };
      req.onerror = () => fail(req.error);
    });
  }, JSON.stringify(old));
  await page.goto(env.app.url);
  await page.locator('.project-name', { hasText: 'My old GAN' }).waitFor();
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await expect.poll(() => projectRows(page).count()).toBe(1);
  expect(await projectRows(page).first().innerText()).toMatch(/My old GAN[\s\S]*restored from the earlier autosave/);
  await screenshot(page, 'projects-05-migrated');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('the Templates and Export menus work from the keyboard; an error toast leaves once the graph changes', async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  const templates = page.getByRole('button', { name: 'Templates ▾' });
  const focused = () =>
    page.evaluate(
      () =>
        document.activeElement?.getAttribute('data-template') ??
        document.activeElement?.getAttribute('data-export') ??
        document.activeElement?.textContent,
    );
  await templates.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menu').waitFor();
  expect(await focused()).toBe('dcgan-mnist');
  // The menu lists the templates in the registry's order.
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe(TEMPLATE_IDS[1]);
  const LAST = TEMPLATE_IDS[TEMPLATE_IDS.length - 1];
  await page.keyboard.press('End');
  expect(await focused()).toBe(LAST);
  await page.keyboard.press('ArrowDown'); // wraps
  expect(await focused()).toBe('dcgan-mnist');
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toBe(LAST);
  await page.keyboard.press('Home');
  expect(await focused()).toBe('dcgan-mnist');
  await screenshot(page, 'projects-06a-templates-keyboard');
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  expect(await focused()).toBe('Templates ▾');
  expect(await templates.getAttribute('aria-expanded')).toBe('false');
  // ArrowUp opens on the last item; Enter loads it (the DCGAN is untouched: no question).
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toBe(LAST);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.project-name')?.textContent !== 'DCGAN (MNIST)');
  await node(page, 'd_head').waitFor();

  const exportButton = page.getByRole('button', { name: 'Export ▾' });
  await exportButton.focus();
  await page.keyboard.press('Space');
  await page.getByRole('menu').waitFor();
  expect(await focused()).toBe('code');
  // Down past the code exports (TypeScript, its zip, PyTorch) to a disabled item: reachable, it says why it is disabled.
  for (const id of ['code-zip', 'pytorch', 'weights']) {
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(id);
  }
  expect(await page.locator('[data-export="weights"]').getAttribute('aria-disabled')).toBe('true');
  await screenshot(page, 'projects-06b-export-keyboard');
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  expect(await focused()).toBe('Export ▾');

  // An error toast (a bad file) goes when the document changes, not 8 s later.
  await page.getByTestId('open-file').setInputFiles({
    name: 'bad.ganvas.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"ganvas"}'),
  });
  await toast(page).waitFor();
  expect(await toast(page).getAttribute('class')).toContain('toast-error');
  const shownAt = Date.now();
  await insert(page, 'dropout');
  await toast(page).waitFor({ state: 'detached' });
  expect(Date.now() - shownAt).toBeLessThan(8000);
  expect(errors).toEqual([]);
  await ctx.close();
});
