import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });

describe('npm run train -- <mnist project> --metrics', () => {
  it('writes the classifier score, coverage and Frechet distance at each sample point, and the real digits once', () => {
    const out = mkdtempSync(join(tmpdir(), 'ganvas-mnist-q-'));
    const r = cli(
      'train',
      'templates/vanilla-gan-mnist.json',
      '--steps',
      '4',
      '--batch',
      '8',
      '--sample-every',
      '2',
      '--out',
      out,
      '--metrics',
      '--metrics-samples',
      '200',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const all = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const real = all.filter((l) => 'realQuality' in l);
    expect(real).toHaveLength(1);
    expect(real[0].realQuality).toMatchObject({ samples: 200, coverage: 10 });
    expect(real[0].realQuality.classifierScore).toBeGreaterThan(8);
    const q = all.filter((l) => 'quality' in l);
    expect(q.map((l) => l.step)).toEqual([2, 4]);
    for (const { quality } of q) {
      expect(quality.samples).toBe(200);
      expect(quality.classShares).toHaveLength(10);
      expect(quality.classifierScore).toBeGreaterThanOrEqual(1);
      expect(quality.fd).toBeGreaterThan(5 * real[0].realQuality.fd); // 4 steps of training: far from real digits
    }
    // Pixel diversity at the same points: 4 steps in, G's digits are far less varied than real ones.
    const d = all.filter((l) => 'diversity' in l);
    expect(d.map((l) => l.step)).toEqual([2, 4]);
    for (const { diversity } of d) {
      expect(diversity.samples).toBe(256);
      expect(diversity.spread).toBeGreaterThan(0);
      expect(diversity.spread).toBeLessThan(0.6);
    }
    expect(r.stdout).toMatch(/diversity at step 4: spread \d+\.\d%, nearest neighbours \d+\.\d% of real images'/);
    expect(all.filter((l) => 'dLoss' in l)).toHaveLength(4);
    expect(r.stdout).toMatch(
      /quality of 200 real digits \(the target\): classifier score \d+\.\d+, confidence \d\.\d+ \(\d+% sure\), 10\/10 classes, FD/,
    );
    expect(r.stdout).toMatch(/quality at step 4: classifier score/);
  });
});
