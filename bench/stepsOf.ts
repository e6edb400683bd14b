/**
 * Step time of project files, side by side: one training session per file (wasm in Node, one thread), their
 * steps interleaved (the order reversed every round) so every file sees the same machine; prints the median
 * wall time of a step for each. Two warm-up rounds are not counted.
 *   node scripts/run-cli.mjs --entry bench/stepsOf.ts <reps> a.json b.json [...]
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/cli/backend';
import { mnistPath } from '../src/cli/train';
import { compileGraph } from '../src/core/compile/plan';
import { datasetInfo, loadDataset } from '../src/core/datasets';
import { parseProject } from '../src/core/project/schema';
import { TrainingSession } from '../src/core/train/session';
import { median, timeOnce } from './common';

const [repsArg, ...files] = process.argv.slice(2);
const reps = Number(repsArg);
if (!Number.isInteger(reps) || reps < 1 || !files.length)
  throw new Error('usage: node scripts/run-cli.mjs --entry bench/stepsOf.ts <reps> a.json b.json [...]');
await useBackend(tf, 'wasm');
const sessions: TrainingSession[] = [];
for (const f of files) {
  const p = parseProject(readFileSync(f, 'utf8'));
  const host = await loadDataset(p.dataset, { mnistBytes: async () => readFileSync(mnistPath()) });
  const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!res.ok) throw new Error(`${f} does not compile`);
  sessions.push(new TrainingSession(tf, res.plan, host));
}
const times: number[][] = files.map(() => []);
for (let r = -2; r < reps; r++) {
  const order = sessions.map((_, i) => i);
  if (r % 2) order.reverse();
  for (const i of order) {
    const t = await timeOnce(() => sessions[i].stepper.step());
    if (r >= 0) times[i].push(t);
  }
}
for (const s of sessions) s.dispose();
files.forEach((f, i) => console.log(`${f}: ${median(times[i]).toFixed(0)} ms a step (median of ${reps})`));
