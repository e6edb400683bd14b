import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { zipSync } from 'fflate';
import { loadUserData } from '../../src/cli/userData';
import { hostRange } from '../../src/core/data/host';

/** A w×h PNG whose brightness is `v` (a stand-in for a user's photo). */
function png(w: number, h: number, v: number): Buffer {
  const p = new PNG({ width: w, height: h });
  p.data.fill(v);
  for (let i = 3; i < p.data.length; i += 4) p.data[i] = 255;
  return PNG.sync.write(p);
}

function imageFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ganvas-imgs-'));
  for (const [cls, v] of [
    ['cats', 40],
    ['dogs', 220],
  ] as const) {
    mkdirSync(join(dir, cls));
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, cls, `${i}.png`), png(40 + i, 30, v));
  }
  return dir;
}

describe('user datasets', () => {
  it('a folder of PNGs becomes resized grayscale samples labelled by subfolder', async () => {
    const d = await loadUserData(imageFolder(), { size: 28, channels: 1, scale: 'tanh' });
    expect(d).toMatchObject({ shape: [28, 28, 1], count: 6, numClasses: 2 });
    expect(Array.from(d.labels!)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(hostRange(d, 0, 1)[0]).toBeCloseTo((40 / 255) * 2 - 1, 5);
  });

  it('a zip of images works the same, and a broken image is named in the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganvas-zip-'));
    const zip = join(dir, 'set.zip');
    writeFileSync(zip, zipSync({ 'a.png': png(8, 8, 10), 'b.png': png(9, 9, 200) }));
    const d = await loadUserData(zip, { size: 16, channels: 3, scale: 'sigmoid' });
    expect(d).toMatchObject({ shape: [16, 16, 3], count: 2, numClasses: 0 });
    const bad = join(dir, 'bad.zip');
    writeFileSync(bad, zipSync({ 'x.png': new Uint8Array([1, 2, 3]) }));
    await expect(loadUserData(bad, { size: 16, channels: 1, scale: 'tanh' })).rejects.toThrow(
      /x.png: not a readable PNG image/,
    );
    await expect(loadUserData(join(dir, 'none'), { size: 16, channels: 1, scale: 'tanh' })).rejects.toThrow(
      /no such file or folder/,
    );
  });

  it('npm run train --data trains a template on them, with pixel diversity (no classifier) under --metrics', () => {
    const out = mkdtempSync(join(tmpdir(), 'ganvas-user-run-'));
    const r = spawnSync(
      process.execPath,
      [
        'scripts/run-cli.mjs',
        'train',
        'templates/vanilla-gan-mnist.json',
        '--data',
        imageFolder(),
        '--steps',
        '4',
        '--batch',
        '4',
        '--sample-every',
        '2',
        '--metrics',
        '--out',
        out,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/data: .*6 samples of 28×28×1/);
    // An imported set has no reference classifier, but G's diversity is measured against its images.
    const lines = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => 'quality' in l || 'realQuality' in l)).toEqual([]);
    const d = lines.filter((l) => 'diversity' in l);
    expect(d.map((l) => l.step)).toEqual([2, 4]);
    expect(d[0].diversity.samples).toBe(6);
    expect(Number.isFinite(d[0].diversity.spread)).toBe(true);
    expect(r.stdout).toMatch(/diversity at step 4: spread/);
  });
});
