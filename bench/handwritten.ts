/**
 * The same GANs written by hand in plain tfjs, as a user would without Ganvas: the TF DCGAN tutorial
 * models and the 2-D ring MLPs, with the textbook step (D on real + fake, then G through D, BCE,
 * Adam, batches gathered on the device), and templates/infogan-mnist.json's InfoGAN with its own step
 * (the same plus Q's code loss). The benchmark compares Ganvas's compiled step against these.
 */
import type * as tfNs from '@tensorflow/tfjs';

type TF = typeof tfNs;
type T = tfNs.Tensor;
const S = (x: unknown) => x as tfNs.SymbolicTensor;

/** One step; returns [dLoss, gLoss] as a tensor (read by the caller, like Ganvas's metrics). */
export type HandStep = (tf: TF, g: HandGan, images: T, batch: number, seed: number) => T;
export interface HandGan {
  G: tfNs.LayersModel;
  D: tfNs.LayersModel;
  zDim: number;
  optG: tfNs.Optimizer;
  optD: tfNs.Optimizer;
  step: HandStep;
}

export function handDcgan(tf: TF): HandGan {
  const z = tf.input({ shape: [100] });
  let x = S(tf.layers.dense({ units: 7 * 7 * 256, useBias: false }).apply(z));
  x = S(tf.layers.leakyReLU().apply(S(tf.layers.batchNormalization().apply(x))));
  x = S(tf.layers.reshape({ targetShape: [7, 7, 256] }).apply(x));
  for (const [filters, strides] of [
    [128, 1],
    [64, 2],
  ]) {
    x = S(tf.layers.conv2dTranspose({ filters, kernelSize: 5, strides, padding: 'same', useBias: false }).apply(x));
    x = S(tf.layers.leakyReLU().apply(S(tf.layers.batchNormalization().apply(x))));
  }
  x = S(
    tf.layers
      .conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: 'same', useBias: false, activation: 'tanh' })
      .apply(x),
  );
  const G = tf.model({ inputs: z, outputs: x });
  const img = tf.input({ shape: [28, 28, 1] });
  let y = img;
  for (const filters of [64, 128]) {
    y = S(tf.layers.conv2d({ filters, kernelSize: 5, strides: 2, padding: 'same' }).apply(y));
    y = S(tf.layers.dropout({ rate: 0.3 }).apply(S(tf.layers.leakyReLU().apply(y))));
  }
  y = S(tf.layers.dense({ units: 1 }).apply(S(tf.layers.flatten().apply(y))));
  const D = tf.model({ inputs: img, outputs: y });
  return { G, D, zDim: 100, optG: tf.train.adam(1e-4), optD: tf.train.adam(1e-4), step: handStep };
}

export function handRing(tf: TF): HandGan {
  const mlp = (inDim: number, out: number) => {
    const i = tf.input({ shape: [inDim] });
    let h = S(tf.layers.dense({ units: 128, activation: 'relu' }).apply(i));
    h = S(tf.layers.dense({ units: 128, activation: 'relu' }).apply(h));
    return tf.model({ inputs: i, outputs: S(tf.layers.dense({ units: out }).apply(h)) });
  };
  return {
    G: mlp(16, 2),
    D: mlp(2, 1),
    zDim: 16,
    optG: tf.train.adam(1e-3, 0.5),
    optD: tf.train.adam(1e-3, 0.5),
    step: handStep,
  };
}

const INFO_CAT = 10,
  INFO_CONT = 2,
  INFO_LAMBDA = 0.2;

/**
 * InfoGAN (Chen et al. 2016) on MNIST: G(62 uniform noise, a 10-way one-hot code, 2 uniform codes);
 * D's convolutions feed both its fully connected layer (then the real/fake logit) and Q, which guesses the codes
 * (D has 3 outputs). The sizes, rates and λ of templates/infogan-mnist.json.
 */
export function handInfogan(tf: TF): HandGan {
  const bn = (t: tfNs.SymbolicTensor) => S(tf.layers.batchNormalization({ momentum: 0.9 }).apply(t));
  const bnRelu = (t: tfNs.SymbolicTensor) => S(tf.layers.activation({ activation: 'relu' }).apply(bn(t)));
  const lrelu = (t: tfNs.SymbolicTensor) => S(tf.layers.leakyReLU({ alpha: 0.1 }).apply(t));
  const ins = [62, INFO_CAT, INFO_CONT].map((n) => tf.input({ shape: [n] }));
  let x = S(tf.layers.concatenate().apply(ins));
  for (const units of [512, 7 * 7 * 64]) x = bnRelu(S(tf.layers.dense({ units }).apply(x)));
  x = S(tf.layers.reshape({ targetShape: [7, 7, 64] }).apply(x));
  x = bnRelu(S(tf.layers.conv2dTranspose({ filters: 32, kernelSize: 4, strides: 2, padding: 'same' }).apply(x)));
  x = S(
    tf.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }).apply(x),
  );
  const G = tf.model({ inputs: ins, outputs: x });
  const img = tf.input({ shape: [28, 28, 1] });
  let y = lrelu(S(tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same' }).apply(img)));
  y = lrelu(bn(S(tf.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same' }).apply(y))));
  const features = S(tf.layers.flatten().apply(y));
  y = lrelu(bn(S(tf.layers.dense({ units: 512 }).apply(features))));
  const q = lrelu(bn(S(tf.layers.dense({ units: 128 }).apply(features))));
  const heads = [
    tf.layers.dense({ units: 1 }).apply(y),
    tf.layers.dense({ units: INFO_CAT }).apply(q),
    tf.layers.dense({ units: INFO_CONT }).apply(q),
  ];
  const D = tf.model({ inputs: img, outputs: heads.map(S) });
  return { G, D, zDim: 62, optG: tf.train.adam(2e-3, 0.5), optD: tf.train.adam(1e-3, 0.5), step: infoganStep };
}

const vars = (m: tfNs.LayersModel) => m.trainableWeights.map((w) => (w as unknown as { read(): tfNs.Variable }).read());

/** The textbook step (see HandStep). */
export function handStep(tf: TF, g: HandGan, images: T, batch: number, seed: number): T {
  return tf.tidy(() => {
    const bce = (logits: T, label: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, label), logits);
    const idx = tf.randomUniform([batch], 0, images.shape[0]!, 'int32', seed);
    const real = tf.gather(images, idx);
    const fake = g.G.apply(tf.randomNormal([batch, g.zDim], 0, 1, 'float32', seed + 1), { training: true }) as T;
    const dLoss = g.optD.minimize(
      () =>
        tf.add(
          bce(g.D.apply(real, { training: true }) as T, 1),
          bce(g.D.apply(fake, { training: true }) as T, 0),
        ) as tfNs.Scalar,
      true,
      vars(g.D),
    )!;
    const z = tf.randomNormal([batch, g.zDim], 0, 1, 'float32', seed + 2);
    const gLoss = g.optG.minimize(
      () => bce(g.D.apply(g.G.apply(z, { training: true }), { training: true }) as T, 1) as tfNs.Scalar,
      true,
      vars(g.G),
    )!;
    return tf.stack([dLoss, gLoss]);
  });
}

/**
 * InfoGAN's step: the textbook one, with D's outputs [logit, code logits, continuous codes], plus
 * lambda * (cross-entropy of Q's code logits + MSE of its continuous codes) on the fakes, in D's
 * loss (Q lives in D) and in G's.
 */
export function infoganStep(tf: TF, g: HandGan, images: T, batch: number, seed: number): T {
  return tf.tidy(() => {
    const bce = (logits: T, label: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, label), logits);
    const codes = (s: number) => [
      tf.randomUniform([batch, g.zDim], -1, 1, 'float32', s),
      tf.oneHot(tf.randomUniform([batch], 0, INFO_CAT, 'int32', s + 1), INFO_CAT).toFloat(),
      tf.randomUniform([batch, INFO_CONT], -1, 1, 'float32', s + 2),
    ];
    const info = (out: T[], [, cat, cont]: T[]) =>
      tf.mul(INFO_LAMBDA, tf.add(tf.losses.softmaxCrossEntropy(cat, out[1]), tf.losses.meanSquaredError(cont, out[2])));
    const D = (x: T) => g.D.apply(x, { training: true }) as T[];
    const real = tf.gather(images, tf.randomUniform([batch], 0, images.shape[0]!, 'int32', seed));
    const c = codes(seed + 1);
    const fake = g.G.apply(c, { training: true }) as T;
    const dLoss = g.optD.minimize(
      () => {
        const outR = D(real),
          outF = D(fake);
        return tf.addN([bce(outR[0], 1), bce(outF[0], 0), info(outF, c)]) as tfNs.Scalar;
      },
      true,
      vars(g.D),
    )!;
    const c2 = codes(seed + 4);
    const gLoss = g.optG.minimize(
      () => {
        const out = D(g.G.apply(c2, { training: true }) as T);
        return tf.add(bce(out[0], 1), info(out, c2)) as tfNs.Scalar;
      },
      true,
      vars(g.G),
    )!;
    return tf.stack([dLoss, gLoss]);
  });
}
