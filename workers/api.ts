/**
 * The training worker's typed API (Comlink). Everything crossing it is structured-clone data; big
 * byte arrays (tiles, samples, weights) are transferred, not copied.
 */
import type { BackendChoice, BackendName, AdapterReport } from '../src/core/backend/choose';
import type { GanPlan } from '../src/core/compile/plan';
import type { HostDataset } from '../src/core/data/host';
import type { DatasetSpec, TrainingConfig } from '../src/core/project/types';
import type { FaultReport } from '../src/core/train/faults';
import type { StepMetrics } from '../src/core/train/metrics';
import type { LayerGradNormPoint } from '../src/core/train/layerGradNorms';
import type { ActivationTile, TileLayout } from '../src/core/train/tiles';
import type { MnistQuality } from '../src/core/quality/mnistQuality';
import type { ImageDiversity } from '../src/core/quality/imageDiversity';
import type { FactorReport } from './quality';

export type {
  StepMetrics,
  LayerGradNormPoint,
  ActivationTile,
  TileLayout,
  FaultReport,
  BackendChoice,
  BackendName,
  AdapterReport,
  MnistQuality,
};
import type { ExploreRequest, ExploreResult } from '../src/core/explore';
export type { ExploreRequest, ExploreResult };

export interface TrainerOptions {
  /** 'auto' = WebGPU if an adapter exists, else WebGL, else WASM, else CPU. Used by init only. */
  backend: BackendChoice;
  /** Live activations on/off ("visualisation off" trains at full speed; the sample grid still refreshes). */
  visualize: boolean;
  /** Steps between activation probes; 'auto' keeps the probe under ~10% of the training time. */
  probeEvery: number | 'auto';
  /** Steps between sample grids when visualisation is off; 'auto' = same rule as the probe. */
  sampleEvery: number | 'auto';
  /** Target wall time of one chunk of steps between metric reads (ms). */
  chunkMs: number;
  /** wasm threads where the page is cross-origin isolated: 'auto' uses both cores of a 2-core machine, all but one of a larger one. */
  wasmThreads: number | 'auto';
  /** 'auto' with only software GPUs: the backend measured fastest earlier, by memory key (the page keeps it). */
  backendMemory?: Record<string, BackendName>;
  /** Sample quality while running (image data: diversity; MNIST: also the reference classifier), paced to <= ~5% of the time. */
  quality: boolean;
  /** Training time between copies of the weights kept for rolling back after a NaN (workers/checkpoint.ts); default 5 s. */
  checkpointMs?: number;
}
export const DEFAULT_OPTIONS: TrainerOptions = {
  backend: 'auto',
  visualize: true,
  probeEvery: 'auto',
  sampleEvery: 'auto',
  chunkMs: 250,
  wasmThreads: 'auto',
  quality: true,
};

/** The dataset: its spec, plus bytes or a URL for the bundled MNIST, or an imported dataset. */
export interface DatasetInput {
  spec: DatasetSpec;
  mnistUrl?: string;
  mnistBytes?: ArrayBuffer;
  custom?: HostDataset;
  /** An imported dataset kept in this browser: the worker reads it from IndexedDB by the spec's hash (it never passes through the page). */
  stored?: boolean;
}

export interface InitSummary {
  backend: BackendName;
  /** How it runs, e.g. "2 threads" for wasm. */
  backendDetails?: string;
  adapter?: AdapterReport;
  isFallbackAdapter: boolean;
  /** Backends that were tried and failed, with why (shown to the user). */
  notices: string[];
  params: { generator: number; discriminator: number };
  dataset: { name: string; count: number; shape: number[] };
  /** Steps already taken (init runs one real step to prove every kernel exists on the backend). */
  step: number;
  layouts: TileLayout[];
  numTensors: number;
  /** A backend measured fastest just now ('auto' with only software GPUs), for the page to remember. */
  remember?: { key: string; backend: BackendName };
  /** Set when the first step already produced NaN/Inf (the trainer stays paused). */
  fault?: FaultReport;
}

export type RunStatus = 'running' | 'paused' | 'stopped';
export type Phase = 'dReal' | 'dFake' | 'g';

export type TrainerEvent =
  /**
   * `numTensors`: tf.memory().numTensors right after these steps (a plain count, no tensor read), so a leak shows in the page.
   * `layerGradNorms`: the per-layer gradient norms measured among these steps (every NORM_EVERY steps), by node id.
   */
  | {
      type: 'metrics';
      metrics: StepMetrics[];
      step: number;
      stepsPerSec: number;
      stepMs: number;
      elapsedMs: number;
      probeOverhead: number;
      probeEvery: number;
      numTensors: number;
      layerGradNorms?: LayerGradNormPoint[];
    }
  | { type: 'tiles'; step: number; tiles: ActivationTile[]; probeMs: number }
  | { type: 'samples'; step: number; tile: ActivationTile }
  | { type: 'status'; status: RunStatus; step: number }
  | { type: 'phase'; phase: Phase; step: number; tiles: ActivationTile[]; dScore?: number }
  /** `rollbackStep`: the last step whose weights trained on without NaN, which rollback() restores. */
  | { type: 'fault'; fault: FaultReport; rollbackStep?: number }
  /** rollback() restored the weights of `step`: the history after it is gone. */
  | { type: 'rolledBack'; step: number }
  /** importWeights() loaded another run's weights: the run now stands at `step` (that run's, when known), with no history. */
  | { type: 'imported'; step: number }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  /** What init is doing right now (loading data, starting or timing a backend, the first step), shown while initializing. */
  | { type: 'progress'; message: string }
  /**
   * Sample quality (image runs): `diversity` = G's pixel diversity relative to real images'; on MNIST also
   * `quality` = the reference classifier on generated digits and `real` (first report only) = the same on real digits.
   */
  | {
      type: 'quality';
      step: number;
      quality?: MnistQuality;
      real?: MnistQuality;
      diversity?: ImageDiversity;
      factors?: FactorReport;
      realFactors?: FactorReport;
      ms: number;
    }
  /** The backend broke (out of memory, lost context): the client restarts the worker. */
  | { type: 'fatal'; message: string };

export type EventSink = (e: TrainerEvent) => void;

export interface SampleResult {
  /** The grid picture (or 2-D scatter) as a tile. */
  tile: ActivationTile;
  /** The raw samples, [n, ...shape] row-major. */
  values: Float32Array;
  shape: number[];
}

/** tf.io model artifacts per network (topology JSON + one weight buffer). */
export interface WeightsExport {
  generator: { modelTopology: unknown; weightSpecs: unknown; weightData: ArrayBuffer };
  discriminator: { modelTopology: unknown; weightSpecs: unknown; weightData: ArrayBuffer };
}

/** One node's output for one sample: every value, row-major over `shape` (no batch axis). */
export interface LayerValues {
  nodeId: string;
  network: 'generator' | 'discriminator';
  shape: number[];
  values: Float32Array;
}

/** Sample `sample` of the probe's fixed latent batch followed through G, then D on G's sample. */
export interface SampleTrace {
  step: number;
  sample: number;
  /** Samples in the fixed batch (which `sample` indexes). */
  batch: number;
  /** G's nodes in order, G's output head, D's nodes in order, D's heads. A head appears once per output it holds. */
  layers: LayerValues[];
  /** D's real/fake head on this generated sample: its raw score, and whether that is a logit. */
  verdict?: { head: string; score: number; activation?: string };
}

export interface TrainerApi {
  /** Picks the backend, loads the data onto it, builds the models and runs one step. */
  init(plan: GanPlan, data: DatasetInput, options: Partial<TrainerOptions>, onEvent: EventSink): Promise<InitSummary>;
  /** Starts the loop; resolves at once (progress comes through onEvent). */
  start(): Promise<void>;
  /** Resolves once the loop has actually stopped between two steps. */
  pause(): Promise<void>;
  /** One step while paused. */
  step(): Promise<StepMetrics>;
  /** One phase of a step: 'dReal' / 'dFake' show D's activations on each batch, 'g' takes the step. */
  phase(p: Phase): Promise<StepMetrics | undefined>;
  /** One step in three announced phases (D on real, D on fake, G through frozen D), for teaching. */
  phasedStep(): Promise<StepMetrics>;
  /**
   * After a NaN pause (while paused): puts back the last weights that trained on without NaN, with fresh
   * optimizer state, and returns their step; the history after it is dropped. Throws when there are none.
   */
  rollback(): Promise<number>;
  /** Pauses and frees the models and the data. */
  stop(): Promise<void>;
  /** Visualisation options any time; `training` (hyperparameters) only while paused. */
  setOptions(o: Partial<TrainerOptions> & { training?: TrainingConfig }): Promise<void>;
  /** The latest activation tiles, probed now. */
  probe(): Promise<ActivationTile[]>;
  /** n samples from a fixed seed (in inference mode). */
  sample(n: number, seed?: number): Promise<SampleResult>;
  /** Latent explorer: G (inference mode) on a seeded grid, interpolation, code sweep or per-class grid; running or paused. */
  generate(request: ExploreRequest): Promise<ExploreResult>;
  exportWeights(): Promise<WeightsExport>;
  /**
   * Loads exported weights into the built models while paused (all or nothing: a name or shape that
   * differs throws, naming the first mismatch, and nothing changes), then sends fresh tiles/samples.
   * `step`: how far the exported run had trained (the run continues from there; else from step 0); the
   * history of this run is dropped (its charts belonged to other weights). Returns the run's step.
   */
  importWeights(w: WeightsExport, step?: number): Promise<number>;
  memory(): Promise<{ numTensors: number; numBytes: number; backend: string }>;
  /** Every node's values for one sample of the fixed latent batch, through G and then D (running or paused). */
  trace(sample: number): Promise<SampleTrace>;
}
