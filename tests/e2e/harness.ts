/**
 * Browser-test harness shared by every e2e suite: builds the app once, serves it with `vite preview`
 * on a free port, and launches Debian's chromium through playwright-core (never a downloaded browser).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = resolve(ROOT, 'test-results');

/**
 * Each test process builds into its own folder: two suites (or two people) running browser tests at
 * once must not serve each other's half-written dist/.
 */
const OUT_DIR = resolve(ROOT, '.cache/e2e', `dist-${process.pid}`);
let built = false;

/** Builds the app once per process into OUT_DIR. */
export function buildApp(): string {
  if (built) return OUT_DIR;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', OUT_DIR, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite build failed with status ${r.status}`);
  built = true;
  return OUT_DIR;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** Waits until the preview server answers (polling the port, not sleeping a fixed time). */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Builds (once) and serves the app; `close()` stops the server. */
export async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = buildApp();
  const port = await freePort();
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let log = '';
  child.stdout?.on('data', (d) => {
    log += String(d);
  });
  child.stderr?.on('data', (d) => {
    log += String(d);
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, child);
  } catch (e) {
    child.kill('SIGTERM');
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        const finish = () => {
          rmSync(outDir, { recursive: true, force: true });
          built = false;
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        // npx starts vite as a child: signal the whole process group we created (detached: true).
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
      }),
  };
}

/** Headless Debian chromium; `webgpu` adds the flags that give a SwiftShader WebGPU adapter. */
export async function launchBrowser(opts: { webgpu?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run 'apt-get update && apt-get install -y --no-install-recommends chromium'`,
    );
  }
  const args = ['--enable-unsafe-webgpu', '--disable-quic'];
  if (opts.webgpu) args.push('--enable-dawn-features=disable_robustness,skip_validation,disable_workgroup_init');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/**
 * The app served and Chromium launched once for the test file that calls this (at module level: it
 * registers vitest's beforeAll/afterAll), read as `env.app` and `env.browser` inside the tests.
 */
export function serveAppAndBrowser(): { app: ServedApp; browser: Browser } {
  const env = {} as { app: ServedApp; browser: Browser };
  beforeAll(async () => {
    env.app = await startApp();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}
export type ServedApp = Awaited<ReturnType<typeof startApp>>;

/** Collects console errors and page errors, so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = resolve(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
