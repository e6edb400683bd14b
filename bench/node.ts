/**
 * `npm run bench`: Ganvas's training speed in Node, written to BENCHMARKS.md (the "Node" section).
 * - ms per GAN step per template, batch and backend (cpu with Ganvas's fast kernel, wasm with its
 *   composed Conv2DBackpropFilter);
 * - compiled-from-graph vs hand-written tfjs of the same models and step, interleaved, same backend;
 * - cost of a live-activation probe and the overhead at the default (auto) probe interval;
 * - time to first step (compile + build + upload + first step) and memory per template.
 * Medians over repetitions taken in one run; the machine is shared, so ratios matter more than ms.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/cli/backend';
import { loadTemplate } from '../src/core/project/templates';
import { compileGraph } from '../src/core/compile/plan';
import { datasetInfo } from '../src/core/datasets';
import { TrainingSession } from '../src/core/train/session';
import { ActivationProbe, probeBatchSize } from '../src/core/train/probe';
import { Pacer } from '../src/core/train/pacing';
import { hostRange } from '../src/core/data/host';
import { datasetCache, median, planOf, timeOnce } from './common';
import { handDcgan, handInfogan, handRing, type HandGan } from './handwritten';

const dataset = datasetCache(async () => readFileSync('public/data/mnist-10k.bin'));
const QUICK = process.argv.includes('--quick');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

interface StepRow {
  template: string;
  batch: number;
  backend: string;
  compiled: number;
  hand?: number;
  ratio?: number;
  reps: number;
}

/** Compiled step (and the hand-written one, interleaved, when given) on the current backend. */
async function stepRow(
  id: string,
  batch: number,
  backend: string,
  reps: number,
  hand?: (t: typeof tf) => HandGan,
): Promise<StepRow> {
  const host = await dataset(id);
  const s = new TrainingSession(tf, planOf(id, batch), host);
  const h = hand?.(tf);
  const images = h ? tf.tensor(hostRange(host, 0, host.count), [host.count, ...host.shape]) : undefined;
  const a: number[] = [],
    b: number[] = [];
  for (let r = -1; r < reps; r++) {
    // r = -1: warm-up (kernels, optimizer slots)
    // Alternate which runs first, so neither always pays for the other's garbage or cache misses.
    const ours = () => timeOnce(() => s.stepper.step());
    const theirs = () => (h ? timeOnce(() => h.step(tf, h, images!, batch, 1000 + r)) : Promise.resolve(0));
    let ta: number, tb: number;
    if (r % 2 === 0) {
      ta = await ours();
      tb = await theirs();
    } else {
      tb = await theirs();
      ta = await ours();
    }
    if (r >= 0) {
      a.push(ta);
      b.push(tb);
    }
  }
  s.dispose();
  if (h) {
    h.G.dispose();
    h.D.dispose();
    h.optG.dispose();
    h.optD.dispose();
    images!.dispose();
  }
  const row: StepRow = { template: id, batch, backend, compiled: median(a), reps };
  if (h) {
    row.hand = median(b);
    row.ratio = row.compiled / row.hand;
  }
  console.log(
    `  ${id} b${batch} ${backend}: ${ms(row.compiled)} ms/step${h ? `, hand-written ${ms(row.hand!)} ms, ratio ${row.ratio!.toFixed(3)}` : ''}`,
  );
  return row;
}

interface ProbeRow {
  template: string;
  backend: string;
  stepMs: number;
  probeMs: number;
  every: number;
  overhead: number;
}
async function probeRow(id: string, batch: number, backend: string, reps: number): Promise<ProbeRow> {
  const host = await dataset(id);
  const plan = planOf(id, batch);
  const s = new TrainingSession(tf, plan, host);
  const n = probeBatchSize(plan);
  const real = tf.tensor(hostRange(host, 0, n), [Math.min(n, host.count), ...host.shape]);
  const probe = new ActivationProbe(tf, plan, s.gan, s.fixedFeed(n), real, undefined, {
    scale: loadTemplate(id).dataset.scale,
  });
  const pacer = new Pacer();
  const steps: number[] = [],
    probes: number[] = [];
  for (let r = -1; r < reps; r++) {
    const st = await timeOnce(() => s.stepper.step());
    const t0 = performance.now();
    await probe.read();
    const pt = performance.now() - t0;
    if (r >= 0) {
      steps.push(st);
      probes.push(pt);
      pacer.recordSteps(1, st);
      pacer.recordProbe(pt);
    }
  }
  const stepMs = median(steps),
    probeMs = median(probes);
  const every = pacer.probeEvery('auto');
  probe.dispose();
  s.dispose();
  const overhead = probeMs / (every * stepMs + probeMs);
  console.log(
    `  probe ${id} ${backend}: ${ms(probeMs)} ms per probe, step ${ms(stepMs)} ms, auto interval ${every} -> ${(overhead * 100).toFixed(1)}%`,
  );
  return { template: id, backend, stepMs, probeMs, every, overhead };
}

interface StartRow {
  template: string;
  backend: string;
  firstStepMs: number;
  rssMb: number;
  tfMb: number;
  tensors: number;
}
/**
 * Time to first step and peak memory of one template, in a fresh process of its own (`--start-row ID`):
 * in one shared process the RSS of every template would be the largest so far, not its own.
 */
async function startRow(id: string, backend: string): Promise<StartRow> {
  await useBackend(tf, backend as 'wasm' | 'cpu');
  const host = await dataset(id);
  const t0 = performance.now();
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), {
    ...p.training,
    batchSize: Math.min(p.training.batchSize, 64),
  });
  if (!res.ok) throw new Error(id);
  const s = new TrainingSession(tf, res.plan, host);
  await s.run(1);
  const first = performance.now() - t0;
  await s.run(2);
  const mem = tf.memory();
  const row = {
    template: id,
    backend,
    firstStepMs: first,
    rssMb: process.resourceUsage().maxRSS / 1024,
    tfMb: mem.numBytes / 2 ** 20,
    tensors: mem.numTensors,
  };
  s.dispose();
  return row;
}

function startRowInChild(id: string, backend: string): StartRow {
  const r = spawnSync(process.execPath, [process.argv[1], '--start-row', id, backend], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`start row ${id}: ${r.stderr || line}`);
  const row = JSON.parse(line) as StartRow;
  console.log(
    `  start ${id} ${backend}: first step after ${ms(row.firstStepMs)} ms; peak RSS ${row.rssMb.toFixed(0)} MB, tf ${row.tfMb.toFixed(1)} MB`,
  );
  return row;
}

async function main(): Promise<void> {
  const started = new Date();
  const steps: StepRow[] = [],
    probes: ProbeRow[] = [],
    starts: StartRow[] = [];
  const reps = (n: number) => (QUICK ? Math.min(n, 2) : n);
  for (const backend of ['wasm', 'cpu'] as const) {
    await useBackend(tf, backend);
    console.log(`backend ${backend}`);
    steps.push(await stepRow('gan-2d-ring', 256, backend, reps(30), handRing));
    steps.push(await stepRow('dcgan-tf-tutorial', 32, backend, reps(backend === 'cpu' ? 5 : 7), handDcgan));
    if (backend === 'wasm') {
      steps.push(await stepRow('dcgan-tf-tutorial', 64, backend, reps(5), handDcgan));
      steps.push(await stepRow('infogan-mnist', 32, backend, reps(3), handInfogan));
      probes.push(await probeRow('gan-2d-ring', 256, backend, reps(20)));
      probes.push(await probeRow('dcgan-tf-tutorial', 32, backend, reps(5)));
      for (const id of [
        'gan-2d-ring',
        'vanilla-gan-mnist',
        'dcgan-mnist',
        'dcgan-tf-tutorial',
        'cgan-mnist',
        'lsgan-mnist',
        'wgan-gp-mnist',
        'acgan-mnist',
        'infogan-mnist',
      ]) {
        starts.push(startRowInChild(id, backend));
      }
    }
  }
  const torch = QUICK ? [] : torchReference();
  writeSection(started, steps, probes, starts, torch);
}

interface TorchRow {
  batch: number;
  threads: number;
  msPerStep: number;
  torch: string;
  blas: string[];
}
/**
 * The PyTorch CPU reference (bench/reference/dcgan_torch.py), run in this same sitting when a Python
 * with torch is installed (Debian: apt-get install python3-torch libopenblas0-pthread).
 */
function torchReference(): TorchRow[] {
  const python = ['/usr/bin/python3', 'python3'].find(
    (py) => spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
  );
  if (!python) {
    console.log('  PyTorch reference skipped: no python3 with torch');
    return [];
  }
  const rows: TorchRow[] = [];
  for (const batch of [32, 64]) {
    for (const threads of [1, 2]) {
      const r = spawnSync(
        python,
        ['bench/reference/dcgan_torch.py', '--batch', String(batch), '--steps', '10', '--threads', String(threads)],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) {
        console.log(`  PyTorch b${batch} t${threads} failed: ${r.stderr.trim().split('\n').pop()}`);
        continue;
      }
      const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as TorchRow;
      console.log(`  PyTorch dcgan-tf-tutorial b${batch} ${row.threads} thread(s): ${ms(row.msPerStep)} ms/step`);
      rows.push(row);
    }
  }
  return rows;
}

function writeSection(
  started: Date,
  steps: StepRow[],
  probes: ProbeRow[],
  starts: StartRow[],
  torch: TorchRow[],
): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '<!-- node-bench:start -->',
    '## Node (`npm run bench`)',
    '',
    `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} cores, ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · tfjs ${tf.version.tfjs} · command \`npm run bench${QUICK ? ' -- --quick' : ''}\`. Medians; each ratio from interleaved runs in this one sitting.`,
    '',
    '### ms per GAN step, and compiled-from-graph vs hand-written tfjs',
    '',
    '| template | batch | backend | Ganvas (ms/step) | hand-written (ms/step) | ratio | reps |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
    ...steps.map(
      (r) =>
        `| ${r.template} | ${r.batch} | ${r.backend} | ${ms(r.compiled)} | ${r.hand ? ms(r.hand) : '—'} | ${r.ratio ? r.ratio.toFixed(3) : '—'} | ${r.reps} |`,
    ),
    '',
    "Ganvas's step also computes D(x) and D(G(z)) each step and both gradient norms every 10th (the hand-written one only the losses it trains on, InfoGAN's Q term included).",
    '',
    ...(torch.length
      ? [
          '### Against PyTorch on the same CPU (dcgan-tf-tutorial, bench/reference/dcgan_torch.py, same sitting)',
          '',
          `PyTorch ${torch[0].torch}, BLAS loaded: ${torch[0].blas.map((b) => b.split('/').pop()).join(', ') || 'none found'}. Node's tfjs wasm is single-threaded; the browser section has wasm with 2 threads.`,
          '',
          '| batch | PyTorch threads | PyTorch (ms/step) | Ganvas wasm, 1 thread (ms/step) | Ganvas / PyTorch |',
          '| ---: | ---: | ---: | ---: | ---: |',
          ...torch.map((t) => {
            const ours = steps.find(
              (r) => r.template === 'dcgan-tf-tutorial' && r.batch === t.batch && r.backend === 'wasm',
            );
            return `| ${t.batch} | ${t.threads} | ${ms(t.msPerStep)} | ${ours ? ms(ours.compiled) : '—'} | ${ours ? `${(ours.compiled / t.msPerStep).toFixed(1)}x` : '—'} |`;
          }),
          '',
        ]
      : []),
    '### Live activations (probe every node on a fixed batch)',
    '',
    '| template | backend | step (ms) | one probe (ms) | auto interval (steps) | overhead at auto |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...probes.map(
      (r) =>
        `| ${r.template} | ${r.backend} | ${ms(r.stepMs)} | ${ms(r.probeMs)} | ${r.every} | ${(r.overhead * 100).toFixed(1)}% |`,
    ),
    '',
    'With visualisation off no probe runs: the step is the row above.',
    '',
    '### Time to first step and memory',
    '',
    '| template | backend | compile + build + upload + first step (ms) | peak RSS, own process (MB) | tf.memory after 3 steps (MB) | tensors |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...starts.map(
      (r) =>
        `| ${r.template} | ${r.backend} | ${ms(r.firstStepMs)} | ${r.rssMb.toFixed(0)} | ${r.tfMb.toFixed(1)} | ${r.tensors} |`,
    ),
    '<!-- node-bench:end -->',
  ].join('\n');
  const file = 'BENCHMARKS.md';
  const old = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nMeasured, not guessed. Each section says how it was produced.\n';
  const next = old.includes('<!-- node-bench:start -->')
    ? old.replace(/<!-- node-bench:start -->[\s\S]*<!-- node-bench:end -->/, lines)
    : `${old.trimEnd()}\n\n${lines}\n`;
  writeFileSync(file, next);
  console.log(`wrote ${file}`);
}

const child = process.argv.indexOf('--start-row');
const entry =
  child >= 0
    ? startRow(process.argv[child + 1], process.argv[child + 2]).then((row) => console.log(JSON.stringify(row)))
    : main();
entry.catch((e) => {
  console.error(`bench: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
