/**
 * Live activations: runs both probe models (every node's output) on a fixed latent batch and a fixed
 * real batch, reduces each output ON THE DEVICE to a small tile plus statistics, and packs them all
 * into one flat tensor, so a probe costs one asynchronous download however many nodes there are.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { getBlock, prod, type Params, type TF } from '../blocks';
import type { BuiltGan } from '../compile/build';
import type { GanPlan, NetPlan } from '../compile/plan';
import type { GeneratorFeed } from './step';
import { STAT_NAMES, unpackTiles, type ActivationTile, type TileLayout } from './tiles';

type T = tfNs.Tensor;

export interface ProbeOptions {
  /** Max channels a feature-map mosaic shows. */
  maxChannels?: number;
  /** Samples (rows) and units (columns) a dense strip shows. */
  stripRows?: number;
  stripCols?: number;
  /** Side of the sample grid for image data (gridSide² samples). */
  gridSide?: number;
  /** Side in pixels of the 2-D scatter histogram. */
  scatterSize?: number;
  /** Value range of the data: G's samples are drawn in it. */
  scale?: 'tanh' | 'sigmoid';
  /** Half-width of the 2-D scatter's window (data units). */
  extent?: number;
}
/** Which probes to run: G on the fixed latents, D on the fixed real batch or on G's samples of them. */
export interface ProbeParts {
  generator?: boolean;
  discriminator?: 'real' | 'fake' | false;
}
const ALL: ProbeParts = { generator: true, discriminator: 'real' };

const DEFAULTS: Required<ProbeOptions> = {
  maxChannels: 64,
  stripRows: 16,
  stripCols: 64,
  gridSide: 4,
  scatterSize: 64,
  scale: 'tanh',
  extent: 3,
};

/** The probe batch: 16 samples are enough for a 4×4 grid; 2-D data needs a cloud of points. */
export const probeBatchSize = (plan: GanPlan): number => (plan.data.shape.length >= 3 ? 16 : 256);

/** The function a node applies to its output, as its block declares (inputs have none). */
const activationOf = (n: { type: string; params: Params }): string | undefined =>
  getBlock(n.type).activationOf?.(n.params);

/** Statistics of one output over the whole batch, as a [8] tensor in STAT_NAMES order. */
function statsOf(tf: TF, x: T): T {
  const flat = tf.reshape(x, [x.shape[0]!, -1]);
  const mean = tf.mean(flat);
  const std = tf.sqrt(tf.mean(tf.square(tf.sub(flat, mean))));
  // A unit is dead when no sample of the batch makes it positive.
  const dead = tf.mean(tf.cast(tf.lessEqual(tf.max(flat, 0), 0), 'float32'));
  const satTanh = tf.mean(tf.cast(tf.greater(tf.abs(flat), 0.97), 'float32'));
  const satSig = tf.mean(tf.cast(tf.logicalOr(tf.less(flat, 0.03), tf.greater(flat, 0.97)), 'float32'));
  const nonFinite = tf.sub(1, tf.mean(tf.cast(tf.isFinite(flat), 'float32')));
  return tf.stack([mean, std, tf.min(flat), tf.max(flat), dead, satTanh, satSig, nonFinite]);
}

/** Scales x from [lo, hi] to [0, 255] (per channel when lo/hi are tensors). */
const to255 = (tf: TF, x: T, lo: T | number, hi: T | number): T =>
  tf.mul(tf.div(tf.sub(x, lo), tf.maximum(tf.sub(hi, lo), 1e-6)), 255);

/** G's samples [n, h, w, c] as a g×g grid picture [g·h, g·w·channels] in 0..255, in the data's value range. */
export function imageGrid(tf: TF, x: T, g: number, channels: number, scale: 'tanh' | 'sigmoid'): T {
  const [, h, w] = x.shape as number[];
  const n = Math.min(g * g, x.shape[0]!);
  let imgs = tf.slice(x, [0, 0, 0, 0], [n, h, w, channels]);
  if (n < g * g) imgs = tf.concat([imgs, tf.fill([g * g - n, h, w, channels], scale === 'tanh' ? -1 : 0)]);
  const [lo, hi] = scale === 'tanh' ? [-1, 1] : [0, 1];
  imgs = tf.clipByValue(to255(tf, imgs, lo, hi), 0, 255);
  // [n,h,w,c] -> [g, g, h, w·c] -> [g, h, g, w·c]: merging w and c keeps every transpose at rank 4.
  const grid = tf.transpose(tf.reshape(imgs, [g, g, h, w * channels]), [0, 2, 1, 3]);
  return tf.reshape(grid, [g * h, g * w * channels]);
}

/**
 * 2-D points -> their cell index in an s×s grid over [-e, e]² (row 0 at the top), fake points then
 * real ones. The device does the arithmetic; the host only counts (unpackTiles), which is far cheaper
 * than a one-hot histogram of n × s² values on the device.
 */
export function scatterCells(tf: TF, fake: T, real: T, s: number, e: number): T {
  const cells = (pts: T): T => {
    const p2 = tf.slice(tf.reshape(pts, [pts.shape[0]!, -1]), [0, 0], [-1, 2]);
    const cell = tf.clipByValue(tf.floor(tf.mul(tf.div(tf.add(p2, e), 2 * e), s)), 0, s - 1);
    const [cx, cy] = tf.split(cell, 2, 1);
    return tf.reshape(tf.add(tf.mul(tf.sub(s - 1, cy), s), cx), [-1]);
  };
  return tf.concat([cells(fake), cells(real)]);
}

export class ActivationProbe {
  readonly layouts: TileLayout[] = [];
  /**
   * The node whose output each layout draws. Not always its nodeId: InfoGAN's Q head has two
   * outputs (categorical, continuous) under one head id, and each tile must read its own source.
   */
  private readonly sources = new Map<TileLayout, string>();
  private readonly o: Required<ProbeOptions>;
  private readonly dInputs: T[];
  private readonly gInputs: T[];

  /**
   * @param feed fixed generator inputs (the probe keeps them; it disposes them in dispose())
   * @param real a fixed real batch (kept, disposed in dispose()); labels for conditional D inputs
   */
  constructor(
    private readonly tf: TF,
    private readonly plan: GanPlan,
    private readonly gan: BuiltGan,
    private readonly feed: GeneratorFeed,
    private readonly real: T,
    private readonly realLabels: T | undefined,
    opts: ProbeOptions = {},
    /**
     * The G that samples come from (the averaged one when G weight averaging is on): it draws the samples
     * tile (G's output head, the Samples panel); G's inner layers show G as it trains. Default: G.
     */
    private readonly samplingGenerator: () => tfNs.LayersModel = () => gan.generator.model,
  ) {
    this.o = { ...DEFAULTS, ...opts };
    this.gInputs = feed.values;
    const b = real.shape[0]!;
    this.dInputs = plan.discriminator.inputs.map((input) =>
      input.role === 'data' ? real : getBlock(input.type).sample!(tf, input.params, b, { labels: realLabels }).value,
    );
    this.addLayouts('generator', plan.generator, gan.generator.probeIds);
    this.addLayouts('discriminator', plan.discriminator, gan.discriminator.probeIds);
  }

  private addLayouts(network: TileLayout['network'], net: NetPlan, ids: string[]): void {
    const o = this.o;
    const nodes = new Map([...net.inputs, ...net.layers].map((n) => [n.id, n]));
    for (const id of ids) {
      const n = nodes.get(id)!;
      // D's colour image input shows its batch as pictures (a grid, in colour), not as three grey channels.
      const colour = 'role' in n && n.role === 'data' && n.shape.length === 3 && n.shape[2] === 3;
      const g = o.gridSide;
      const l: TileLayout = colour
        ? {
            kind: 'image',
            width: g * n.shape[1],
            height: g * n.shape[0],
            channels: 3,
            shown: g * g,
            total: g * g,
            nodeId: id,
            network,
            shape: n.shape,
          }
        : { ...this.layoutFor(n.shape), nodeId: id, network, shape: n.shape, activation: activationOf(n) };
      this.layouts.push(l);
      this.sources.set(l, id);
    }
    for (const out of net.outputs) {
      if (out.role === 'generated') {
        const image = out.shape.length === 3;
        const g = o.gridSide,
          s = o.scatterSize;
        this.layouts.push(
          image
            ? {
                nodeId: out.head,
                network,
                kind: 'image',
                shape: out.shape,
                width: g * out.shape[1],
                height: g * out.shape[0],
                channels: out.shape[2] >= 3 ? 3 : 1,
                shown: g * g,
                total: g * g,
              }
            : {
                nodeId: out.head,
                network,
                kind: 'scatter',
                shape: out.shape,
                width: s,
                height: s,
                channels: 2,
                shown: 1,
                total: 1,
                points: this.real.shape[0]!,
              },
        );
      } else {
        this.layouts.push({
          ...this.layoutFor(out.shape),
          nodeId: out.head,
          network,
          shape: out.shape,
          activation: out.activation,
        });
      }
      this.sources.set(this.layouts[this.layouts.length - 1], out.source);
      if (out.role === 'generated' && network === 'generator')
        this.samplesLayout = this.layouts[this.layouts.length - 1];
    }
  }

  /** The layout of G's samples (its 'generated' output). */
  private samplesLayout?: TileLayout;

  /** G's samples on the fixed latent batch, from the sampling generator. */
  private samples(): T {
    return this.samplingGenerator().predict(this.gInputs) as T;
  }

  /** Tile geometry from the shape alone, so layouts are known before anything runs. */
  private layoutFor(shape: number[]): Omit<TileLayout, 'nodeId' | 'network' | 'shape'> {
    const o = this.o;
    if (shape.length === 3) {
      const [h, w, c] = shape;
      const shown = Math.min(c, o.maxChannels),
        cols = Math.ceil(Math.sqrt(shown)),
        rows = Math.ceil(shown / cols);
      // Each channel gets a 1-pixel gutter on its right and bottom.
      return { kind: 'mosaic', width: cols * (w + 1), height: rows * (h + 1), channels: 1, shown, total: c };
    }
    const units = prod(shape);
    const cols = Math.min(units, o.stripCols);
    return {
      kind: 'strip',
      width: cols,
      height: Math.min(this.real.shape[0]!, o.stripRows),
      channels: 1,
      shown: cols,
      total: units,
    };
  }

  /** The layouts a probe of these parts produces, in packing order. */
  layoutsOf(parts: ProbeParts = ALL): TileLayout[] {
    return this.layouts.filter((l) => (l.network === 'generator' ? parts.generator : !!parts.discriminator));
  }

  /** Runs the probes and returns [pixels..., stats...] per layout as one flat float32 tensor. */
  run(parts: ProbeParts = ALL): T {
    const tf = this.tf;
    return tf.tidy(() => {
      const byId = new Map<string, T>();
      const put = (ids: string[], outs: T | T[]) =>
        ids.forEach((id, i) => byId.set(id, Array.isArray(outs) ? outs[i] : outs));
      if (parts.generator) put(this.gan.generator.probeIds, this.gan.generator.probe.predict(this.gInputs) as T | T[]);
      if (parts.discriminator) {
        put(
          this.gan.discriminator.probeIds,
          this.gan.discriminator.probe.predict(parts.discriminator === 'real' ? this.dInputs : this.fakeInputs()) as
            | T
            | T[],
        );
      }
      const out: T[] = [];
      const averaged = parts.generator && this.samplingGenerator() !== this.gan.generator.model;
      for (const l of this.layoutsOf(parts)) {
        const x = averaged && l === this.samplesLayout ? this.samples() : byId.get(this.sources.get(l)!)!;
        out.push(tf.reshape(this.tile(l, x), [-1]), statsOf(tf, x));
      }
      return tf.concat(out);
    });
  }

  /** D's inputs for the fixed latent batch's samples (phase 2 of a step: D on generated data). */
  private fakeInputs(): T[] {
    const fake = this.gan.generator.model.predict(this.gInputs) as T;
    const b = fake.shape[0]!;
    return this.plan.discriminator.inputs.map((input) =>
      input.role === 'data'
        ? fake
        : getBlock(input.type).sample!(this.tf, input.params, b, { labels: this.feed.labels }).value,
    );
  }

  private tile(l: TileLayout, x: T): T {
    const tf = this.tf,
      o = this.o;
    if (l.kind === 'mosaic') {
      const [h, w] = l.shape;
      const cols = Math.ceil(Math.sqrt(l.shown)),
        rows = Math.ceil(l.shown / cols);
      const first = tf.slice(x, [0, 0, 0, 0], [1, h, w, l.shown]).reshape([h, w, l.shown]);
      const norm = to255(tf, first, tf.min(first, [0, 1]), tf.max(first, [0, 1]));
      let ch = tf.pad(
        tf.transpose(norm, [2, 0, 1]),
        [
          [0, rows * cols - l.shown],
          [0, 1],
          [0, 1],
        ],
        48,
      );
      ch = tf.reshape(ch, [rows, cols, h + 1, w + 1]);
      return tf.reshape(tf.transpose(ch, [0, 2, 1, 3]), [rows * (h + 1), cols * (w + 1)]);
    }
    if (l.kind === 'strip') {
      const flat = tf.reshape(x, [x.shape[0]!, -1]);
      const part = tf.slice(flat, [0, 0], [l.height, l.width]);
      return to255(tf, part, tf.min(part), tf.max(part));
    }
    if (l.kind === 'image') return imageGrid(tf, x, o.gridSide, l.channels, o.scale);
    return scatterCells(tf, x, this.real, o.scatterSize, o.extent);
  }

  /** Runs the probe and downloads everything in one asynchronous read. */
  async read(parts: ProbeParts = ALL): Promise<ActivationTile[]> {
    const packed = this.run(parts);
    try {
      return unpackTiles(await packed.data(), this.layoutsOf(parts));
    } finally {
      packed.dispose();
    }
  }

  /** Only the sample grid (G's output head), for when the full probe is switched off. */
  async readSamples(): Promise<ActivationTile | undefined> {
    const tf = this.tf;
    const l = this.samplesLayout;
    if (!l) return undefined;
    const packed = tf.tidy(() => {
      const x = this.samples();
      return tf.concat([tf.reshape(this.tile(l, x), [-1]), statsOf(tf, x)]);
    });
    try {
      return unpackTiles(await packed.data(), [l])[0];
    } finally {
      packed.dispose();
    }
  }

  dispose(): void {
    // Some of these may alias each other; disposing a tensor twice is harmless in tfjs.
    this.dInputs.forEach((t) => t.dispose());
    this.real.dispose();
    this.realLabels?.dispose();
    this.feed.values.forEach((t) => t.dispose());
    this.feed.labels?.dispose();
    this.feed.categorical.forEach((t) => t.dispose());
    this.feed.continuous?.dispose();
  }
}

/** The first node, in topological order (G first, then D), whose output held a NaN or an infinity. */
export function firstNonFiniteNode(tiles: ActivationTile[]): ActivationTile | undefined {
  return tiles.find((t) => t.stats.nonFinite > 0) ?? tiles.find((t) => !Number.isFinite(t.stats.mean));
}

export { STAT_NAMES };
