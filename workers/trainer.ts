/**
 * The trainer behind the worker's Comlink API, free of any worker glue so Node tests can run it over
 * a MessageChannel with the cpu backend. It owns one TrainingSession and one ActivationProbe and runs
 * the loop in chunks, yielding to the event loop between chunks so pause/step/setOptions get through.
 */
import * as Comlink from 'comlink';
import type { TF } from '../src/core/blocks';
import {
  activateBackend,
  BACKENDS,
  candidates,
  describeAdapter,
  type Activated,
  type BackendLoaders,
  type BackendName,
} from '../src/core/backend/choose';
import {
  BOUNDED_TIMING,
  describeTiming,
  explainMeasuredChoice,
  explainRememberedChoice,
  memoryKey,
  planBackends,
  rankTimings,
  timeSteps,
  type GpuEnvironment,
  type Timing,
} from '../src/core/backend/pick';
import type { GanPlan } from '../src/core/compile/plan';
import type { HostDataset } from '../src/core/data/host';
import { loadDataset } from '../src/core/datasets';
import { checkDeviceBudget } from '../src/core/data/device';
import { loadStored } from './storedData';
import type { TrainingConfig } from '../src/core/project/types';
import type { StepMetrics } from '../src/core/train/metrics';
import type { LayerGradNormPoint } from '../src/core/train/layerGradNorms';
import { Pacer } from '../src/core/train/pacing';
import { TrainingSession, type RunEnd } from '../src/core/train/session';
import type { ActivationTile } from '../src/core/train/tiles';
import {
  DEFAULT_OPTIONS,
  type DatasetInput,
  type EventSink,
  type FaultReport,
  type InitSummary,
  type Phase,
  type SampleResult,
  type SampleTrace,
  type TrainerApi,
  type TrainerEvent,
  type TrainerOptions,
  type WeightsExport,
} from './api';
import { diagnoseFault, exportModel, makeProbe, sampleTile } from './helpers';
import type { ActivationProbe } from '../src/core/train/probe';
import { QualityMonitor } from './quality';
import { CHECKPOINT_MS, FiniteCheckpoint } from './checkpoint';
import type { ExploreRequest, ExploreResult } from '../src/core/explore';
import { explore, exploreBuffers } from './generate';
import { traceSample } from './trace';

/** A macrotask boundary: lets queued messages (pause, step...) in; microtasks alone would not. */
const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const buffersOf = (tiles: ActivationTile[]) => tiles.map((t) => t.pixels.buffer as ArrayBuffer);

export class Trainer implements TrainerApi {
  private session?: TrainingSession;
  private probeRun?: ActivationProbe;
  private emitFn: EventSink = () => {};
  private opts: TrainerOptions = { ...DEFAULT_OPTIONS };
  private loop?: Promise<void>;
  private wantPause = false;
  private pacer = new Pacer();
  private lastProbeStep = 0;
  private host?: HostDataset;
  private quality?: QualityMonitor;
  private checkpoint?: FiniteCheckpoint;

  constructor(
    private readonly tf: TF,
    private readonly loaders: BackendLoaders,
    private readonly now = () => performance.now(),
  ) {}

  private emit(e: TrainerEvent): void {
    const buffers =
      e.type === 'tiles' || e.type === 'phase' ? buffersOf(e.tiles) : e.type === 'samples' ? buffersOf([e.tile]) : [];
    // The callback is a Comlink proxy: fire and forget; a gone page must not crash the loop.
    Promise.resolve(this.emitFn(Comlink.transfer(e, buffers))).catch(() => {});
  }

  async init(
    plan: GanPlan,
    data: DatasetInput,
    options: Partial<TrainerOptions>,
    onEvent: EventSink,
  ): Promise<InitSummary> {
    await this.stop();
    this.emitFn = onEvent;
    this.opts = { ...DEFAULT_OPTIONS, ...options };
    this.progress(data.spec.kind === 'mnist' ? 'loading the MNIST digits' : 'loading the data');
    this.host = await loadDataset(data.spec, {
      mnistBytes: async () => data.mnistBytes ?? (await (await fetch(data.mnistUrl!)).arrayBuffer()),
      custom: data.custom ? async () => data.custom! : data.stored ? loadStored : undefined,
    });
    // Once, with the figures, before any backend is tried (each would refuse it the same way).
    checkDeviceBudget(this.host);
    const notices: string[] = [];
    const { order, remember } = await this.backendOrder(plan, notices);
    for (const name of order) {
      let session: TrainingSession | undefined;
      let started = false;
      try {
        this.progress(`starting ${name}`);
        const act: Activated = await activateBackend(this.tf, name, this.loaders, this.opts);
        started = true;
        this.progress(`building the models on ${name} and taking the first step`);
        session = new TrainingSession(this.tf, plan, this.host);
        this.checkpoint?.dispose();
        this.checkpoint = new FiniteCheckpoint(this.tf, this.opts.checkpointMs ?? CHECKPOINT_MS);
        // The fresh weights are the first rollback point (once the first step from them is finite).
        this.checkpoint.capture(session);
        // One real step proves every kernel exists here (wasm has no Conv2DBackpropFilter, for one).
        const end = await session.run(1, { flushEvery: 1 });
        this.checkpoint.confirm(session);
        this.session = session;
        this.probeRun = makeProbe(this.tf, session, this.host, data.spec.scale);
        this.pacer = new Pacer();
        this.lastProbeStep = 0;
        this.quality = QualityMonitor.for(this.tf, data.spec, this.host, this.now);
        if (act.adapter?.isFallbackAdapter) {
          const message = `WebGPU runs on a software adapter (${describeAdapter(act.adapter)}): expect slow steps`;
          notices.push(message);
          this.emit({ type: 'notice', level: 'warning', message });
        }
        this.emit({
          type: 'metrics',
          metrics: [...session.history],
          step: session.step,
          stepsPerSec: 0,
          stepMs: 0,
          elapsedMs: 0,
          probeOverhead: 0,
          probeEvery: 0,
          numTensors: this.runTensors(),
          layerGradNorms: [...session.layerGradNorms],
        });
        const fault = end.reason === 'nonFinite' ? await this.fault(end) : undefined;
        if (!fault) await this.warmUp();
        return {
          backend: name,
          backendDetails: this.loaders.details?.(name),
          adapter: act.adapter,
          isFallbackAdapter: Boolean(act.adapter?.isFallbackAdapter),
          notices,
          params: { generator: plan.generator.params, discriminator: plan.discriminator.params },
          dataset: { name: this.host.name, count: this.host.count, shape: this.host.shape },
          step: session.step,
          layouts: this.probeRun.layouts,
          numTensors: this.runTensors(),
          fault,
          ...(remember && remember.backend === name ? { remember } : {}),
        };
      } catch (e) {
        this.checkpoint?.dispose();
        this.checkpoint = undefined;
        session?.dispose();
        const next = order[order.indexOf(name) + 1];
        const what = started ? 'could not train this model' : 'is not available';
        const message = `${name} ${what}: ${errorText(e)}${next ? `; falling back to ${next}` : ''}`;
        notices.push(message);
        this.emit({ type: 'notice', level: 'warning', message });
      }
    }
    throw new Error(`no backend could train this model:\n${notices.join('\n')}`);
  }

  /**
   * The backends to try, in order. 'auto': known answers at once (only software GPUs: wasm; a real GPU and
   * an image model: the GPU); otherwise (a real GPU, a vector model) the remembered winner, else a bounded
   * timing of each candidate, shown while it runs (src/core/backend/pick.ts).
   */
  private async backendOrder(
    plan: GanPlan,
    notices: string[],
  ): Promise<{ order: BackendName[]; remember?: { key: string; backend: BackendName } }> {
    if (this.opts.backend !== 'auto' || !this.loaders.environment) return { order: candidates(this.opts.backend) };
    this.progress("looking at this browser's GPUs");
    const env = await this.loaders.environment().catch((): GpuEnvironment => ({}));
    const say = (message: string) => {
      notices.push(message);
      this.emit({ type: 'notice', level: 'info', message });
    };
    const choice = planBackends(env, plan);
    if (choice.kind === 'known') {
      if (choice.reason) say(choice.reason);
      return { order: choice.order };
    }
    const key = memoryKey(plan, env);
    const remembered = this.opts.backendMemory?.[key];
    if (remembered && BACKENDS.includes(remembered)) {
      say(explainRememberedChoice(remembered, env));
      return { order: [remembered, ...choice.rest.filter((b) => b !== remembered)] };
    }
    const batch = Math.min(plan.training.batchSize, BOUNDED_TIMING.batch);
    const timings: Timing[] = [];
    for (const b of choice.candidates) {
      this.progress(describeTiming(b, batch));
      timings.push(await this.timeBackend(b, plan, batch));
    }
    const ranked = rankTimings(timings);
    const best = ranked[0].msPerStep !== undefined ? ranked[0].backend : 'wasm';
    say(explainMeasuredChoice(timings, best, env, batch));
    const order = [
      ...new Set<BackendName>([
        best,
        ...ranked.filter((t) => t.msPerStep !== undefined).map((t) => t.backend),
        ...choice.rest,
      ]),
    ];
    return { order, remember: { key, backend: best } };
  }

  /** ms per step on one backend, bounded (BOUNDED_TIMING): a warm-up step that must end within the cap, then a few steps. */
  private async timeBackend(backend: BackendName, plan: GanPlan, batch: number): Promise<Timing> {
    let session: TrainingSession | undefined;
    let running: Promise<unknown> = Promise.resolve();
    let abandoned = false;
    try {
      await activateBackend(this.tf, backend, this.loaders, this.opts);
      const s = new TrainingSession(this.tf, { ...plan, training: { ...plan.training, batchSize: batch } }, this.host!);
      session = s;
      const r = await timeSteps(() => {
        const p = s.run(1, { flushEvery: 1 }).then((end) => {
          if (end.reason === 'nonFinite') throw new Error('NaN in the first step');
        });
        running = p;
        return p;
      }, this.now);
      abandoned = r.msPerStep === undefined;
      return { backend, ...r };
    } catch (e) {
      return { backend, error: errorText(e) };
    } finally {
      // A warm-up step over the cap is still running: its session goes when that step is done.
      if (abandoned) void running.catch(() => {}).finally(() => session?.dispose());
      else session?.dispose();
    }
  }

  /**
   * The run's live tensors, for leak checks: tf's count less the rollback copies, which come and go by
   * design (one or two copies of the weights; workers/checkpoint.ts) and would hide or fake a leak.
   */
  private runTensors(): number {
    return this.tf.memory().numTensors - (this.checkpoint?.tensors ?? 0);
  }

  /** What init is doing now (the page shows it while the status is 'initializing'). */
  private progress(message: string): void {
    this.emit({ type: 'progress', message });
  }

  /**
   * The first probe compiles every reduction kernel (seconds on WebGL/WebGPU): do it during init, so
   * the tiles are there at once and the pacer never mistakes compile time for the probe's cost.
   */
  private async warmUp(): Promise<void> {
    const s = this.live;
    this.lastProbeStep = s.step;
    if (this.opts.visualize) this.emit({ type: 'tiles', step: s.step, tiles: await this.probeRun!.read(), probeMs: 0 });
    else {
      const tile = await this.probeRun!.readSamples();
      if (tile) this.emit({ type: 'samples', step: s.step, tile });
    }
  }

  private get live(): TrainingSession {
    if (!this.session) throw new Error('the trainer is not initialised (call init first)');
    return this.session;
  }

  async start(): Promise<void> {
    this.live;
    if (this.loop) return;
    this.wantPause = false;
    this.loop = this.runLoop().finally(() => {
      this.loop = undefined;
    });
  }

  async pause(): Promise<void> {
    this.wantPause = true;
    await this.loop;
  }

  private async runLoop(): Promise<void> {
    const s = this.live;
    this.emit({ type: 'status', status: 'running', step: s.step });
    try {
      while (!this.wantPause) {
        const n = this.chunkSize();
        const end = await this.runSteps(n, true);
        if (end.reason === 'nonFinite') {
          await this.fault(end);
          break;
        }
        await this.visualizeIfDue(false);
        await this.measureQualityIfDue();
        await yieldToEvents();
      }
    } catch (e) {
      // Out of device memory, a lost context...: the client restarts the worker on 'fatal'.
      this.emit({ type: 'fatal', message: `training stopped: ${errorText(e)}` });
    } finally {
      this.emit({ type: 'status', status: 'paused', step: s.step });
    }
  }

  /** Steps until the next metric read: ~chunkMs of work, but never past a due probe. */
  private chunkSize(): number {
    let n = this.pacer.chunkSteps(this.opts.chunkMs);
    const every = this.pacer.probeEvery(this.opts.visualize ? this.opts.probeEvery : this.opts.sampleEvery);
    n = Math.min(n, Math.max(1, this.lastProbeStep + every - this.live.step));
    return n;
  }

  private async runSteps(n: number, stoppable: boolean): Promise<RunEnd> {
    const s = this.live;
    const got: StepMetrics[] = [];
    const layers: LayerGradNormPoint[] = [];
    const t0 = this.now();
    const end = await s.run(n, {
      flushEvery: n,
      onMetrics: (ms, ls) => {
        got.push(...ms);
        layers.push(...ls);
      },
      shouldStop: () => stoppable && this.wantPause,
    });
    this.pacer.recordSteps(end.steps, this.now() - t0);
    this.checkpoint?.confirm(s);
    if (end.reason !== 'nonFinite') this.checkpoint?.captureIfDue(s, this.pacer.trainMs);
    if (got.length) {
      const p = this.pacer;
      this.emit({
        type: 'metrics',
        metrics: got,
        step: s.step,
        stepsPerSec: p.stepsPerSec,
        stepMs: p.stepMs,
        elapsedMs: p.trainMs + p.probeMs,
        probeOverhead: p.overhead,
        probeEvery: p.probeEvery(this.opts.visualize ? this.opts.probeEvery : this.opts.sampleEvery),
        numTensors: this.runTensors(),
        ...(layers.length ? { layerGradNorms: layers } : {}),
      });
    }
    return end;
  }

  /** Probes (or, with visualisation off, only samples) when due, or now when `force`. */
  private async visualizeIfDue(force: boolean): Promise<void> {
    const s = this.live,
      probe = this.probeRun!;
    const every = this.pacer.probeEvery(this.opts.visualize ? this.opts.probeEvery : this.opts.sampleEvery);
    if (!force && s.step - this.lastProbeStep < every) return;
    this.lastProbeStep = s.step;
    const t0 = this.now();
    if (this.opts.visualize) {
      const tiles = await probe.read();
      const ms = this.now() - t0;
      this.pacer.recordProbe(ms);
      this.emit({ type: 'tiles', step: s.step, tiles, probeMs: ms });
    } else {
      const tile = await probe.readSamples();
      this.pacer.recordProbe(this.now() - t0);
      if (tile) this.emit({ type: 'samples', step: s.step, tile });
    }
  }

  /** Sample quality when due (MNIST runs, option on); a failure turns it off for this run with a notice, never stops training. */
  private async measureQualityIfDue(): Promise<void> {
    const q = this.quality;
    if (!q || !this.opts.quality || this.wantPause || !q.due(this.pacer.trainMs)) return;
    try {
      const report = await q.measure(this.live, this.pacer.trainMs, () => this.wantPause);
      if (report) this.emit({ type: 'quality', ...report });
    } catch (e) {
      q.dispose();
      this.quality = undefined;
      this.emit({
        type: 'notice',
        level: 'warning',
        message: `sample quality metrics are off for this run: ${errorText(e)}`,
      });
    }
  }

  private async fault(end: Extract<RunEnd, { reason: 'nonFinite' }>): Promise<FaultReport> {
    const s = this.live;
    const { fault, tiles } = await diagnoseFault(this.tf, s, this.probeRun!, end);
    this.emit({ type: 'tiles', step: s.step, tiles, probeMs: 0 });
    this.emit({ type: 'fault', fault, rollbackStep: this.checkpoint?.step });
    return fault;
  }

  async rollback(): Promise<number> {
    if (this.loop) throw new Error('pause before rolling back');
    const s = this.live;
    const step = this.checkpoint?.restore(s);
    if (step === undefined) throw new Error('there are no earlier weights that trained without NaN to roll back to');
    // The optimizer's moments led to the NaN: start them afresh, as after importing weights.
    s.stepper.restartFromWeights();
    s.stepper.stepIndex = step;
    const after = s.history.findIndex((m) => m.step > step);
    if (after >= 0) s.history.splice(after);
    this.emit({ type: 'rolledBack', step });
    await this.visualizeIfDue(true);
    return step;
  }

  async step(): Promise<StepMetrics> {
    if (this.loop) throw new Error('pause before stepping');
    const before = this.live.history.length;
    const end = await this.runSteps(1, false);
    if (end.reason === 'nonFinite') await this.fault(end);
    else await this.visualizeIfDue(true);
    return this.live.history[before];
  }

  /**
   * One phase of a step. 'dReal' and 'dFake' show D's activations on each batch; after 'dFake' the step's
   * D update is applied (on real + fake, as the step would); 'g' finishes the step with G's update.
   */
  async phase(p: Phase): Promise<StepMetrics | undefined> {
    if (this.loop) throw new Error('pause before stepping');
    const s = this.live,
      probe = this.probeRun!;
    if (p === 'g') {
      const m = await this.step();
      const tiles = await probe.read({ generator: true });
      this.emit({ type: 'phase', phase: p, step: s.step, tiles });
      return m;
    }
    const tiles = await probe.read({ discriminator: p === 'dReal' ? 'real' : 'fake' });
    const head = tiles.find((t) => t.nodeId === s.plan.discriminator.outputs.find((o) => o.role === 'realFake')?.head);
    this.emit({ type: 'phase', phase: p, step: s.step, tiles, dScore: head?.stats.mean });
    if (p === 'dFake') s.stepper.updateDiscriminatorAhead();
    return undefined;
  }

  async phasedStep(): Promise<StepMetrics> {
    await this.phase('dReal');
    await this.phase('dFake');
    return (await this.phase('g'))!;
  }

  async stop(): Promise<void> {
    await this.pause();
    const had = this.session;
    this.probeRun?.dispose();
    this.quality?.dispose();
    this.quality = undefined;
    this.checkpoint?.dispose();
    this.checkpoint = undefined;
    this.session?.dispose();
    this.probeRun = undefined;
    this.session = undefined;
    if (had) this.emit({ type: 'status', status: 'stopped', step: had.step });
  }

  async setOptions(o: Partial<TrainerOptions> & { training?: TrainingConfig }): Promise<void> {
    const { training, ...rest } = o;
    if (training) {
      if (this.loop) throw new Error('pause training before changing hyperparameters');
      this.live.configure(training);
    }
    this.opts = { ...this.opts, ...rest };
  }

  async probe(): Promise<ActivationTile[]> {
    const tiles = await this.probeRun!.read();
    return Comlink.transfer(tiles, buffersOf(tiles));
  }

  async sample(n: number, seed = 1234): Promise<SampleResult> {
    const r = await sampleTile(this.tf, this.live, n, seed, this.host!, this.probeRun!);
    return Comlink.transfer(r, [r.values.buffer as ArrayBuffer, r.tile.pixels.buffer as ArrayBuffer]);
  }

  async generate(request: ExploreRequest): Promise<ExploreResult> {
    const r = await explore(this.tf, this.live, this.host!, request);
    return Comlink.transfer(r, exploreBuffers(r));
  }

  async exportWeights(): Promise<WeightsExport> {
    const s = this.live;
    const w: WeightsExport = {
      generator: await exportModel(this.tf, s.stepper.samplingGenerator),
      discriminator: await exportModel(this.tf, s.gan.discriminator.model),
    };
    return Comlink.transfer(w, [w.generator.weightData, w.discriminator.weightData]);
  }

  async importWeights(w: WeightsExport, step = 0): Promise<number> {
    if (this.loop) throw new Error('pause before importing weights');
    const s = this.live;
    // The run now continues the imported one: its step, fresh optimizer state (and G's average restarted from
    // the imported G), none of this run's history, and these weights as the rollback point (rolling back must
    // not undo the import).
    s.replaceWeights(w);
    s.stepper.stepIndex = step;
    s.history.splice(0);
    this.checkpoint?.dispose();
    this.checkpoint = new FiniteCheckpoint(this.tf, this.opts.checkpointMs ?? CHECKPOINT_MS);
    this.checkpoint.capture(s, this.pacer.trainMs);
    this.emit({ type: 'imported', step });
    // The grid and tiles on screen were drawn by the old weights.
    await this.visualizeIfDue(true);
    return step;
  }

  async trace(sample: number): Promise<SampleTrace> {
    const t = await traceSample(this.tf, this.live, sample);
    return Comlink.transfer(t, t.layers.length ? [t.layers[0].values.buffer as ArrayBuffer] : []);
  }

  async memory(): Promise<{ numTensors: number; numBytes: number; backend: string }> {
    const m = this.tf.memory();
    return { numTensors: this.runTensors(), numBytes: m.numBytes, backend: this.tf.getBackend() };
  }
}
