/**
 * `npm run bench:pytorch`: the PyTorch export's training speed, written to BENCHMARKS.md (the "PyTorch
 * export" section), in one sitting: for the dcgan-tf-tutorial template (the TF tutorial's DCGAN; dcgan-mnist was it until issue 17) at batch 32 and 64,
 * - the generated project's GAN step vs a hand-written PyTorch step of the same models
 *   (bench/reference/dcgan_keras_torch.py, checked to compute the same networks), interleaved in one
 *   Python process (bench/pytorch_step.py), with 2 threads and with 1;
 * - Ganvas's own step on tfjs-wasm in Node (single-threaded), for the same models and batches.
 * The Python is the one the tests use (scripts/python-env.mjs: PyTorch's official CPU wheel) or $GANVAS_PYTHON.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/cli/backend';
import { writePytorchProject } from '../src/cli/pytorchProject';
import { loadTemplate } from '../src/core/project/templates';
import { TrainingSession } from '../src/core/train/session';
import { datasetCache, median, planOf, timeOnce } from './common';

const TEMPLATE = 'dcgan-tf-tutorial'; // the model bench/reference/dcgan_keras_torch.py writes by hand
const BATCHES = [32, 64];
const QUICK = process.argv.includes('--quick');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

interface TorchRow {
  batch: number;
  threads: number;
  pairs: number;
  generated: number;
  hand: number;
  ratio: number;
  torch: string;
  math: string;
}
interface WasmRow {
  batch: number;
  ms: number;
  reps: number;
}

function python(): string {
  if (process.env.GANVAS_PYTHON) return process.env.GANVAS_PYTHON;
  const r = spawnSync(process.execPath, ['scripts/python-env.mjs', '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('no Python with PyTorch (see scripts/python-env.mjs)');
  return readFileSync(resolve('.cache', 'torch-python'), 'utf8').trim();
}

async function main(): Promise<void> {
  const started = new Date();
  const load0 = os.loadavg()[0];
  const project = loadTemplate(TEMPLATE);
  const code = resolve('.cache', 'bench-pytorch', TEMPLATE);
  rmSync(code, { recursive: true, force: true });
  await writePytorchProject(code, planOf(TEMPLATE, 64), project);
  const py = python();

  const torch: TorchRow[] = [];
  for (const batch of BATCHES) {
    for (const threads of [2, 1]) {
      const r = spawnSync(
        py,
        [
          'bench/pytorch_step.py',
          code,
          '--batch',
          String(batch),
          '--pairs',
          String(QUICK ? 3 : 12),
          '--threads',
          String(threads),
        ],
        { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: String(threads) } },
      );
      if (r.status !== 0) throw new Error(`pytorch_step.py b${batch} t${threads} failed:\n${r.stderr}`);
      const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as TorchRow;
      console.log(
        `  PyTorch b${batch} ${threads} thread(s): generated ${ms(row.generated)} ms, hand-written ${ms(row.hand)} ms, ratio ${row.ratio.toFixed(3)}`,
      );
      torch.push(row);
    }
  }

  await useBackend(tf, 'wasm');
  const dataset = datasetCache(async () => readFileSync('public/data/mnist-10k.bin'));
  const wasm: WasmRow[] = [];
  for (const batch of BATCHES) {
    const s = new TrainingSession(tf, planOf(TEMPLATE, batch), await dataset(TEMPLATE));
    const times: number[] = [];
    const reps = QUICK ? 2 : 5;
    for (let r = -1; r < reps; r++) {
      const t = await timeOnce(() => s.stepper.step());
      if (r >= 0) times.push(t);
    }
    s.dispose();
    wasm.push({ batch, ms: median(times), reps });
    console.log(`  Ganvas tfjs-wasm b${batch}: ${ms(median(times))} ms/step`);
  }
  writeSection(started, load0, torch, wasm);
}

function writeSection(started: Date, load0: number, torch: TorchRow[], wasm: WasmRow[]): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const t = torch[0];
  const lines = [
    '<!-- pytorch-bench:start -->',
    '## PyTorch export (`npm run bench:pytorch`)',
    '',
    `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} cores, ${cpu} · load average ${load0.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine) · ` +
      `PyTorch ${t.torch} (the official CPU wheel; ${t.math}) · Node ${process.version}, tfjs ${tf.version.tfjs} · command \`npm run bench:pytorch${QUICK ? ' -- --quick' : ''}\`.`,
    '',
    `The ${TEMPLATE} template (as on this branch) at batch 32 and 64, one full GAN step (D on a real and a generated batch, then G through D). ` +
      'Generated: the step of the project `npm run export -- --target pytorch` writes. Hand-written: the same models and step written by hand ' +
      '(bench/reference/dcgan_keras_torch.py; the bench checks both compute the same networks on the same weights). Each PyTorch ratio is the ' +
      'median of back-to-back pairs in one process (which runs first alternates); milliseconds are medians.',
    '',
    '| batch | PyTorch threads | generated (ms/step) | hand-written (ms/step) | generated / hand-written | pairs | Ganvas on tfjs-wasm, 1 thread (ms/step) | tfjs-wasm / generated |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...torch.map((r) => {
      const w = wasm.find((x) => x.batch === r.batch);
      return `| ${r.batch} | ${r.threads} | ${ms(r.generated)} | ${ms(r.hand)} | ${r.ratio.toFixed(3)} | ${r.pairs} | ${w ? ms(w.ms) : '—'} | ${w ? `${(w.ms / r.generated).toFixed(1)}x` : '—'} |`;
    }),
    '',
    'The generated step also computes D(x) and D(G(z)) every step and both gradient norms every 10th; the hand-written one only its losses.',
    ...(load0 > os.cpus().length
      ? [
          '',
          `The machine was busy (load average ${load0.toFixed(1)} on ${os.cpus().length} cores): a 2-thread OpenMP team then waits for cores and runs slower than one ` +
            "thread, and every millisecond is several times a quiet machine's (PLATFORM-NOTES: 166-185 / 314-320 ms for PyTorch with 2 threads, " +
            '1,278-1,467 / 2,363 ms for tfjs-wasm at batch 32 / 64). The generated / hand-written ratios, from pairs run back to back, are what this sitting ' +
            'measures; the tfjs-wasm rows ran minutes after the PyTorch ones, under a different load.',
        ]
      : []),
    '<!-- pytorch-bench:end -->',
  ].join('\n');
  const file = 'BENCHMARKS.md';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = /<!-- pytorch-bench:start -->[\s\S]*?<!-- pytorch-bench:end -->/;
  writeFileSync(file, re.test(old) ? old.replace(re, lines) : `${old.trimEnd()}\n\n${lines}\n`);
  console.log(`wrote the PyTorch section of ${file}`);
}

main().catch((e: unknown) => {
  console.error(`bench:pytorch: ${(e as Error).message}`);
  process.exit(1);
});
