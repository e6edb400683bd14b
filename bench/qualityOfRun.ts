/**
 * `npm run bench:quality-of -- <run dir> [<run dir> ...]`: the quality benchmark's measurements
 * (bench/qualityRun.ts) of runs trained elsewhere — a run folder of `npm run train`, or of a generated
 * PyTorch project's `python train.py` (same files: plan.json, project.json, generator/, discriminator/).
 * So a recipe can be tried quickly in PyTorch (about 4x faster per step on this CPU than tfjs-wasm) and
 * judged with the same classifier and thresholds as the benchmark (docs/quality.md). Prints one line per
 * run; --samples N (default 500); --codes: for InfoGAN, also which digits each categorical code value draws
 * (the counts behind the code agreement), to see which digits a code mixes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { intOption, parseArgs } from '../src/cli/args';
import { useBackend } from '../src/cli/backend';
import { readModelFiles } from '../src/cli/modelFiles';
import { mnistPath } from '../src/cli/train';
import type { GanPlan } from '../src/core/compile/plan';
import type { NetworkWeights } from '../src/core/compile/weights';
import { loadDataset } from '../src/core/datasets';
import { parseProject } from '../src/core/project/schema';
import type { MnistQuality } from '../src/core/quality/mnistQuality';
import { loadShippedClassifier } from '../src/core/quality/shippedClassifier';
import { TrainingSession } from '../src/core/train/session';
import { describePoint, measureSessionPoint, mnistMeters, type MnistMeters } from './qualityRun';

function networkFiles(dir: string, net: string): NetworkWeights {
  const { weightSpecs, weightData } = readModelFiles(join(dir, net));
  return { weightSpecs, weightData };
}

/** The last step and its training seconds, from the run's metrics.jsonl (both engines write it). */
function lastStep(dir: string): { step: number; seconds: number } {
  const file = join(dir, 'metrics.jsonl');
  let last = { step: 0, seconds: 0 };
  if (!existsSync(file)) return last;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (typeof r.step === 'number' && typeof r.seconds === 'number' && r.step >= last.step)
      last = { step: r.step, seconds: r.seconds };
  }
  return last;
}

/** One row per code value: its matched digit and how many of its samples the classifier gave each digit. */
function codeTable({ counts, mapping }: NonNullable<MnistQuality['codeMatch']>): string {
  const cell = (x: number | string) => String(x).padStart(4);
  const head = `  code → digit |${counts[0].map((_, d) => cell(d)).join('')}`;
  const rows = counts.map((r, c) => `  ${cell(c)} → ${mapping[c] < 0 ? '-' : mapping[c]}     |${r.map(cell).join('')}`);
  return [head, ...rows].join('\n');
}

const args = parseArgs(process.argv.slice(2), ['codes']);
if (!args.positional.length) throw new Error('which runs? usage: npm run bench:quality-of -- <run dir> [...]');
const samples = intOption(args, 'samples', 500)!;
const showCodes = args.options.codes === true;
await useBackend(tf, 'wasm');
let meters: MnistMeters | undefined;
for (const arg of args.positional) {
  const dir = resolve(arg);
  for (const f of ['plan.json', 'project.json'])
    if (!existsSync(join(dir, f))) throw new Error(`${dir}: no ${f}; pass the --out folder of a run`);
  const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as GanPlan;
  const project = parseProject(readFileSync(join(dir, 'project.json'), 'utf8'));
  const host = await loadDataset(project.dataset, { mnistBytes: async () => readFileSync(mnistPath()) });
  if (project.dataset.kind === 'mnist')
    meters ??= await mnistMeters(tf, host, project.dataset.scale, samples, await loadShippedClassifier());
  const session = new TrainingSession(tf, plan, host);
  try {
    // A run folder's generator/ is the G it samples from (the averaged one when the run averaged G's weights);
    // replaceWeights restarts this session's average from it, so samples come from those weights.
    session.replaceWeights({
      generator: networkFiles(dir, 'generator'),
      discriminator: networkFiles(dir, 'discriminator'),
    });
    const m = await measureSessionPoint(tf, session, project, host, { mnist: meters, samples });
    console.log(`${arg}: ${describePoint(project.name, plan.training.seed, { ...lastStep(dir), ...m.point })}`);
    if (showCodes && m.codeMatch) console.log(codeTable(m.codeMatch));
  } finally {
    session.dispose();
  }
}
