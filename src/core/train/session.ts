/**
 * A training run: the compiled models, the dataset on the device and the GAN step, driven in chunks
 * with metrics read back asynchronously every few steps. The Node CLI and the training worker both
 * use it, so what trains headless is exactly what trains in the browser.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import { buildGan, disposeGan, type BuiltGan } from '../compile/build';
import { seedGanWeights } from '../compile/seededInit';
import { loadWeights, type GanWeights } from '../compile/weights';
import type { GanPlan } from '../compile/plan';
import { disposeDevice, toDevice } from '../data/device';
import type { HostDataset } from '../data/host';
import type { TrainingConfig } from '../training/types';
import { firstNonFinite, MetricsQueue, type StepMetrics } from './metrics';
import { cyclingLabels } from './feed';
import { GanStep, type GeneratorFeed, type MetricName } from './step';
import type { DeviceData } from '../data/device';
import { appendLayerNorms, type LayerGradNormPoint } from './layerGradNorms';

export interface RunOptions {
  /** Steps between asynchronous metric reads (each read is one small download). */
  flushEvery?: number;
  /** The steps' metrics, and the per-layer gradient norms measured among them (every NORM_EVERY steps). */
  onMetrics?: (m: StepMetrics[], layerGradNorms: LayerGradNormPoint[]) => void | Promise<void>;
  /** Polled between steps; return true to pause. */
  shouldStop?: () => boolean;
}
export type RunEnd =
  | { reason: 'done' | 'stopped'; steps: number }
  | { reason: 'nonFinite'; steps: number; step: number; metric: MetricName };

export class TrainingSession {
  readonly gan: BuiltGan;
  readonly stepper: GanStep;
  readonly data: DeviceData;
  private readonly queue: MetricsQueue;
  readonly history: StepMetrics[] = [];
  private layerPoints: LayerGradNormPoint[] = [];

  constructor(
    private readonly tf: TF,
    readonly plan: GanPlan,
    host: HostDataset,
  ) {
    const want = plan.data.shape.join('x'),
      got = host.shape.join('x');
    if (want !== got) throw new Error(`the dataset's samples are ${got} but the graph expects ${want}`);
    if (plan.usesLabels && !host.labels) throw new Error(`the graph uses class labels but '${host.name}' has none`);
    this.gan = buildGan(tf, plan);
    // Initial weights from the training seed: the same project and seed start, and so train, identically.
    seedGanWeights(tf, this.gan, plan.training.seed);
    this.data = toDevice(tf, host);
    this.stepper = new GanStep(tf, plan, this.gan, this.data);
    this.queue = new MetricsQueue(tf);
  }

  get step(): number {
    return this.stepper.stepIndex;
  }

  /** Per-layer gradient norms, one point per measurement (bounded: the first ones and the latest). */
  get layerGradNorms(): readonly LayerGradNormPoint[] {
    return this.layerPoints;
  }

  /**
   * Puts another run's weights into G and D (checked against the graph by loadWeights, which throws and
   * changes nothing on a mismatch). G's average restarts from the new G, and the optimizers start afresh.
   */
  replaceWeights(w: GanWeights): void {
    loadWeights(this.tf, { generator: this.gan.generator.model, discriminator: this.gan.discriminator.model }, w);
    this.stepper.restartFromWeights();
  }

  configure(cfg: TrainingConfig): void {
    this.stepper.configure(cfg);
  }

  /** Runs up to `steps` steps; stops early on request or when a loss becomes NaN/Inf. */
  async run(steps: number, opts: RunOptions = {}): Promise<RunEnd> {
    const every = Math.max(1, opts.flushEvery ?? 10);
    let done = 0;
    const flush = async (): Promise<RunEnd | undefined> => {
      // No step since the last flush: nothing to read (per-layer norms go out with the steps that measured them).
      if (!this.queue.size) return undefined;
      // Both downloads in flight at once; the layer norms only when a step measured them since the last read.
      const [ms, point] = await Promise.all([this.queue.flush(), this.stepper.layerNorms.read()]);
      this.history.push(...ms);
      const layers = point ? [point] : [];
      if (point) this.layerPoints = appendLayerNorms(this.layerPoints, layers);
      const bad = ms.map((m) => ({ m, metric: firstNonFinite(m) })).find((x) => x.metric);
      await opts.onMetrics?.(ms, layers);
      return bad ? { reason: 'nonFinite', steps: done, step: bad.m.step, metric: bad.metric! } : undefined;
    };
    for (; done < steps; ) {
      if (opts.shouldStop?.()) break;
      this.queue.push(this.stepper.stepIndex + 1, this.stepper.step());
      done++;
      if (this.queue.size >= every) {
        const bad = await flush();
        if (bad) return bad;
      }
    }
    const bad = await flush();
    if (bad) return bad;
    return { reason: done < steps ? 'stopped' : 'done', steps: done };
  }

  /**
   * A fixed generator feed for sample grids: the same latents every time (seeded), and when the
   * graph is conditional, labels cycling 0, 1, 2, ... so each grid row/column shows every class.
   */
  fixedFeed(n: number, seed = 1234): GeneratorFeed {
    return this.stepper.sampleGenerator(n, seed, cyclingLabels(this.tf, this.plan, n));
  }

  /** n samples from the fixed feed, in inference mode. The caller disposes the result. */
  sample(n: number, seed = 1234): tfNs.Tensor {
    return this.tf.tidy(() => this.stepper.generate(this.fixedFeed(n, seed)));
  }

  dispose(): void {
    this.queue.dispose();
    this.stepper.dispose();
    disposeGan(this.gan);
    disposeDevice(this.data);
  }
}
