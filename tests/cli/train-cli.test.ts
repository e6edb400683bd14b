import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });

describe('npm run train', () => {
  it('trains the 2-D ring headless and writes samples, metrics and models', () => {
    const out = mkdtempSync(join(tmpdir(), 'ganvas-ring-'));
    const r = cli(
      'train',
      'templates/gan-2d-ring.json',
      '--steps',
      '40',
      '--batch',
      '64',
      '--out',
      out,
      '--sample-every',
      '20',
      '--metrics',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^generator: 18,946 params/m);
    expect(r.stdout).toMatch(/^discriminator: 17,025 params/m);
    expect(r.stdout).toMatch(/backend: wasm/);
    expect(r.stdout).toMatch(/step 40\/40 /);
    const png = readFileSync(join(out, 'samples.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(join(out, 'samples', 'step-000020.png'))).toBe(true);
    const all = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const lines = all.filter((l) => 'dLoss' in l);
    expect(lines).toHaveLength(40);
    // --metrics: sample quality at each sample point, in the same JSONL.
    const quality = all.filter((l) => 'quality' in l);
    expect(quality.map((q) => q.step)).toEqual([20, 40]);
    expect(quality[1].quality).toMatchObject({ modes: 8, samples: 2500 });
    expect(quality[1].quality.modesCovered).toBeGreaterThanOrEqual(0);
    expect(r.stdout).toMatch(/quality at step 40: \d\/8 modes covered/);
    // The doctor's verdict on the run: printed and written to the JSONL.
    expect(r.stdout).toMatch(/^doctor: /m);
    expect(all.filter((l) => 'doctor' in l).map((l) => l.step)).toEqual([40]);
    expect(lines.every((m) => Number.isFinite(m.dLoss) && Number.isFinite(m.gLoss))).toBe(true);
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n')[0]).toBe(
      'step,dLoss,gLoss,dReal,dFake,dGradNorm,gGradNorm,auxLoss,infoLoss,seconds',
    );
    const model = JSON.parse(readFileSync(join(out, 'generator', 'model.json'), 'utf8'));
    expect(model.format).toBe('layers-model');
    expect(readFileSync(join(out, 'generator', 'weights.bin')).length).toBe(18_946 * 4);

    // npm run sample: the trained generator, as CSV rows (2-D data) or a PNG, repeatable with --seed.
    const csv = join(out, 's.csv');
    const s1 = cli('sample', out, '--n', '50', '--out', csv, '--seed', '3');
    expect(s1.status).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('x,y');
    expect(rows).toHaveLength(51);
    expect(rows.slice(1).every((r) => r.split(',').map(Number).every(Number.isFinite))).toBe(true);
    expect(cli('sample', out, '--n', '50', '--out', join(out, 's2.csv'), '--seed', '3').status).toBe(0);
    expect(readFileSync(join(out, 's2.csv'), 'utf8')).toBe(readFileSync(csv, 'utf8'));
    expect(cli('sample', out, '--n', '20', '--out', join(out, 's.png')).status).toBe(0);
    expect(readFileSync(join(out, 's.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(cli('sample', 'templates').stderr).toMatch(/not a Ganvas run folder/);
  });

  it('npm run export writes a standalone module and its package.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ganvas-export-')), 'dcgan.ts');
    const r = cli('export', 'templates/dcgan-mnist.json', '--out', out);
    expect(r.status).toBe(0);
    const code = readFileSync(out, 'utf8');
    for (const name of ['buildGenerator', 'buildDiscriminator', 'trainStep', 'sample'])
      expect(code).toContain(`export function ${name}(`);
    expect(JSON.parse(readFileSync(join(out, '..', 'package.json'), 'utf8')).dependencies).toHaveProperty(
      '@tensorflow/tfjs',
    );
  });

  it('says what is wrong in one line and exits 1 on bad input', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'ganvas-bad-')), 'bad.json');
    const p = JSON.parse(readFileSync('templates/gan-2d-ring.json', 'utf8'));
    p.graph.nodes[1].params.units = -3;
    writeFileSync(bad, JSON.stringify(p));
    for (const [args, message] of [
      [['train', 'nope.json'], 'ganvas: no such file: nope.json'],
      [['train', bad], `ganvas: ${bad}: graph.nodes[1].params.units: must be at least 1, got -3`],
      [
        ['train', 'templates/gan-2d-ring.json', '--steps', 'lots'],
        "ganvas: --steps must be a whole number >= 1, got 'lots'",
      ],
      [
        ['train', 'templates/gan-2d-ring.json', '--backend', 'webgpu', '--steps', '1'],
        'ganvas: the webgpu backend needs a browser here',
      ],
      // Training flags are checked with the settings' own ranges (core/training/settings.ts).
      [
        ['train', 'templates/gan-2d-ring.json', '--g-lr', '0', '--steps', '1'],
        "ganvas: --g-lr (G learning rate) must be at least 1e-9, got '0'",
      ],
      [
        ['train', 'templates/gan-2d-ring.json', '--loss', 'wasserstein', '--steps', '1'],
        "ganvas: --loss (Loss) must be one of nsgan, minimax, lsgan, wgan-gp, hinge, got 'wasserstein'",
      ],
    ] as const) {
      const r = cli(...args);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toContain(message);
    }
  });
});
