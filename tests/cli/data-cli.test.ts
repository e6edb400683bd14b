/**
 * The CLI trains on the same data as the app: the generated sprites (the same content hash the app's loader
 * gives), point clouds from CSV and .npy, images from a zip with bad and mixed-size files; bad input stops
 * it with the file, line or field named, before anything is written.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { zipSync } from 'fflate';
import { loadDataset } from '../../src/core/datasets';
import { datasetHash } from '../../src/core/data/hash';
import { infoganSprites32 } from '../helpers/spritesProject';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], { encoding: 'utf8', timeout: 600_000 });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const jsonl = (out: string) =>
  readFileSync(join(out, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

function png(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) p.data.set([...rgb, 255], i * 4);
  return new Uint8Array(PNG.sync.write(p));
}

describe('npm run train on the generated sprites', () => {
  it("trains an InfoGAN on sprites32 with the app's very samples, colour sample grids and factor metrics", async () => {
    const dir = tmp('ganvas-sprites-'),
      out = join(dir, 'run'),
      file = join(dir, 'infogan-sprites.json');
    writeFileSync(file, JSON.stringify(infoganSprites32()));
    const r = cli(
      'train',
      file,
      '--steps',
      '4',
      '--sample-every',
      '2',
      '--metrics',
      '--metrics-samples',
      '64',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The same generator the worker runs (loadDataset of the same spec): the same bytes, so the same hash.
    const hash = await datasetHash(await loadDataset({ kind: 'sprites32', scale: 'tanh', count: 300 }, {}));
    expect(r.stdout).toContain(
      `data: sprites 32×32 (seed 1), 300 samples of 32×32×3 (content hash ${hash.slice(0, 16)})`,
    );
    const lines = jsonl(out);
    const real = lines.find((l) => 'realFactors' in l)!.realFactors;
    expect(real).toMatchObject({ samples: 64, recognised: 1, coverage: 4 });
    const f = lines.filter((l) => 'factors' in l);
    expect(f.map((l) => l.step)).toEqual([2, 4]);
    expect(f[1].factors.codeAccuracy).toBeGreaterThanOrEqual(0);
    expect(f[1].factors.mi).toHaveLength(2);
    expect(f[1].factors.factors).toEqual(['hue', 'scale', 'rotation', 'x', 'y']);
    expect(r.stdout).toMatch(/factors at step 4: \d+% recognisable, \d\/4 classes/);
    // The sample grid is a colour PNG.
    const grid = PNG.sync.read(readFileSync(join(out, 'samples.png')));
    expect(grid.colorType).toBe(2);
  });

  it("--data sprites32 --data-count 120 replaces the project's data; a count on a kind without one is refused", () => {
    const dir = tmp('ganvas-sprites2-'),
      file = join(dir, 'p.json');
    writeFileSync(file, JSON.stringify(infoganSprites32({ kind: 'mnist', scale: 'tanh' })));
    const r = cli(
      'train',
      file,
      '--data',
      'sprites32',
      '--data-count',
      '120',
      '--data-seed',
      '5',
      '--steps',
      '1',
      '--out',
      join(dir, 'run'),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('data: sprites 32×32 (seed 5), 120 samples of 32×32×3');
    const bad = cli(
      'train',
      file,
      '--data',
      'ring8',
      '--data-count',
      '120',
      '--steps',
      '1',
      '--out',
      join(dir, 'run2'),
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--data-count does not apply to 'ring8'");
  });
});

describe('npm run train --data with files', () => {
  it('trains the 2-D GAN on a CSV and an .npy point cloud, reporting how the points were scaled', () => {
    const dir = tmp('ganvas-points-');
    const csv = join(dir, 'moons.csv');
    writeFileSync(
      csv,
      `x,y\n${Array.from({ length: 300 }, (_, i) => `${10 + Math.cos(i / 30)},${20 + Math.sin(i / 30)}`).join('\n')}\n`,
    );
    const r = cli(
      'train',
      'templates/gan-2d-ring.json',
      '--data',
      csv,
      '--steps',
      '5',
      '--batch',
      '32',
      '--out',
      join(dir, 'run'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/data: moons, 300 samples of 2 /);
    expect(r.stdout).toMatch(
      /300 points\n\s+centred on \(\d+\.?\d*, \d+\.?\d*\) and scaled ×\d+\.?\d* to fit \[-2, 2\]²/,
    );
    expect(
      readFileSync(join(dir, 'run', 'samples.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // The same as float64 .npy (NumPy's format 1.0).
    let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (300, 2), }";
    header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
    const data = new Float64Array(600).map((_, i) => (i % 2 ? Math.sin(i) : Math.cos(i)));
    const npy = new Uint8Array(10 + header.length + data.byteLength);
    npy.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
    npy.set(new TextEncoder().encode(header), 10);
    npy.set(new Uint8Array(data.buffer), 10 + header.length);
    writeFileSync(join(dir, 'p.npy'), npy);
    const n = cli(
      'train',
      'templates/gan-2d-ring.json',
      '--data',
      join(dir, 'p.npy'),
      '--steps',
      '3',
      '--batch',
      '32',
      '--out',
      join(dir, 'run2'),
    );
    expect(n.stderr).toBe('');
    expect(n.stdout).toMatch(/data: p, 300 samples of 2 /);
  });

  it('a zip with a corrupt image and images of mixed sizes trains on the rest, and says what it skipped and resized', () => {
    const dir = tmp('ganvas-zip-'),
      zip = join(dir, 'faces.zip');
    writeFileSync(
      zip,
      zipSync({
        'faces/a/1.png': png(40, 30, [200, 10, 10]),
        'faces/a/2.png': png(28, 28, [210, 20, 20]),
        'faces/b/3.png': png(50, 60, [10, 10, 200]),
        'faces/b/4.png': new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0]),
      }),
    );
    const r = cli(
      'train',
      'templates/vanilla-gan-mnist.json',
      '--data',
      zip,
      '--steps',
      '2',
      '--batch',
      '2',
      '--out',
      join(dir, 'run'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/data: faces, 3 samples of 28×28×1/);
    expect(r.stdout).toContain('classes: a (2), b (1)');
    expect(r.stdout).toContain('2 resized to 28×28 (cropped to square); sizes found:');
    expect(r.stdout).toMatch(/1 could not be read and was skipped: faces\/b\/4\.png \(not a readable PNG image/);
  });

  it('bad input stops before anything is written, naming the file and the place', () => {
    const dir = tmp('ganvas-bad-');
    const cases: [string, Uint8Array | string, string][] = [
      ['bad.csv', 'x,y\n1,2\n3,abc\n', "bad.csv, line 3: 'abc' is not a number"],
      ['nan.csv', '1,2\nNaN,3\n', "nan.csv, line 2: 'NaN' is not a finite number"],
      ['notes.pdf', '%PDF-1.4 hello', 'notes.pdf is a PDF document; Ganvas reads PNG or JPEG images'],
      [
        'liar.idx',
        new Uint8Array([0, 0, 8, 3, 0, 0, 0xea, 0x60, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3]),
        'liar.idx: truncated: expected 47040000 values for shape [60000, 28, 28], found 3',
      ],
      [
        'empty.zip',
        zipSync({ 'readme.txt': new TextEncoder().encode('hi') }),
        'empty.zip holds no PNG or JPEG images (it has 1 other file: readme.txt)',
      ],
    ];
    for (const [name, body, message] of cases) {
      writeFileSync(join(dir, name), body);
      const out = join(dir, `run-${name}`);
      const r = cli('train', 'templates/gan-2d-ring.json', '--data', join(dir, name), '--steps', '1', '--out', out);
      expect(r.status, name).toBe(1);
      expect(r.stderr).toContain(message);
      expect(existsSync(join(out, 'metrics.jsonl')), name).toBe(false);
    }
  });
});
