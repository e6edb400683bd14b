/**
 * The page's only door to the training worker: wraps it with Comlink, feeds its events into the
 * training store, and restarts it (same plan, same data) when it crashes or runs out of memory.
 */
import * as Comlink from 'comlink';
import type {
  DatasetInput,
  ExploreRequest,
  Phase,
  TrainerApi,
  TrainerEvent,
  TrainerOptions,
  WeightsExport,
} from '../../workers/api';
import type { GanPlan } from '../core/compile/plan';
import type { TrainingConfig } from '../core/project/types';
import type { StepMetrics } from '../core/train/metrics';
import { applyEvent, notify, resetRun, useTraining } from './store';
import { loadBackendMemory, saveBackendMemory } from './backendMemory';

type WorkerFactory = () => Worker;
const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('../../workers/trainer.worker.ts', import.meta.url), { type: 'module', name: 'ganvas-trainer' });

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class TrainerClient {
  private worker?: Worker;
  private api?: Comlink.Remote<TrainerApi>;
  private last?: { plan: GanPlan; data: DatasetInput };
  private restarts = 0;
  /** Bumped per worker, so events of a dead worker are ignored. */
  private generation = 0;

  constructor(private readonly makeWorker: WorkerFactory = defaultWorker) {}

  private spawn(): Comlink.Remote<TrainerApi> {
    this.worker?.terminate();
    const gen = ++this.generation;
    const w = this.makeWorker();
    w.addEventListener('error', (e) => {
      e.preventDefault();
      void this.crashed(gen, e.message || 'the worker threw an uncaught error');
    });
    w.addEventListener('messageerror', () => void this.crashed(gen, 'a message from the worker could not be read'));
    this.worker = w;
    this.api = Comlink.wrap<TrainerApi>(w);
    return this.api;
  }

  private sink(gen: number) {
    return Comlink.proxy((e: TrainerEvent) => {
      if (gen !== this.generation) return;
      if (e.type === 'fatal') void this.crashed(gen, e.message);
      else applyEvent(e);
    });
  }

  /**
   * Builds the models in a fresh worker (the backend is chosen there) and runs one step; then pauses, or
   * with `then: 'start'` trains on, staying 'initializing' until the worker says it runs (the worker's
   * 'running' event arrives before its answer to start()), so nothing offers "Resume" in between.
   */
  async init(plan: GanPlan, data: DatasetInput, then: 'pause' | 'start' = 'pause'): Promise<void> {
    this.last = { plan, data };
    resetRun();
    const api = this.spawn();
    const gen = this.generation;
    try {
      const summary = await api.init(
        plan,
        data,
        { ...useTraining.getState().options, backendMemory: loadBackendMemory() },
        this.sink(gen),
      );
      if (gen !== this.generation) return;
      if (summary.remember) saveBackendMemory(summary.remember.key, summary.remember.backend);
      const trainOn = then === 'start' && !summary.fault;
      useTraining.setState({
        summary,
        step: summary.step,
        stale: false,
        ...(trainOn ? {} : { status: 'paused' }),
        ...(summary.fault ? { fault: summary.fault } : {}),
      });
      if (summary.notices.length === 0) notify('info', `Training on ${summary.backend}`);
      if (trainOn) {
        await this.start();
        if (useTraining.getState().status === 'initializing') useTraining.setState({ status: 'paused' });
      }
    } catch (e) {
      if (gen !== this.generation) return;
      useTraining.setState({ status: 'error' });
      notify('error', `Could not start training: ${errorText(e)}`);
      throw e;
    }
  }

  /** The worker died: tell the user, start a new one with the same plan (the graph is untouched). */
  private async crashed(gen: number, reason: string): Promise<void> {
    if (gen !== this.generation || !this.last) return;
    this.generation++;
    this.worker?.terminate();
    this.worker = undefined;
    if (this.restarts++ >= 3) {
      useTraining.setState({ status: 'error' });
      notify('error', `The training worker crashed again (${reason}). Try a smaller batch or another backend.`);
      return;
    }
    notify(
      'error',
      `The training worker crashed (${reason}). It was restarted with the same graph; training starts again from step 0.`,
    );
    await this.init(this.last.plan, this.last.data).catch(() => {});
  }

  private get remote(): Comlink.Remote<TrainerApi> {
    if (!this.api) throw new Error('training is not initialised');
    return this.api;
  }

  private async call<V>(f: (api: Comlink.Remote<TrainerApi>) => Promise<V>): Promise<V | undefined> {
    try {
      return await f(this.remote);
    } catch (e) {
      notify('error', errorText(e));
      return undefined;
    }
  }

  get ready(): boolean {
    return Boolean(this.api) && useTraining.getState().status !== 'initializing';
  }

  async start(): Promise<void> {
    useTraining.setState({ fault: undefined, phase: undefined });
    await this.call((a) => a.start());
  }
  async pause(): Promise<void> {
    await this.call((a) => a.pause());
  }
  async step(): Promise<StepMetrics | undefined> {
    return this.call((a) => a.step());
  }
  async phase(p: Phase): Promise<void> {
    await this.call((a) => a.phase(p));
  }
  /** After a NaN pause: back to the last weights that trained on without NaN (the store drops the later history). */
  async rollback(): Promise<number | undefined> {
    return this.call((a) => a.rollback());
  }

  async stop(): Promise<void> {
    if (this.api) await this.call((a) => a.stop());
    this.worker?.terminate();
    this.generation++;
    this.worker = undefined;
    this.api = undefined;
    useTraining.setState({ status: 'stopped', phase: undefined });
  }

  /** Visualisation options go through at once; a backend change needs a new init (the caller does it). */
  async setOptions(o: Partial<TrainerOptions>): Promise<void> {
    useTraining.setState((s) => ({ options: { ...s.options, ...o } }));
    if (this.api) await this.call((a) => a.setOptions(o));
  }

  /** New hyperparameters; the worker takes them only while paused. */
  async configure(training: TrainingConfig): Promise<boolean> {
    if (!this.api) return true;
    return (await this.call((a) => a.setOptions({ training }).then(() => true))) ?? false;
  }

  async sample(n: number, seed?: number) {
    return this.call((a) => a.sample(n, seed));
  }
  async exportWeights() {
    return this.call((a) => a.exportWeights());
  }
  /** Latent explorer: G on a seeded grid / interpolation / sweep / per-class batch (running or paused). */
  async generate(request: ExploreRequest) {
    return this.call((a) => a.generate(request));
  }
  /** The plan the worker's models were built from (what the explorer may ask of them). */
  get plan(): GanPlan | undefined {
    return this.api ? this.last?.plan : undefined;
  }
  /** Throws the worker's reason (the first mismatching layer) for the caller to show; nothing changed then. */
  async importWeights(w: WeightsExport, step?: number): Promise<number> {
    return this.remote.importWeights(Comlink.transfer(w, [w.generator.weightData, w.discriminator.weightData]), step);
  }
  async memory() {
    return this.call((a) => a.memory());
  }
  /** Every node's values for sample `i` of the fixed latent batch, through G then D (the layer view). */
  async trace(sample: number) {
    return this.api ? this.call((a) => a.trace(sample)) : undefined;
  }

  /** For tests: simulate a crash of the current worker. */
  simulateCrash(reason = 'simulated crash'): Promise<void> {
    return this.crashed(this.generation, reason);
  }
}

/** The app's one trainer client. */
export const trainer = new TrainerClient();
