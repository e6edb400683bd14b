/**
 * Export ▾ -> PyTorch project (zip) in the browser: the zip holds, in one folder, the files the CLI's
 * `export --target pytorch` writes for the graph on the canvas (byte for byte), with the bundled MNIST.
 */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { pytorchProject } from '../../src/core/codegen/pytorch';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import { screenshot, serveAppAndBrowser } from './harness';
import { openEditor } from './helpers';

const env = serveAppAndBrowser();

test("PyTorch project (zip): the generated files of the canvas's graph and the bundled MNIST, in one folder", async () => {
  const { ctx, page, errors } = await openEditor(env.browser, env.app.url);
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const item = page.locator('[data-export="pytorch"]');
  await item.waitFor();
  await screenshot(page, 'pytorch-export-menu');
  const [d] = await Promise.all([page.waitForEvent('download'), item.click()]);
  expect(d.suggestedFilename()).toBe('dcgan-mnist-pytorch.zip');
  const files = unzipSync(new Uint8Array(readFileSync((await d.path())!)));

  const p = loadTemplate('dcgan-mnist');
  const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!res.ok) throw new Error('dcgan-mnist does not compile');
  const want = pytorchProject(res.plan, p);
  for (const [name, text] of Object.entries(want)) {
    if (name === 'project.json') continue; // the app's copy also records the canvas viewport
    expect(strFromU8(files[`dcgan-mnist-pytorch/${name}`]), name).toBe(text);
  }
  expect(JSON.parse(strFromU8(files['dcgan-mnist-pytorch/project.json'])).name).toBe(p.name);
  expect(
    Buffer.from(files['dcgan-mnist-pytorch/data/mnist-10k.bin']).equals(readFileSync('public/data/mnist-10k.bin')),
  ).toBe(true);
  await page.getByText(/Exported dcgan-mnist-pytorch\.zip/).waitFor();
  await screenshot(page, 'pytorch-export-done');
  expect(errors).toEqual([]);
  await ctx.close();
}, 300_000);
