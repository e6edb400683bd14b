/**
 * Per-layer gradient norms, for "which layer's gradients vanish or explode": on the steps that measure
 * the global norms (every NORM_EVERY), also the norm of each layer's weight gradients, kept as one small
 * 1-D tensor per network in a fixed node order. They are read back asynchronously and only when a new
 * measurement exists, so a step never waits on the device and steps that do not measure do nothing extra.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';

type T = tfNs.Tensor;

/** One measurement: the step (as in the metrics history) and the norm of each layer with weights, by node id. */
export interface LayerGradNormPoint {
  step: number;
  norms: Record<string, number>;
}

/** Points a history keeps: the first HEAD_POINTS, then the latest. */
export const LAYER_NORM_POINTS = 500;
/** 100 steps of measurements: more than the doctor's first window, against which it compares each layer. */
const HEAD_POINTS = 10;

/** `h` with `more` appended, dropping points after the head once it holds more than `max`. */
export function appendLayerNorms(
  h: readonly LayerGradNormPoint[],
  more: readonly LayerGradNormPoint[],
  max = LAYER_NORM_POINTS,
): LayerGradNormPoint[] {
  const all = [...h, ...more];
  return all.length <= max ? all : [...all.slice(0, HEAD_POINTS), ...all.slice(all.length - (max - HEAD_POINTS))];
}

/** One network: its layers with trainable weights, and the layer of each of their variables. */
class NetNorms {
  readonly nodeIds: string[] = [];
  private readonly slotOf = new Map<string, number>();
  latest?: T;
  step = 0;
  unread = false;

  constructor(model: tfNs.LayersModel) {
    for (const layer of model.layers) {
      if (!layer.trainableWeights.length) continue;
      // tf.variableGrads keys its record by the tf.Variable's name, which is the LayerVariable's uniquified
      // `name` ('g_fc1/kernel', or 'g_fc1/kernel_1' once another model with that layer name was built in
      // this process), not its `originalName`: map the names the variables really have, once.
      for (const w of layer.trainableWeights)
        this.slotOf.set((w as unknown as { read(): tfNs.Variable }).read().name, this.nodeIds.length);
      this.nodeIds.push(layer.name);
    }
  }

  /** Keeps the square root of each layer's summed squares (replacing the last); runs inside the step's tidy. */
  record(tf: TF, squares: Record<string, T>, step: number, zero: T): void {
    if (!this.nodeIds.length) return;
    const parts: T[][] = this.nodeIds.map(() => []);
    for (const [name, sq] of Object.entries(squares)) {
      const i = this.slotOf.get(name);
      if (i !== undefined) parts[i].push(sq);
    }
    // A layer no gradient reached (off the loss's path) counts 0, from the kept zero: no upload.
    const perLayer = parts.map((p) => (p.length === 0 ? zero : p.length === 1 ? p[0] : tf.addN(p)));
    const old = this.latest;
    this.latest = tf.keep(tf.sqrt(tf.stack(perLayer)));
    old?.dispose();
    this.step = step;
    this.unread = true;
  }
}

export class LayerGradNorms {
  private readonly nets: Record<'g' | 'd', NetNorms>;

  constructor(
    private readonly tf: TF,
    models: Record<'g' | 'd', tfNs.LayersModel>,
    private readonly zero: T,
  ) {
    this.nets = { g: new NetNorms(models.g), d: new NetNorms(models.d) };
  }

  /** On a measuring step: each variable's summed squared gradient (by variable name), for step `step`. */
  record(which: 'g' | 'd', squares: Record<string, T>, step: number): void {
    this.nets[which].record(this.tf, squares, step, this.zero);
  }

  /** The measurements not read yet, in one download (undefined when there is none). */
  async read(): Promise<LayerGradNormPoint | undefined> {
    const fresh = Object.values(this.nets).filter((n) => n.unread && n.latest);
    if (!fresh.length) return undefined;
    fresh.forEach((n) => {
      n.unread = false;
    });
    // A copy: a measurement while the download is in flight replaces (disposes) the kept tensors.
    const all = this.tf.concat(fresh.map((n) => n.latest!));
    const values = await all.data();
    all.dispose();
    const norms: Record<string, number> = {};
    let i = 0;
    for (const n of fresh) for (const id of n.nodeIds) norms[id] = values[i++];
    return { step: Math.max(...fresh.map((n) => n.step)), norms };
  }

  dispose(): void {
    for (const n of Object.values(this.nets)) {
      n.latest?.dispose();
      n.latest = undefined;
    }
  }
}
