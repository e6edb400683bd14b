#!/usr/bin/env node
// Finds or makes a Python with PyTorch and numpy for the tests of the PyTorch export (tests/pytorch),
// as scripts/e2e.mjs does for Chromium, and writes its path to .cache/torch-python for the tests.
// Order: $GANVAS_PYTHON; the venv .cache/torch-venv; a new venv there with PyTorch's official CPU
// wheel (torch==2.13.0+cpu: what a user installs; pip reads the local package index when there is
// one); Debian's python3-torch via apt when root (1.13, several times slower: a last resort).
// Otherwise it prints the exact commands and exits 1.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.cache', 'torch-venv');
const venvPython = join(venv, 'bin', 'python');
const record = join(root, '.cache', 'torch-python');
const WHEEL = 'torch==2.13.0+cpu';
const LOCAL_INDEX = '/opt/pypi/simple';
const TORCH_CPU_INDEX = 'https://download.pytorch.org/whl/cpu';
const quiet = process.argv.includes('--quiet');
const say = (s) => {
  if (!quiet) console.log(`python-env: ${s}`);
};

/** The torch version when `python` imports torch and numpy, else undefined. */
function torchOf(python) {
  const r = spawnSync(python, ['-c', 'import numpy, torch; print(torch.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
function use(python, how) {
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, `${python}\n`);
  say(`${python} (torch ${torchOf(python)}, ${how})`);
  process.exit(0);
}
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, ...env } }).status === 0;

if (process.env.GANVAS_PYTHON) {
  if (torchOf(process.env.GANVAS_PYTHON)) use(process.env.GANVAS_PYTHON, '$GANVAS_PYTHON');
  console.error(`python-env: $GANVAS_PYTHON=${process.env.GANVAS_PYTHON} does not import torch and numpy`);
  process.exit(1);
}
if (existsSync(venvPython) && torchOf(venvPython)) use(venvPython, 'existing venv');

// pip retries an unreachable default index for minutes: use the machine's local index when it has one.
const env = existsSync(LOCAL_INDEX) ? { PIP_INDEX_URL: `file://${LOCAL_INDEX}` } : {};
const isRoot =
  process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
say(`creating ${venv} with ${WHEEL} (about 30 s with a local package index)`);
let made = run('python3', ['-m', 'venv', venv]);
if (!made && isRoot) {
  // Debian's python3 makes venvs only with python3-venv (ensurepip) installed.
  say('python3 -m venv failed; installing python3-venv');
  made =
    run('sh', ['-c', 'apt-get update && apt-get install -y --no-install-recommends python3-venv']) &&
    run('python3', ['-m', 'venv', venv]);
}
const pip = (args, e = env) => run(venvPython, ['-m', 'pip', 'install', '--quiet', ...args], e);
if (made && pip([WHEEL, 'numpy', 'pillow']) && torchOf(venvPython)) use(venvPython, `new venv, ${WHEEL}`);
// No local wheel (a machine on the internet): the same official CPU build from PyTorch's own index.
if (made && !existsSync(LOCAL_INDEX)) {
  say(`trying PyTorch's CPU index: pip install torch --index-url ${TORCH_CPU_INDEX}`);
  if (pip(['torch', '--index-url', TORCH_CPU_INDEX], {}) && pip(['numpy', 'pillow'], {}) && torchOf(venvPython))
    use(venvPython, "new venv, torch from PyTorch's CPU index");
}
const APT = 'apt-get update && apt-get install -y --no-install-recommends python3-torch python3-numpy python3-pil';
if (isRoot) {
  say(`pip could not install ${WHEEL}; trying Debian's PyTorch: ${APT}`);
  if (run('sh', ['-c', APT]) && torchOf('python3'))
    use('python3', "Debian's python3-torch (slower than the official wheel)");
}
console.error(
  [
    'python-env: no Python with PyTorch. Install one with:',
    `  python3 -m venv ${venv} && ${venvPython} -m pip install torch --index-url ${TORCH_CPU_INDEX} && ${venvPython} -m pip install numpy pillow`,
    `  (with a local wheel: ${venvPython} -m pip install ${WHEEL} numpy pillow; Debian needs python3-venv for the venv)`,
    `  (or: sudo sh -c '${APT}'; or set GANVAS_PYTHON to a python that imports torch)`,
  ].join('\n'),
);
process.exit(1);
