#!/usr/bin/env node
// `npm run bench:quality-app`: time to first digits in the app itself, as a newcomer meets it. Builds and
// serves the app, opens a template in headless Debian chromium, trains on wasm with N threads (auto: the
// app's default) and waits until the training panel marks the step where the samples first read as digits
// (the quality chart's marker: core/quality/digitsThreshold.ts), or a time limit. Also records steps/s and
// the main thread's long tasks and frame times while it trains. Prints one JSON line per run and adds its
// table at the top of docs/quality.md's quality-app section (between its markers), above the earlier ones.
// --seeds 1,2,3 trains each thread setting once per seed (typed into the training panel's Seed field, as a user
// would); without it, the template's own seed.
//   node bench/quality-app.mjs [--template dcgan-mnist] [--threads auto,1,2] [--minutes 8] [--seeds 1,2,3]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const template = arg('template', 'dcgan-mnist');
const threadsList = arg('threads', 'auto,1,2').split(',');
const minutes = Number(arg('minutes', '8'));
const seedsArg = arg('seeds', '');
const seeds = seedsArg ? seedsArg.split(',').map(Number) : [undefined];
const out = '.cache/quality-app-dist';

const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], {
  stdio: 'inherit',
});
if (b.status !== 0) process.exit(1);
const port = 4000 + Math.floor(Math.random() * 1000);
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', out, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore', detached: true },
);
const url = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--disable-quic'],
});
const rows = [];
try {
  for (const { threads, seed } of threadsList.flatMap((threads) => seeds.map((seed) => ({ threads, seed })))) {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      window.__frames = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(url);
    await page.getByTestId('node-z').waitFor();
    await page.getByRole('button', { name: 'Templates ▾' }).click();
    await page.locator(`[data-template="${template}"]`).click();
    // Below 1720 px of width the training dock starts folded to its strip: open it as a user would.
    const dock = page.getByTestId('dock-toggle');
    if ((await dock.getAttribute('aria-expanded')) !== 'true') await dock.click();
    await page.getByTestId('training-panel').waitFor();
    await page.getByTestId('train-backend').selectOption('wasm');
    if (threads !== 'auto') await page.getByTestId('train-wasm-threads').selectOption(threads);
    if (seed !== undefined) {
      const field = page.locator('[data-testid="settings-panel"] [data-param="seed"] input');
      await field.fill(String(seed));
      // The field shows what was typed either way; aria-invalid says whether the setting took it.
      if ((await field.getAttribute('aria-invalid')) === 'true') throw new Error(`the Seed field refused ${seed}`);
    }
    const clicked = Date.now();
    await page.getByTestId('train-start').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="train-status"]')?.textContent === 'running',
      undefined,
      { timeout: 300_000 },
    );
    const startedS = (Date.now() - clicked) / 1000;
    await page.evaluate(() => {
      window.__long = [];
      window.__frames = [];
    });
    // The step count and the panel's steps/s every 30 s: where a run's time goes (a slow start, a slowdown).
    const trace = [];
    const tracer = setInterval(() => {
      page
        .evaluate(() => [
          Number(document.querySelector('[data-testid="train-step-count"]')?.textContent),
          document.querySelector('[data-testid="train-sps"]')?.textContent,
        ])
        .then(
          ([step, sps]) => trace.push(`${Math.round((Date.now() - clicked) / 1000)} s: step ${step}, ${sps}`),
          () => {},
        );
    }, 30_000);
    const passed = await page
      .waitForFunction(
        () => document.querySelector('[data-testid="quality-first-digits"]')?.getAttribute('data-step'),
        undefined,
        { timeout: minutes * 60_000, polling: 1000 },
      )
      .then(
        () => true,
        () => false,
      )
      .finally(() => clearInterval(tracer));
    const r = await page.evaluate(() => ({
      step: Number(document.querySelector('[data-testid="train-step-count"]')?.textContent),
      sps: document.querySelector('[data-testid="train-sps"]')?.textContent,
      backend: document.querySelector('[data-testid="train-backend-active"]')?.textContent?.trim(),
      digits: document.querySelector('[data-testid="quality-first-digits"]')?.textContent,
      digitsStep: document.querySelector('[data-testid="quality-first-digits"]')?.getAttribute('data-step'),
      long: window.__long,
      frames: window.__frames,
    }));
    await page.screenshot({
      path: `test-results/quality-app-${template}-${threads}${seed === undefined ? '' : `-seed${seed}`}.png`,
    });
    await ctx.close();
    const f = [...r.frames].sort((a, c) => a - c);
    const pct = (p) => f[Math.min(f.length - 1, Math.floor((p / 100) * f.length))] ?? NaN;
    const row = {
      template,
      threads,
      seed: seed ?? 'template',
      backend: r.backend,
      startedS: +startedS.toFixed(1),
      passed,
      digitsStep: r.digitsStep ? Number(r.digitsStep) : undefined,
      digits: r.digits,
      lastStep: r.step,
      sps: r.sps,
      longTasks: r.long.length,
      longest: Math.round(Math.max(0, ...r.long)),
      frameP50: +pct(50).toFixed(1),
      frameP95: +pct(95).toFixed(1),
      load: os.loadavg().map((x) => +x.toFixed(1)),
      trace,
    };
    console.log(JSON.stringify(row));
    rows.push(row);
  }
} finally {
  await browser.close();
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  rmSync(out, { recursive: true, force: true });
}
const lscpu = spawnSync('lscpu', { encoding: 'utf8' }).stdout.match(/Model name:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model;
const table = [
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${lscpu}, ${os.cpus().length} cores · headless Chromium, the built app, wasm · command \`node bench/quality-app.mjs --template ${template} --threads ${threadsList.join(',')} --minutes ${minutes}${seedsArg ? ` --seeds ${seedsArg}` : ''}\`. Time to first digits = the training time the panel shows beside its marker (steps when the worker's 256-sample measurement first passed the threshold).`,
  '',
  '| template | wasm threads | seed | started after (s) | first digits | steps/s at the end | main thread: long tasks, longest (ms) | frame time p50 / p95 (ms) | load average (1/5/15 min) |',
  '| --- | --- | --- | ---: | --- | --- | ---: | ---: | --- |',
  ...rows.map(
    (r) =>
      `| ${r.template} | ${r.threads}${r.backend ? ` (${r.backend.replace(/^on /, '')})` : ''} | ${r.seed} | ${r.startedS} | ${r.passed ? r.digits.replace(/^✔ /, '') : `not within ${minutes} min (step ${r.lastStep})`} | ${r.sps} | ${r.longTasks}, ${r.longest} | ${r.frameP50} / ${r.frameP95} | ${r.load.join(' / ')} |`,
  ),
].join('\n');
// The newest table goes first; earlier ones stay below it (each names its date, machine and command).
const doc = 'docs/quality.md';
const old = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Sample quality: how fast the templates learn\n';
writeFileSync(
  doc,
  old.includes('<!-- quality-app:start -->')
    ? old.replace('<!-- quality-app:start -->\n', () => `<!-- quality-app:start -->\n${table}\n\n`)
    : `${old.trimEnd()}\n\n<!-- quality-app:start -->\n${table}\n<!-- quality-app:end -->\n`,
);
console.log(`wrote ${doc}`);
