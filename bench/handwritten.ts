/**
 * The same GANs written by hand in plain tfjs, as a user would without Ganvas: the TF DCGAN tutorial
 * models and the 2-D ring MLPs, with the textbook step (D on real + fake, then G through D, BCE,
 * Adam, batches gathered on the device). The benchmark compares Ganvas's compiled step against this.
 */
import type * as tfNs from '@tensorflow/tfjs';

type TF = typeof tfNs;
type T = tfNs.Tensor;
const S = (x: unknown) => x as tfNs.SymbolicTensor;

export interface HandGan { G: tfNs.LayersModel; D: tfNs.LayersModel; zDim: number; optG: tfNs.Optimizer; optD: tfNs.Optimizer }

export function handDcgan(tf: TF): HandGan {
  const z = tf.input({ shape: [100] });
  let x = S(tf.layers.dense({ units: 7 * 7 * 256, useBias: false }).apply(z));
  x = S(tf.layers.leakyReLU().apply(S(tf.layers.batchNormalization().apply(x))));
  x = S(tf.layers.reshape({ targetShape: [7, 7, 256] }).apply(x));
  for (const [filters, strides] of [[128, 1], [64, 2]]) {
    x = S(tf.layers.conv2dTranspose({ filters, kernelSize: 5, strides, padding: 'same', useBias: false }).apply(x));
    x = S(tf.layers.leakyReLU().apply(S(tf.layers.batchNormalization().apply(x))));
  }
  x = S(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: 'same', useBias: false, activation: 'tanh' }).apply(x));
  const G = tf.model({ inputs: z, outputs: x });
  const img = tf.input({ shape: [28, 28, 1] });
  let y = img;
  for (const filters of [64, 128]) {
    y = S(tf.layers.conv2d({ filters, kernelSize: 5, strides: 2, padding: 'same' }).apply(y));
    y = S(tf.layers.dropout({ rate: 0.3 }).apply(S(tf.layers.leakyReLU().apply(y))));
  }
  y = S(tf.layers.dense({ units: 1 }).apply(S(tf.layers.flatten().apply(y))));
  const D = tf.model({ inputs: img, outputs: y });
  return { G, D, zDim: 100, optG: tf.train.adam(1e-4), optD: tf.train.adam(1e-4) };
}

export function handRing(tf: TF): HandGan {
  const mlp = (inDim: number, out: number) => {
    const i = tf.input({ shape: [inDim] });
    let h = S(tf.layers.dense({ units: 128, activation: 'relu' }).apply(i));
    h = S(tf.layers.dense({ units: 128, activation: 'relu' }).apply(h));
    return tf.model({ inputs: i, outputs: S(tf.layers.dense({ units: out }).apply(h)) });
  };
  return { G: mlp(16, 2), D: mlp(2, 1), zDim: 16, optG: tf.train.adam(1e-3, 0.5), optD: tf.train.adam(1e-3, 0.5) };
}

const vars = (m: tfNs.LayersModel) => m.trainableWeights.map((w) => (w as unknown as { read(): tfNs.Variable }).read());

/** One step; returns [dLoss, gLoss] as a tensor (read by the caller, like Ganvas's metrics). */
export function handStep(tf: TF, g: HandGan, images: T, batch: number, seed: number): T {
  return tf.tidy(() => {
    const bce = (logits: T, label: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, label), logits);
    const idx = tf.randomUniform([batch], 0, images.shape[0]!, 'int32', seed);
    const real = tf.gather(images, idx);
    const fake = g.G.apply(tf.randomNormal([batch, g.zDim], 0, 1, 'float32', seed + 1), { training: true }) as T;
    const dLoss = g.optD.minimize(() => tf.add(bce(g.D.apply(real, { training: true }) as T, 1), bce(g.D.apply(fake, { training: true }) as T, 0)) as tfNs.Scalar, true, vars(g.D))!;
    const z = tf.randomNormal([batch, g.zDim], 0, 1, 'float32', seed + 2);
    const gLoss = g.optG.minimize(() => bce(g.D.apply(g.G.apply(z, { training: true }), { training: true }) as T, 1) as tfNs.Scalar, true, vars(g.G))!;
    return tf.stack([dLoss, gLoss]);
  });
}
