/**
 * Runs the generator (inference mode) on an explorer batch and turns its output into what the page
 * draws: a rows × cols picture for image data (one download), the raw points for 2-D data. tf is
 * passed in; every intermediate tensor is disposed here.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { GanPlan } from '../compile/plan';
import type { ActivationTile } from '../train/tiles';
import { buildBatch, type ExploreBatch, type ExploreRequest } from './batches';

type T = tfNs.Tensor;

export interface ExploreResult extends Pick<ExploreBatch, 'rows' | 'cols' | 'rowLabels' | 'colLabels' | 'caption'> {
  request: ExploreRequest;
  /** The training step whose weights drew it. */
  step: number;
  /** Image data: the grid picture (cells separated by a 1-pixel gap), an 'image' tile. */
  tile?: ActivationTile;
  /** G's raw outputs, [rows·cols, ...shape] row-major (2-D data: the points). */
  values: Float32Array;
  shape: number[];
  /** 2-D data: some real points for reference, and the half-width of the window that holds them. */
  real?: Float32Array;
  extent?: number;
}

export interface RenderOptions {
  scale: 'tanh' | 'sigmoid';
  gap?: number;
}
const GAP_VALUE = 96;

/**
 * [n, h, w, c] images in [lo, hi] -> one [rows·(h+gap)-gap, (cols·(w+gap)-gap)·c] picture in 0..255,
 * sample i at row floor(i / cols), column i % cols. Width and channels are merged so every transpose
 * stays at rank 4 (what every backend supports).
 */
export function gridPicture(tf: TF, x: T, rows: number, cols: number, o: RenderOptions): T {
  return tf.tidy(() => {
    const [n, h, w, c0] = x.shape as number[];
    const c = c0 === 3 ? 3 : 1;
    const gap = o.gap ?? 1;
    let imgs = tf.slice(x, [0, 0, 0, 0], [n, h, w, c]);
    const [lo, hi] = o.scale === 'tanh' ? [-1, 1] : [0, 1];
    imgs = tf.clipByValue(tf.mul(tf.div(tf.sub(imgs, lo), hi - lo), 255), 0, 255);
    if (n < rows * cols) imgs = tf.concat([imgs, tf.zeros([rows * cols - n, h, w, c])]);
    const H = h + gap,
      W = w + gap;
    const padded = gap
      ? tf.pad(
          imgs,
          [
            [0, 0],
            [0, gap],
            [0, gap],
            [0, 0],
          ],
          GAP_VALUE,
        )
      : imgs;
    const grid = tf.reshape(tf.transpose(tf.reshape(padded, [rows, cols, H, W * c]), [0, 2, 1, 3]), [
      rows * H,
      cols * W * c,
    ]);
    return tf.slice(grid, [0, 0], [rows * H - gap, (cols * W - gap) * c]);
  });
}

/** G(inputs) for one explorer request. The caller adds step/real/extent it knows about. */
export async function generateExploration(
  tf: TF,
  plan: GanPlan,
  generator: tfNs.LayersModel,
  request: ExploreRequest,
  o: RenderOptions,
): Promise<Omit<ExploreResult, 'step'>> {
  const batch = buildBatch(plan, request);
  const n = batch.rows * batch.cols;
  const out = tf.tidy(() => {
    const xs = plan.generator.inputs.map((input, i) => tf.tensor(batch.inputs[i], [n, ...input.shape]));
    const y = generator.predict(xs.length === 1 ? xs[0] : xs) as T;
    return y;
  });
  const shape = out.shape as number[];
  const image = shape.length === 4;
  const pic = image ? gridPicture(tf, out, batch.rows, batch.cols, o) : undefined;
  try {
    const [values, pixels] = await Promise.all([out.data() as Promise<Float32Array>, pic?.data()]);
    const { rows, cols, rowLabels, colLabels, caption } = batch;
    const base = { request, rows, cols, rowLabels, colLabels, caption, values, shape };
    if (!pic || !pixels) return base;
    const [height, width] = [pic.shape[0]!, pic.shape[1]! / (shape[3] === 3 ? 3 : 1)];
    const channels = shape[3] === 3 ? 3 : 1;
    const bytes = new Uint8Array(pixels.length);
    for (let i = 0; i < pixels.length; i++) bytes[i] = Math.round(pixels[i]);
    const zero = { mean: 0, std: 0, min: 0, max: 0, dead: 0, saturatedTanh: 0, saturatedSigmoid: 0, nonFinite: 0 };
    const tile: ActivationTile = {
      nodeId: plan.generator.outputs[0]?.head ?? 'generator',
      network: 'generator',
      kind: 'image',
      shape: shape.slice(1),
      width,
      height,
      channels,
      shown: n,
      total: n,
      pixels: bytes,
      stats: zero,
    };
    return { ...base, tile };
  } finally {
    out.dispose();
    pic?.dispose();
  }
}
