/**
 * One run of the quality benchmark: a project trained from scratch with one seed on the current backend,
 * measured every `every` steps — on MNIST with the reference classifier (confident share, classes at 3%,
 * score, FD, nearest-real-digit distance, InfoGAN's code accuracy, a conditional G's class agreement),
 * on 2-D data with modes covered and the high-quality share — with the training time (measurements not
 * counted) at each point and a sample grid saved as PNG.
 */
import { hostRange } from '../src/core/data/host';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import type * as tfNs from '@tensorflow/tfjs';
import type { Project } from '../src/core/project/types';
import { compileGraph } from '../src/core/compile/plan';
import { datasetInfo, getDatasetKind } from '../src/core/datasets';
import type { HostDataset } from '../src/core/data/host';
import { imageGrid, scatterPlot } from '../src/core/data/render';
import { TrainingSession } from '../src/core/train/session';
import { toy2dQuality } from '../src/core/quality/toy2d';
import { MnistQualityMeter, mnistQualityApplies, type MnistQuality } from '../src/core/quality/mnistQuality';
import { digitClasses, readableDigits } from '../src/core/quality/digitsThreshold';
import { NearestRealMeter } from '../src/core/quality/nearestReal';
import { encodePng } from '../src/cli/png';

/** One measurement. MNIST fields or 2-D fields are present, never both. */
export interface QualityPoint {
  step: number;
  /** Training time to this step, measurements excluded. */
  seconds: number;
  confident?: number;
  /** Classes given to >= 3% of the samples. */
  classes?: number;
  readable?: boolean;
  score?: number;
  fd?: number;
  /** Median distance to the nearest real digit (pixels in [0, 1], L2). */
  nearest?: number;
  codeAccuracy?: number;
  classAgreement?: number;
  modes?: number;
  modesCovered?: number;
  highQuality?: number;
}

export interface RunRecord {
  template: string;
  /** Hash of the project file: a record of an older recipe is marked stale. */
  projectHash: string;
  seed: number;
  steps: number;
  batch: number;
  backend: string;
  date: string;
  cpu: string;
  cores: number;
  /** 1-minute load average at the start and the end of the run (other processes share the CPU). */
  load: [number, number];
  msPerStep: number;
  points: QualityPoint[];
}

/** What real digits score on the same measurements (the target), once per dataset. */
export interface RealDigits {
  confident: number;
  classes: number;
  score: number;
  fd: number;
  nearest: number;
  samples: number;
}

export interface MnistMeters {
  quality: MnistQualityMeter;
  nearest: NearestRealMeter;
  real: RealDigits;
}

export async function mnistMeters(
  tf: typeof tfNs,
  host: HostDataset,
  scale: 'tanh' | 'sigmoid',
  samples: number,
  file: Parameters<typeof MnistQualityMeter.create>[1],
): Promise<MnistMeters> {
  const quality = await MnistQualityMeter.create(tf, file, host, scale);
  const nearest = await NearestRealMeter.create(tf, host, scale, samples);
  const r = await quality.measureReal(host, samples);
  return {
    quality,
    nearest,
    real: {
      confident: r.confident,
      classes: digitClasses(r),
      score: r.classifierScore,
      fd: r.fd,
      nearest: nearest.real,
      samples: r.samples,
    },
  };
}

const round = (x: number, d = 4) => +x.toFixed(d);

function mnistPoint(q: MnistQuality, nearest: number): Partial<QualityPoint> {
  return {
    confident: round(q.confident),
    classes: digitClasses(q),
    readable: readableDigits(q),
    score: round(q.classifierScore, 3),
    fd: round(q.fd, 2),
    nearest: round(nearest, 3),
    ...(q.codeAccuracy === undefined ? {} : { codeAccuracy: round(q.codeAccuracy) }),
    ...(q.classAgreement === undefined ? {} : { classAgreement: round(q.classAgreement) }),
  };
}

export interface RunOptions {
  tf: typeof tfNs;
  id: string;
  project: Project;
  projectHash: string;
  host: HostDataset;
  seed: number;
  steps: number;
  every: number;
  samples: number;
  backend: string;
  mnist?: MnistMeters;
  /** Folder for the sample grids (step-NNNNNN.png). */
  pngDir: string;
  log: (line: string) => void;
}

export async function qualityRun(o: RunOptions): Promise<RunRecord> {
  const { tf, project, host } = o;
  const training = { ...project.training, seed: o.seed };
  const res = compileGraph(project.graph, datasetInfo(project.dataset), training);
  if (!res.ok) throw new Error(`${o.id} does not compile: ${res.problems.map((p) => p.message).join('; ')}`);
  const toy = getDatasetKind(project.dataset.kind).modes?.(project.dataset);
  if (!toy && !(o.mnist && mnistQualityApplies(project.dataset, host.shape)))
    throw new Error(`${o.id}: the quality benchmark measures 2-D toy data and the bundled MNIST only`);
  mkdirSync(o.pngDir, { recursive: true });
  const load0 = os.loadavg()[0];
  const session = new TrainingSession(tf, res.plan, host);
  const points: QualityPoint[] = [];
  let trainMs = 0;
  const measure = async () => {
    const p: QualityPoint = { step: session.step, seconds: round(trainMs / 1000, 1) };
    const m = await measureSessionPoint(tf, session, project, host, { mnist: o.mnist, samples: o.samples });
    Object.assign(p, m.point);
    const png = join(o.pngDir, `step-${String(session.step).padStart(6, '0')}.png`);
    if (m.fake2d) {
      const r = scatterPlot(hostRange(host, 0, 1000), m.fake2d.subarray(0, 2000));
      writeFileSync(png, encodePng(r.pixels, r.width, r.height, r.channels));
    } else {
      // A 10 × 10 grid from the fixed feed (a conditional G's labels cycle 0..9: one class per column).
      const t = session.sample(100);
      const v = (await t.data()) as Float32Array;
      t.dispose();
      const r = imageGrid(v, 100, 28, 28, 1, project.dataset.scale);
      writeFileSync(png, encodePng(r.pixels, r.width, r.height, r.channels));
    }
    points.push(p);
    o.log(describePoint(o.id, o.seed, p));
  };
  try {
    await measure();
    while (session.step < o.steps) {
      const chunk = Math.min(o.every - (session.step % o.every), o.steps - session.step);
      const t0 = performance.now();
      const end = await session.run(chunk, { flushEvery: Math.min(10, chunk) });
      trainMs += performance.now() - t0;
      if (end.reason === 'nonFinite')
        throw new Error(`${o.id} seed ${o.seed}: ${end.metric} became NaN or infinite at step ${end.step}`);
      await measure();
    }
  } finally {
    session.dispose();
  }
  return {
    template: o.id,
    projectHash: o.projectHash,
    seed: o.seed,
    steps: o.steps,
    batch: training.batchSize,
    backend: o.backend,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    load: [round(load0, 2), round(os.loadavg()[0], 2)],
    msPerStep: round(trainMs / o.steps, 1),
    points,
  };
}

const pct = (x: number | undefined) => (x === undefined ? '' : `${(x * 100).toFixed(1)}%`);

/**
 * The benchmark's measurements of a session's generator as it is now: on 2-D data the modes covered and
 * the high-quality share of 2,500 samples (returned too, for the scatter plot); on MNIST the classifier's
 * measures and the nearest-real-digit distance of `samples` digits. Used by the benchmark's runs and by
 * bench/qualityOfRun.ts for runs trained elsewhere.
 */
export async function measureSessionPoint(
  tf: typeof tfNs,
  session: TrainingSession,
  project: Project,
  host: HostDataset,
  o: { mnist?: MnistMeters; samples: number },
): Promise<{ point: Partial<QualityPoint>; fake2d?: Float32Array; codeMatch?: MnistQuality['codeMatch'] }> {
  const toy = getDatasetKind(project.dataset.kind).modes?.(project.dataset);
  if (toy) {
    const t = session.sample(2500, 99);
    const fake = (await t.data()) as Float32Array;
    t.dispose();
    const q = toy2dQuality(fake, hostRange(host, 0, 2500), toy);
    return { point: { modes: q.modes, modesCovered: q.modesCovered, highQuality: round(q.highQuality) }, fake2d: fake };
  }
  if (!o.mnist) throw new Error('the quality benchmark measures 2-D toy data and the bundled MNIST only');
  const kept: tfNs.Tensor[] = [];
  try {
    const q = (await o.mnist.quality.measureSession(session, o.samples, 4321, {
      onImages: (x) => kept.push(tf.clone(x)),
    }))!;
    const all = kept.length === 1 ? kept[0] : tf.concat(kept);
    const nearest = await o.mnist.nearest.measure(all);
    if (all !== kept[0]) all.dispose();
    return { point: mnistPoint(q, nearest), codeMatch: q.codeMatch };
  } finally {
    for (const x of kept) x.dispose();
  }
}

export function describePoint(id: string, seed: number, p: QualityPoint): string {
  const head = `${id} seed ${seed} step ${p.step} (${p.seconds.toFixed(0)} s):`;
  if (p.modes !== undefined) return `${head} ${p.modesCovered}/${p.modes} modes, ${pct(p.highQuality)} high quality`;
  const extra = [
    p.codeAccuracy === undefined ? '' : `code ${pct(p.codeAccuracy)}`,
    p.classAgreement === undefined ? '' : `asked-for class ${pct(p.classAgreement)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${head} ${pct(p.confident)} confident, ${p.classes}/10 classes, score ${p.score?.toFixed(2)}, FD ${p.fd?.toFixed(1)}, nearest ${p.nearest?.toFixed(2)}${extra ? `, ${extra}` : ''}${p.readable ? '  [digits]' : ''}`;
}
