#!/usr/bin/env node
// `npm run bench:browser`: drives headless Debian chromium (WebGPU through SwiftShader here) over
// bench/browser/index.html for step timings per backend, and over the real app for main-thread
// responsiveness while training in the worker; writes the "Browser" section of BENCHMARKS.md.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const QUICK = process.argv.includes('--quick');
const R = (n) => (QUICK ? Math.min(n, 1) : n);
if (!existsSync('/usr/bin/chromium')) {
  console.error("bench:browser needs Debian's chromium: apt-get install -y --no-install-recommends chromium");
  process.exit(1);
}
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

// No file watching and no HMR: an edit anywhere in the tree would otherwise reload the bench page mid-run.
const server = await createServer({
  server: { port: 5181, strictPort: false, hmr: false, watch: null },
  logLevel: 'error',
});
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--disable-quic'],
});
const version = browser.version();
const page = await browser.newPage();
page.setDefaultTimeout(900_000);
await page.goto(`${base}bench/browser/index.html`);
await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 120_000 });

const steps = [];
const run = async (c) => {
  const r = await page.evaluate(([k, a]) => window.runBench(k, a), ['step', c]);
  if (r.error) {
    console.log(`  ${c.template} b${c.batch} ${c.backend}: ${r.error}`);
    steps.push({ ...c, error: r.error });
    return;
  }
  console.log(
    `  ${c.template} b${c.batch} ${c.backend}${c.flags ? ` ${JSON.stringify(c.flags)}` : ''}: ${ms(r.compiled)} ms/step${r.hand ? `, hand-written ${ms(r.hand)}, ratio ${r.ratio.toFixed(3)}` : ''}`,
  );
  steps.push(r);
};
// SwiftShader WebGPU on 2 cores takes minutes per DCGAN step at batch 32, so the convolutional rows there use
// batch 8; the naive conv2dTranspose flag is compared on it both ways.
for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
  await run({ template: 'gan-2d-ring', batch: 256, backend, reps: R(backend === 'webgpu' ? 20 : 120), hand: true });
}
await run({ template: 'dcgan-tf-tutorial', batch: 8, backend: 'webgpu', reps: R(3), hand: true });
for (const naive of [false, true]) {
  await run({
    template: 'dcgan-tf-tutorial',
    batch: 8,
    backend: 'webgpu',
    reps: R(1),
    flags: { WEBGPU_USE_NAIVE_CONV2D_TRANSPOSE: naive },
  });
}
for (const backend of ['webgl', 'wasm', 'cpu']) {
  await run({ template: 'dcgan-tf-tutorial', batch: 32, backend, reps: R(backend === 'wasm' ? 7 : 3), hand: true });
}
await run({ template: 'dcgan-tf-tutorial', batch: 64, backend: 'wasm', reps: R(5), hand: true });
await run({ template: 'infogan-mnist', batch: 32, backend: 'wasm', reps: R(7), hand: true });

// wasm with 1 vs 2 XNNPACK threads: two pages (a wasm backend's thread count is fixed when it starts),
// runs alternating between them so both see the same machine.
const threadPages = {};
for (const n of [1, 2]) {
  threadPages[n] = await browser.newPage();
  threadPages[n].setDefaultTimeout(900_000);
  await threadPages[n].goto(`${base}bench/browser/index.html?threads=${n}`);
  await threadPages[n].waitForFunction(() => window.benchReady === true, undefined, { timeout: 120_000 });
}
const threadRows = [];
for (const batch of [32, 64]) {
  const got = { 1: [], 2: [] };
  for (let r = 0; r < R(3); r++) {
    for (const n of [1, 2]) {
      const x = await threadPages[n].evaluate(
        ([k, a]) => window.runBench(k, a),
        ['step', { template: 'dcgan-tf-tutorial', batch, backend: 'wasm', reps: 1 }],
      );
      if (x.error) {
        console.log(`  threads ${n}: ${x.error}`);
        continue;
      }
      got[n].push(x.compiled);
      got[n].threads = x.threads;
    }
  }
  const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const row = {
    batch,
    one: med(got[1]),
    two: med(got[2]),
    threads: [got[1].threads, got[2].threads],
    reps: got[1].length,
  };
  console.log(
    `  dcgan-tf-tutorial b${batch} wasm threads ${row.threads.join(' vs ')}: ${ms(row.one)} vs ${ms(row.two)} ms/step`,
  );
  threadRows.push(row);
}
for (const n of [1, 2]) await threadPages[n].close();
const starts = [];
for (const template of [
  'gan-2d-ring',
  'vanilla-gan-mnist',
  'cgan-mnist',
  'dcgan-mnist',
  'dcgan-tf-tutorial',
  'infogan-mnist',
]) {
  const r = await page.evaluate(([k, a]) => window.runBench(k, a), ['first', { template, backend: 'wasm' }]);
  console.log(`  first step ${template} wasm: ${r.error ?? `${ms(r.firstStepMs)} ms, tf ${r.tfMb.toFixed(1)} MB`}`);
  starts.push(r.error ? { template, error: r.error } : r);
}
await page.close();

// Main-thread responsiveness: the real app, training gan-2d-ring in its worker on the default backend.
const app = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await app.addInitScript(() => {
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
await app.goto(base);
await app.getByRole('button', { name: 'Templates ▾' }).click();
await app.locator('[data-template="gan-2d-ring"]').click();
await app.getByTestId('train-start').click();
await app.waitForFunction(
  () => document.querySelector('[data-testid="train-status"]')?.textContent === 'running',
  undefined,
  { timeout: 120_000 },
);
await app.evaluate(() => {
  window.__long = [];
  window.__frames = [];
});
const t0 = Date.now();
const startStep = Number(await app.getByTestId('train-step-count').innerText());
// At least 200 steps and at least 10 s: a fast backend must be watched as long as a slow one.
await app
  .waitForFunction(
    ([s, start]) =>
      Number(document.querySelector('[data-testid="train-step-count"]')?.textContent) >= s + 200 &&
      Date.now() - start >= 10_000,
    [startStep, t0],
    { timeout: 120_000, polling: 250 },
  )
  .catch(() => {});
const seconds = (Date.now() - t0) / 1000;
const resp = await app.evaluate(() => ({ long: window.__long, frames: window.__frames }));
const endStep = Number(await app.getByTestId('train-step-count').innerText());
const backendUsed = await app.getByTestId('train-backend-active').getAttribute('data-backend');
await browser.close();
await server.close();
const sorted = [...resp.frames].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const responsiveness = {
  backend: backendUsed,
  seconds,
  steps: endStep - startStep,
  longTasks: resp.long.length,
  longest: resp.long.length ? Math.max(...resp.long) : 0,
  p50: pct(50),
  p95: pct(95),
  p99: pct(99),
  frames: sorted.length,
};
console.log(`  responsiveness: ${JSON.stringify(responsiveness)}`);

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const adapter = steps.find((s) => s.adapter)?.adapter ?? '';
const section = [
  '<!-- browser-bench:start -->',
  '## Browser (`npm run bench:browser`)',
  '',
  `${when} UTC · headless Chromium ${version} (Debian) with --enable-unsafe-webgpu · WebGPU adapter: ${adapter || 'none'} · ${os.cpus().length} cores, no GPU · command \`npm run bench:browser${QUICK ? ' -- --quick' : ''}\`. Step timings run on the bench page's main thread (bench/browser/main.ts); medians; each ratio is the median of the ratios of back-to-back pairs (which one runs first alternates), in this sitting.`,
  '',
  '### ms per GAN step, and compiled-from-graph vs hand-written tfjs',
  '',
  '| template | batch | backend | Ganvas (ms/step) | hand-written (ms/step) | ratio | reps |',
  '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
  ...steps.map((r) =>
    r.error
      ? `| ${r.template} | ${r.batch} | ${r.backend} | failed: ${r.error} | | | |`
      : `| ${r.template} | ${r.batch} | ${r.backend}${
          r.flags
            ? ` (${Object.entries(r.flags)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')})`
            : ''
        } | ${ms(r.compiled)} | ${r.hand ? ms(r.hand) : '—'} | ${r.hand ? r.ratio.toFixed(3) : '—'} | ${r.reps} |`,
  ),
  '',
  '### WASM threads (dcgan-tf-tutorial; the page cross-origin isolated; runs alternating between a 1-thread and a 2-thread page)',
  '',
  '| batch | threads (as XNNPACK reports) | 1 thread (ms/step) | 2 threads (ms/step) | speed-up | reps |',
  '| ---: | --- | ---: | ---: | ---: | ---: |',
  ...threadRows.map(
    (r) =>
      `| ${r.batch} | ${r.threads.join(' / ')} | ${ms(r.one)} | ${ms(r.two)} | ${(r.one / r.two).toFixed(2)}x | ${r.reps} |`,
  ),
  '',
  "### Time to first step (compile + build + upload + one step at the template's batch, at most 64) and memory, WASM",
  '',
  '| template | ms | tf.memory (MB) |',
  '| --- | ---: | ---: |',
  ...starts.map((r) =>
    r.error
      ? `| ${r.template} | failed: ${r.error} | |`
      : `| ${r.template} | ${ms(r.firstStepMs)} | ${r.tfMb.toFixed(1)} |`,
  ),
  '',
  '### Main thread while training (the app, gan-2d-ring in the worker, live activations on)',
  '',
  `Backend ${responsiveness.backend}; ${responsiveness.steps} steps in ${responsiveness.seconds.toFixed(1)} s. Long tasks (> 50 ms): ${responsiveness.longTasks}${responsiveness.longTasks ? `, longest ${ms(responsiveness.longest)} ms` : ''}. Frame time over ${responsiveness.frames} frames: p50 ${ms(responsiveness.p50)} ms, p95 ${ms(responsiveness.p95)} ms, p99 ${ms(responsiveness.p99)} ms.`,
  '<!-- browser-bench:end -->',
].join('\n');
const file = 'BENCHMARKS.md';
const old = existsSync(file)
  ? readFileSync(file, 'utf8')
  : '# Benchmarks\n\nMeasured, not guessed. Each section says how it was produced.\n';
writeFileSync(
  file,
  old.includes('<!-- browser-bench:start -->')
    ? old.replace(/<!-- browser-bench:start -->[\s\S]*<!-- browser-bench:end -->/, section)
    : `${old.trimEnd()}\n\n${section}\n`,
);
console.log(`wrote ${file}`);
