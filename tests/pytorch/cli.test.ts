import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { loadTemplate } from '../../src/core/project/templates';
import { serializeProject } from '../../src/core/project/schema';
import { METRICS } from '../../src/core/train/step';
import { runPython, torchPython } from './helpers';

/**
 * The PyTorch export from the command line, and bad input at each door: a graph that does not compile
 * (the compile error, no files), an occupied folder, --engine torch without Python or without torch (the
 * install command), weights of another graph (the first mismatch, nothing loaded), hostile project text
 * (stays text).
 */
const dir = resolve('.cache', 'pytorch-test', 'cli');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', ...env },
  });
const fresh = (name: string) => {
  const d = join(dir, name);
  rmSync(d, { recursive: true, force: true });
  return d;
};

function projectFile(
  name: string,
  edit: (p: ReturnType<typeof loadTemplate>) => void,
  template = 'gan-2d-ring',
): string {
  const p = loadTemplate(template);
  edit(p);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, serializeProject(p));
  return file;
}

describe('npm run export -- --target pytorch', () => {
  it('writes the project folder (with the bundled MNIST for an MNIST project); the same graph gives the same text', () => {
    const a = fresh('dcgan-a'),
      b = fresh('dcgan-b');
    for (const out of [a, b]) {
      const r = cli(['export', 'templates/dcgan-mnist.json', '--target', 'pytorch', '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`wrote ${out}/`);
    }
    for (const f of [
      'model.py',
      'train.py',
      'data.py',
      'requirements.txt',
      'README.md',
      'layers.py',
      'losses.py',
      'step.py',
      'tfjs_weights.py',
      'tfjs_random.py',
      'outputs.py',
      'plan.json',
      'project.json',
      'tfjs_topology.json',
    ]) {
      expect(readFileSync(join(a, f), 'utf8'), f).toBe(readFileSync(join(b, f), 'utf8'));
    }
    expect(readFileSync(join(a, 'data', 'mnist-10k.bin')).equals(readFileSync('public/data/mnist-10k.bin'))).toBe(true);
    // No Ganvas import: the project's modules import each other, torch, numpy and the standard library only.
    const imports = readdirSync(a)
      .filter((f) => f.endsWith('.py'))
      .flatMap((f) =>
        readFileSync(join(a, f), 'utf8')
          .split('\n')
          .filter((l) => /^\s*(import|from) /.test(l))
          .map((l) => l.trim().split(/\s+/)[1].split('.')[0]),
      );
    const own = readdirSync(a)
      .filter((f) => f.endsWith('.py'))
      .map((f) => f.slice(0, -3));
    const allowed = new Set([
      ...own,
      'torch',
      'numpy',
      'PIL',
      'argparse',
      'json',
      'math',
      'os',
      'shutil',
      'sys',
      'time',
      'io',
      're',
      'zipfile',
      'zlib',
      'gzip',
      'struct',
      'collections',
      'copy',
    ]);
    expect([...new Set(imports)].filter((m) => !allowed.has(m))).toEqual([]);
  });

  it('a graph that does not compile: the compile error, and no files', () => {
    const file = projectFile('broken', (p) => {
      p.graph.nodes = p.graph.nodes.filter((n) => n.id !== 'd_head');
      p.graph.edges = p.graph.edges.filter((e) => e.target !== 'd_head');
    });
    const out = fresh('broken-out');
    const r = cli(['export', file, '--target', 'pytorch', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not compile: /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that already has files (--force overwrites the generated ones)', () => {
    const out = fresh('occupied');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = cli(['export', 'templates/gan-2d-ring.json', '--target', 'pytorch', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already has files/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(cli(['export', 'templates/gan-2d-ring.json', '--target', 'pytorch', '--out', out, '--force']).status).toBe(
      0,
    );
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('npm run train -- --engine torch', () => {
  it("trains with the machine's PyTorch and writes what the tfjs engine writes", () => {
    const out = fresh('engine-run');
    const r = cli(
      [
        'train',
        'templates/gan-2d-ring.json',
        '--engine',
        'torch',
        '--steps',
        '30',
        '--sample-every',
        '15',
        '--batch',
        '64',
        '--g-lr',
        '0.002',
        '--out',
        out,
        '--metrics',
        '--threads',
        '1',
      ],
      { GANVAS_PYTHON: torchPython() },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/engine: PyTorch 2\.\d+/);
    expect(r.stdout).toMatch(/nsgan loss, 30 steps, batch 64, on cpu/);
    expect(r.stdout).toMatch(/quality at step 30: \d\/8 modes covered/);
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n')[0]).toBe(
      ['step', ...METRICS, 'seconds'].join(','),
    );
    for (const f of [
      'samples.png',
      'samples/step-000015.png',
      'generator/model.json',
      'discriminator/model.json',
      'plan.json',
      'project.json',
      'pytorch/train.py',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    // The flags reached the run: the plan and project it wrote say batch 64 and G's learning rate 0.002.
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    expect([plan.training.batchSize, plan.training.generator.learningRate]).toEqual([64, 0.002]);
    expect(readFileSync(join(out, 'generator', 'weights.bin')).length).toBe(18_946 * 4);
  });

  it('without Python, or with a Python lacking torch: says how to install it, and does nothing', () => {
    for (const python of [join(dir, 'no-such-python'), 'python3']) {
      const out = fresh('engine-none');
      const r = cli(['train', 'templates/gan-2d-ring.json', '--engine', 'torch', '--steps', '5', '--out', out], {
        GANVAS_PYTHON: python,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/--engine torch needs a Python that imports PyTorch/);
      expect(r.stderr).toContain('pip install torch numpy pillow');
      expect(r.stderr).toMatch(python === 'python3' ? /python3: No module named 'torch'/ : /no-such-python: not found/);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('weights of another graph', () => {
  it('--init-from names the first mismatch and loads nothing; the networks keep their weights', () => {
    const code = fresh('ring-project');
    expect(cli(['export', 'templates/gan-2d-ring.json', '--target', 'pytorch', '--out', code]).status).toBe(0);
    // The vanilla GAN's generator and discriminator, in the tfjs format (what the app exports for that project).
    const other = fresh('vanilla-project');
    expect(cli(['export', 'templates/vanilla-gan-mnist.json', '--target', 'pytorch', '--out', other]).status).toBe(0);
    const otherRun = join(dir, 'vanilla-run');
    const t = runPython([join(other, 'train.py'), '--steps', '1', '--batch', '4', '--out', otherRun, '--threads', '1']);
    expect(t.status, t.stderr).toBe(0);
    const zip = join(dir, 'vanilla-weights.zip');
    const files: Record<string, Uint8Array> = {};
    for (const net of ['generator', 'discriminator'])
      for (const f of ['model.json', 'weights.bin']) files[`${net}/${f}`] = readFileSync(join(otherRun, net, f));
    writeFileSync(zip, zipSync(files));

    const out = fresh('mismatch-run');
    const r = runPython([join(code, 'train.py'), '--steps', '2', '--out', out, '--init-from', zip]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `--init-from ${zip}: generator: the file has no weights 'g_fc1/kernel' ([16, 128] in this project); nothing was loaded`,
    );
    expect(existsSync(out)).toBe(false);
    // All or nothing: G matches the file's names nowhere, D partly (both have 'd_logit'): neither changes.
    const check = runPython([
      '-c',
      [
        'import sys, torch; sys.path.insert(0, sys.argv[1])',
        'import model, tfjs_weights as tw',
        'G, D = model.Generator(), model.Discriminator()',
        'before = [t.clone() for t in list(G.state_dict().values()) + list(D.state_dict().values())]',
        'try:',
        '    tw.load({"generator": (G, model.GENERATOR_WEIGHTS), "discriminator": (D, model.DISCRIMINATOR_WEIGHTS)}, sys.argv[2])',
        'except tw.WeightsMismatch as e:',
        '    print("refused:", e)',
        'after = list(G.state_dict().values()) + list(D.state_dict().values())',
        'print("unchanged" if all(torch.equal(a, b) for a, b in zip(before, after)) else "CHANGED")',
      ].join('\n'),
      code,
      zip,
    ]);
    expect(check.stdout).toMatch(/^refused: generator: /m);
    expect(check.stdout).toMatch(/^unchanged$/m);
  });
});

describe('--init-from a run folder of npm run train (tfjs)', () => {
  it("loads every weight of the CLI's run as it is, and trains on from it", () => {
    const run = fresh('tfjs-run');
    const t = cli(['train', 'templates/gan-2d-ring.json', '--steps', '3', '--sample-every', '3', '--out', run]);
    expect(t.status, t.stderr).toBe(0);
    const code = fresh('ring-init-project');
    expect(cli(['export', 'templates/gan-2d-ring.json', '--target', 'pytorch', '--out', code]).status).toBe(0);
    // The loaded modules, written back in the tfjs layout, hold exactly the run's values under every name.
    const check = runPython([
      '-c',
      [
        'import sys, numpy as np, torch; sys.path.insert(0, sys.argv[1])',
        'import model, tfjs_weights as tw',
        'G, D = model.Generator(), model.Discriminator()',
        'nets = {"generator": (G, model.GENERATOR_WEIGHTS), "discriminator": (D, model.DISCRIMINATOR_WEIGHTS)}',
        'tw.load(nets, sys.argv[2])',
        'for net, (m, table) in nets.items():',
        '    specs, data = tw.read_network(sys.argv[2], net)',
        '    want = tw._arrays(specs, data, net)',
        '    got = dict(tw.tfjs_arrays(m, table))',
        '    assert sorted(got) == sorted(want), (net, sorted(got), sorted(want))',
        '    for k in want: assert np.array_equal(got[k], want[k]), (net, k)',
        '    print(net, len(want), "weights equal")',
      ].join('\n'),
      code,
      run,
    ]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^generator \d+ weights equal$/m);
    expect(check.stdout).toMatch(/^discriminator \d+ weights equal$/m);
    const out = fresh('torch-from-tfjs');
    const r = runPython([
      join(code, 'train.py'),
      '--steps',
      '2',
      '--batch',
      '16',
      '--out',
      out,
      '--init-from',
      run,
      '--threads',
      '1',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`weights from ${run}`);
    expect(existsSync(join(out, 'generator', 'weights.bin'))).toBe(true);
  });
});

describe('hostile project text stays text', () => {
  const PAYLOAD = 'x"""; import os; os.system("echo PWNED") #';
  it('a name, description and imported-dataset name built to break out of strings and comments run nothing', () => {
    const file = projectFile('hostile', (p) => {
      p.name = PAYLOAD;
      p.description = `line one\n""" + __import__("os").system("echo PWNED") + """\r\n# ' \\ \u2028 "); os.system("echo PWNED"); ("`;
    });
    const code = fresh('hostile-project');
    expect(cli(['export', file, '--target', 'pytorch', '--out', code]).status).toBe(0);
    const r = runPython([
      join(code, 'train.py'),
      '--steps',
      '2',
      '--batch',
      '8',
      '--out',
      join(dir, 'hostile-run'),
      '--threads',
      '1',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const help = runPython([join(code, 'train.py'), '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('x"""; import os;'); // the name, as text in the docstring argparse shows
    for (const out of [r.stdout, r.stderr, help.stdout, help.stderr]) expect(out).not.toMatch(/^PWNED$/m);

    // An imported dataset's name reaches Python only as data (read from project.json when it is reported).
    const custom = projectFile('hostile-data', (p) => {
      p.dataset = { kind: 'custom', scale: 'tanh', name: PAYLOAD, shape: [2], numClasses: 0 };
    });
    const code2 = fresh('hostile-data-project');
    expect(cli(['export', custom, '--target', 'pytorch', '--out', code2]).status).toBe(0);
    const r2 = runPython([join(code2, 'train.py'), '--steps', '1', '--out', join(dir, 'hostile-data-run')]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('pass it with --data');
    expect(r2.stdout + r2.stderr).not.toMatch(/^PWNED$/m);
    for (const f of readdirSync(code2).filter((n) => n.endsWith('.py')))
      expect(readFileSync(join(code2, f), 'utf8'), f).not.toContain('PWNED');
  });
});
