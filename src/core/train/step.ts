/**
 * One GAN training step, shared by the worker, the CLI and the tests:
 *   1. D on a real batch (label real), 2. D on a generated batch (label fake) — k times —
 *   3. G through D, updating only G's variables (the "combined model with D frozen", done with
 *      explicit variable lists as in GAN Lab).
 * The step returns its metrics as one small tensor and never reads a value back, so a caller can
 * queue many steps and read their metrics asynchronously.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { getBlock, type TF } from '../blocks';
import type { BuiltGan } from '../compile/build';
import { getLoss, gradientPenalty, softmaxCE, toLogits, type LossDef } from '../losses';
import type { GanPlan, PlanOutput } from '../compile/plan';
import type { TrainingConfig } from '../training/types';
import { getOptimizer } from '../training/optimizers';
import { sampleGeneratorFeed, type GeneratorFeed } from './feed';
import { assertTrainingPatches } from '../kernels/trainingPatches';
import { LayerGradNorms } from './layerGradNorms';
import { gatherBatch, type DeviceData } from '../data/device';
import { GeneratorAverage } from './generatorAverage';

type T = tfNs.Tensor;

/**
 * Names of the numbers in the metrics tensor `step()` returns, in order. Gradient norms are measured
 * every NORM_EVERY steps and held in between: on small models their ~2 ops per variable were a
 * measurable share of the step (BENCHMARKS.md).
 */
export const METRICS = ['dLoss', 'gLoss', 'dReal', 'dFake', 'dGradNorm', 'gGradNorm', 'auxLoss', 'infoLoss'] as const;
export type MetricName = (typeof METRICS)[number];
export const NORM_EVERY = 10;

export type { GeneratorFeed, DeviceData };

const asArray = (x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const variablesOf = (m: tfNs.LayersModel): tfNs.Variable[] =>
  m.trainableWeights.map((w) => (w as unknown as { read(): tfNs.Variable }).read());

export class GanStep {
  private optG!: tfNs.Optimizer;
  private optD!: tfNs.Optimizer;
  private readonly gVars: tfNs.Variable[];
  private readonly dVars: tfNs.Variable[];
  private readonly outIdx: Partial<Record<PlanOutput['role'], number>> = {};
  private cfg!: TrainingConfig;
  private loss!: LossDef;
  /** A kept 0 for absent terms (no per-step upload of a fresh scalar). */
  private readonly zero: T;
  /** The latest gradient norms (kept), reported until the next measurement. */
  private norms: { d: T; g: T };
  /** The latest per-layer gradient norms (measured with the global ones), read by the session when it flushes. */
  readonly layerNorms: LayerGradNorms;
  /** Steps taken so far; also seeds this step's randomness, so runs repeat exactly. */
  stepIndex = 0;
  /** G's weights averaged over the steps, when the gAverage setting is on: what generate() samples from. */
  private average?: GeneratorAverage;

  constructor(
    private readonly tf: TF,
    readonly plan: GanPlan,
    readonly gan: BuiltGan,
    private readonly data: DeviceData,
  ) {
    assertTrainingPatches(tf);
    this.zero = tf.keep(tf.scalar(0));
    this.norms = { d: this.zero, g: this.zero };
    this.gVars = variablesOf(gan.generator.model);
    this.dVars = variablesOf(gan.discriminator.model);
    this.layerNorms = new LayerGradNorms(tf, { g: gan.generator.model, d: gan.discriminator.model }, this.zero);
    plan.discriminator.outputs.forEach((o, i) => {
      this.outIdx[o.role] = i;
    });
    this.configure(plan.training);
  }

  /** New hyperparameters (while paused). Optimizers are rebuilt only when their settings change. */
  configure(cfg: TrainingConfig): void {
    const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
    if (!this.cfg || !same(this.cfg.generator, cfg.generator)) {
      this.optG?.dispose();
      this.optG = getOptimizer(cfg.generator.type).tfjs(this.tf, cfg.generator);
    }
    if (!this.cfg || !same(this.cfg.discriminator, cfg.discriminator)) {
      this.optD?.dispose();
      this.optD = getOptimizer(cfg.discriminator.type).tfjs(this.tf, cfg.discriminator);
    }
    this.cfg = cfg;
    this.loss = getLoss(cfg.loss);
    // Averaging switched on (at the start, or while paused) starts from G's weights as they are now.
    if (cfg.gAverage > 0 && !this.average)
      this.average = new GeneratorAverage(this.tf, this.plan.generator, this.gan.generator.model);
    else if (cfg.gAverage === 0 && this.average) {
      this.average.dispose();
      this.average = undefined;
    }
  }

  get config(): TrainingConfig {
    return this.cfg;
  }

  /**
   * The models' weights were replaced (rolled back past a NaN, imported from another run): fresh
   * optimizer state (the old moments led to the NaN, or belong to other weights), and G's average
   * starts again from the new weights.
   */
  restartFromWeights(): void {
    this.average?.restart();
    this.optG.dispose();
    this.optD.dispose();
    this.optG = getOptimizer(this.cfg.generator.type).tfjs(this.tf, this.cfg.generator);
    this.optD = getOptimizer(this.cfg.discriminator.type).tfjs(this.tf, this.cfg.discriminator);
  }

  /** Inputs for G: one tensor per generator input, plus what InfoGAN's Q must recover. */
  sampleGenerator(batch: number, seed: number, labels?: T): GeneratorFeed {
    return sampleGeneratorFeed(this.tf, this.plan, batch, seed, labels);
  }

  /** D's inputs for a batch of images: the images, then every label input fed the batch's labels. */
  private discriminatorInputs(images: T, labels: T | undefined): T[] {
    const b = images.shape[0]!;
    return this.plan.discriminator.inputs.map((input) =>
      input.role === 'data' ? images : getBlock(input.type).sample!(this.tf, input.params, b, { labels }).value,
    );
  }

  private score(out: T[], role: PlanOutput['role']): T {
    const i = this.outIdx[role]!;
    return toLogits(this.tf, out[i], this.plan.discriminator.outputs[i].activation);
  }

  /** What the D(x) / D(G(z)) charts show: a probability for cross-entropy losses, the raw mean score otherwise. */
  private meanScore(scores: T): T {
    return this.loss.score === 'probability' ? this.tf.mean(this.tf.sigmoid(scores)) : this.tf.mean(scores);
  }

  /** InfoGAN's mutual-information term: Q must recover G's codes from the fake samples. */
  private infoLoss(out: T[], feed: GeneratorFeed): T | undefined {
    const tf = this.tf;
    const terms: T[] = [];
    if (this.outIdx.qCategorical !== undefined) {
      const logits = out[this.outIdx.qCategorical];
      let offset = 0;
      this.plan.categoricalCodes.forEach((k, i) => {
        terms.push(softmaxCE(tf, tf.slice(logits, [0, offset], [-1, k]), feed.categorical[i], 'logits'));
        offset += k;
      });
    }
    if (this.outIdx.qContinuous !== undefined && feed.continuous) {
      // Gaussian log-likelihood with fixed variance = mean squared error.
      terms.push(tf.mean(tf.square(tf.sub(out[this.outIdx.qContinuous], feed.continuous))));
    }
    return terms.length ? tf.mul(this.cfg.infoLambda, tf.addN(terms)) : undefined;
  }

  private auxLoss(out: T[], labels: T | undefined): T | undefined {
    const i = this.outIdx.auxClass;
    if (i === undefined || !labels) return undefined;
    return softmaxCE(this.tf, out[i], labels, this.plan.discriminator.outputs[i].activation);
  }

  /**
   * On measuring steps (`measured` = the step's number), the global gradient norm (kept, replacing the
   * last) and each layer's, from the same per-variable squares; otherwise the last global one.
   */
  private gradNorm(which: 'd' | 'g', grads: Record<string, T>, measured: number | undefined): T {
    if (measured === undefined) return this.norms[which];
    const tf = this.tf;
    const squares = Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.sum(tf.square(g))]));
    const parts = Object.values(squares);
    const old = this.norms[which];
    this.norms[which] = tf.keep(parts.length ? tf.sqrt(tf.addN(parts)) : tf.scalar(0));
    if (old !== this.zero) old.dispose();
    this.layerNorms.record(which, squares, measured);
    return this.norms[which];
  }

  /** Releases step results that are not shared (the kept zero and norms outlive the step). */
  private release(ts: T[]): void {
    for (const t of ts) if (t !== this.zero && t !== this.norms.d && t !== this.norms.g) t.dispose();
  }

  /** Phases 1 and 2: D on a real batch and on a generated batch. Returns kept scalars [loss, D(x), D(G(z)), norm, aux, info]. */
  private discriminatorStep(seed: number, measured: number | undefined): T[] {
    const { tf, cfg, data } = this;
    const b = cfg.batchSize;
    const idx = tf.randomUniform([b], 0, data.count, 'int32', seed);
    // Image bytes are unpacked and scaled here, for this batch only (core/data/device.ts).
    const real = gatherBatch(tf, data, idx);
    const realLabels = this.plan.usesLabels && data.labels ? tf.gather(data.labels, idx) : undefined;
    const feed = this.sampleGenerator(b, seed + 11);
    // G runs outside D's tape: D's update needs no gradient through G.
    const fake = this.gan.generator.model.apply(feed.values, { training: true }) as T;
    const D = this.gan.discriminator.model;
    const kept: T[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const outR = asArray(D.apply(this.discriminatorInputs(real, realLabels), { training: true }) as T | T[]);
      const outF = asArray(D.apply(this.discriminatorInputs(fake, feed.labels), { training: true }) as T | T[]);
      const sr = this.score(outR, 'realFake'),
        sf = this.score(outF, 'realFake');
      let loss = this.loss.tfjs.d(tf, sr, sf, cfg.realLabel);
      if (this.loss.gradientPenalty) {
        const critic = (x: T) =>
          this.score(
            asArray(D.apply(this.discriminatorInputs(x, realLabels), { training: true }) as T | T[]),
            'realFake',
          );
        loss = tf.add(loss, tf.mul(cfg.gpWeight, gradientPenalty(tf, critic, real, fake, seed + 23)));
      }
      const auxR = this.auxLoss(outR, realLabels),
        auxF = this.auxLoss(outF, feed.labels);
      const aux = auxR && auxF ? tf.mul(cfg.auxWeight, tf.add(auxR, auxF)) : undefined;
      const info = this.infoLoss(outF, feed);
      kept.push(
        tf.keep(this.meanScore(sr)),
        tf.keep(this.meanScore(sf)),
        aux ? tf.keep(aux) : this.zero,
        info ? tf.keep(info) : this.zero,
      );
      const terms = [loss, aux, info].filter((t): t is T => !!t);
      return (terms.length === 1 ? terms[0] : tf.addN(terms)) as tfNs.Scalar;
    }, this.dVars);
    const norm = this.gradNorm('d', grads, measured);
    this.optD.applyGradients(grads);
    return [value, kept[0], kept[1], norm, kept[2], kept[3]];
  }

  /** Phase 3: G through D; only G's variables change. Returns [loss, norm]; G's average (if on) follows. */
  private generatorStep(seed: number, measured: number | undefined): T[] {
    const { tf, cfg } = this;
    const feed = this.sampleGenerator(cfg.batchSize, seed);
    const D = this.gan.discriminator.model;
    const { value, grads } = tf.variableGrads(() => {
      const fake = this.gan.generator.model.apply(feed.values, { training: true }) as T;
      const out = asArray(D.apply(this.discriminatorInputs(fake, feed.labels), { training: true }) as T | T[]);
      const terms = [this.loss.tfjs.g(tf, this.score(out, 'realFake'))];
      const aux = this.auxLoss(out, feed.labels);
      if (aux) terms.push(tf.mul(cfg.auxWeight, aux));
      const info = this.infoLoss(out, feed);
      if (info) terms.push(info);
      return (terms.length === 1 ? terms[0] : tf.addN(terms)) as tfNs.Scalar;
    }, this.gVars);
    const norm = this.gradNorm('g', grads, measured);
    this.optG.applyGradients(grads);
    this.average?.update(cfg.gAverage, feed.values);
    return [value, norm];
  }

  /**
   * This step's seed base, and when it measures gradient norms its number as in the metrics history
   * (from the step index, so a run repeats).
   */
  private stepSeed(): { base: number; measured: number | undefined } {
    const measured = this.stepIndex % NORM_EVERY === 0 ? this.stepIndex + 1 : undefined;
    return { base: this.cfg.seed * 7919 + this.stepIndex * 1009, measured };
  }

  /** Phases 1–2: the k D-steps of the current step. Returns the last one's results (see discriminatorStep). */
  private discriminatorSteps(): T[] {
    const { base, measured } = this.stepSeed();
    let d: T[] = [];
    for (let k = 0; k < this.cfg.dSteps; k++) {
      this.release(d);
      d = this.discriminatorStep(base + k * 131, measured);
    }
    return d;
  }

  /** D's update of the current step, taken ahead of it (step-by-step mode); the next step() then does only G's. */
  private pendingD?: T[];

  /**
   * Step-by-step mode: applies the current step's D update now (phases 1–2), with exactly the seeds the
   * whole step would use; the next step() finishes the step with G's update (phase 3). Reads nothing back.
   */
  updateDiscriminatorAhead(): void {
    if (!this.pendingD) this.pendingD = this.tf.tidy(() => this.discriminatorSteps());
  }

  /** One full step (k D-steps, one G-step). Returns the metrics (see METRICS) as a 1-D tensor the caller disposes. */
  step(): T {
    const tf = this.tf;
    const { base, measured } = this.stepSeed();
    return tf.tidy(() => {
      const d = this.pendingD ?? this.discriminatorSteps();
      this.pendingD = undefined;
      this.stepIndex++;
      const [gLoss, gNorm] = this.generatorStep(base + 997, measured);
      const [dLoss, dReal, dFake, dNorm, aux, info] = d;
      const metrics = tf.stack([dLoss, gLoss, dReal, dFake, dNorm, gNorm, aux, info]);
      // Kept scalars (and a D update taken ahead, made outside this tidy) are released once stacked.
      this.release(d);
      return metrics;
    });
  }

  /**
   * Samples from G in inference mode (BatchNorm uses its moving averages, Dropout is off): from G's
   * averaged weights when the gAverage setting is on, else from G as it trains.
   */
  generate(feed: GeneratorFeed): T {
    return this.samplingGenerator.predict(feed.values) as T;
  }

  /**
   * The G that samples come from: the averaged one when the gAverage setting is on, else G itself. It is
   * also the G written to run folders and weight exports (whose users sample from it or train on from it).
   */
  get samplingGenerator(): tfNs.LayersModel {
    return this.average?.model ?? this.gan.generator.model;
  }

  /** G with its weights averaged over the steps, when the gAverage setting is on (generate() samples from it). */
  get averagedGenerator(): tfNs.LayersModel | undefined {
    return this.average?.model;
  }

  dispose(): void {
    if (this.pendingD) this.release(this.pendingD);
    this.average?.dispose();
    this.optG.dispose();
    this.optD.dispose();
    for (const t of [this.norms.d, this.norms.g]) if (t !== this.zero) t.dispose();
    this.layerNorms.dispose();
    this.zero.dispose();
  }
}
