#!/usr/bin/env node
// Writes templates/*.json (the project file format) from the compact descriptions below.
// The JSON files are what the app and CLI load; re-run this after editing a description:
//   node scripts/make-templates.mjs
// With --check it writes nothing and fails when a JSON file differs from what it would write
// (tests/templates/generated.test.ts), so an edit made to a JSON file alone cannot drift from here.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adam = (learningRate, beta1 = 0.5, beta2 = 0.999) => ({ type: 'adam', learningRate, beta1, beta2 });
const lrelu = (alpha = 0.2) => ['activation', { fn: 'leakyRelu', alpha }];

/**
 * A network as rows of [id, type, params, from]; `from` defaults to the previous row
 * (port x); a string names one source, an array several (multi port x), an object maps ports to sources.
 * Rows are laid out left to right; `row` lists start new lanes for side branches.
 */
function network(name, rows, y0) {
  const nodes = [],
    edges = [];
  let prev = null,
    x = 0,
    lane = 0;
  for (const r of rows) {
    if (r === '|') {
      lane++;
      x = 0;
      prev = null;
      continue;
    }
    const [id, type, params = {}, from, dx] = r;
    if (dx !== undefined) x = dx;
    nodes.push({ id, type, network: name, params, position: { x: x * 230, y: y0 + lane * 170 } });
    x++;
    const link = (src, port = 'x') => edges.push({ source: src, target: id, targetPort: port });
    if (from === null) {
      /* an input: no wire */
    } else if (typeof from === 'string') link(from);
    else if (Array.isArray(from)) from.forEach((s) => link(s));
    else if (from && typeof from === 'object') Object.entries(from).forEach(([port, s]) => link(s, port));
    else if (prev) link(prev);
    prev = id;
  }
  return { nodes, edges };
}

function project(name, description, g, d, training, dataset = { kind: 'mnist', scale: 'tanh' }) {
  const G = network('generator', g, 0),
    D = network('discriminator', d, 560);
  return {
    format: 'ganvas',
    version: 1,
    name,
    description,
    graph: { nodes: [...G.nodes, ...D.nodes], edges: [...G.edges, ...D.edges] },
    training: {
      loss: 'nsgan',
      batchSize: 64,
      dSteps: 1,
      realLabel: 1,
      gpWeight: 10,
      infoLambda: 1,
      auxWeight: 1,
      seed: 42,
      ...training,
    },
    dataset,
  };
}

/** The small DCGAN's generator after its input: Dense to 7×7×64, two stride-2 transposed convolutions to 28×28×1. */
const smallGenerator = () => [
  ['g_dense', 'dense', { units: 7 * 7 * 64, useBias: false }],
  ['g_bn1', 'batchNormalization', { momentum: 0.9 }],
  ['g_relu1', 'activation', { fn: 'relu' }],
  ['g_reshape', 'reshape', { targetShape: [7, 7, 64] }],
  ['g_deconv1', 'conv2dTranspose', { filters: 32, kernelSize: 4, strides: 2, useBias: false }],
  ['g_bn2', 'batchNormalization', { momentum: 0.9 }],
  ['g_relu2', 'activation', { fn: 'relu' }],
  ['g_deconv2', 'conv2dTranspose', { filters: 1, kernelSize: 4, strides: 2, activation: 'tanh' }],
  ['g_out', 'generatorOutput'],
];
/** The small DCGAN's discriminator from its (image) input to the flattened 7×7×64 features. */
const smallDiscriminatorTrunk = () => [
  ['d_conv1', 'conv2d', { filters: 32, kernelSize: 4, strides: 2 }],
  ['d_lrelu1', ...lrelu()],
  ['d_conv2', 'conv2d', { filters: 64, kernelSize: 4, strides: 2, useBias: false }],
  ['d_bn2', 'batchNormalization', { momentum: 0.9 }],
  ['d_lrelu2', ...lrelu()],
  ['d_flatten', 'flatten'],
];
/** A conditional generator's input: noise 100 joined with the one-hot label of 10 classes. */
const noiseAndLabel = () => [
  ['z', 'latentNoise', { size: 100, distribution: 'normal' }, null],
  '|',
  ['g_label', 'classLabel', { classes: 10, encoding: 'onehot' }, null],
  '|',
  ['g_concat', 'concatenate', {}, ['z', 'g_label'], 1],
];

const T = {};

T['dcgan-mnist'] = project(
  'DCGAN (MNIST)',
  "Radford et al.'s DCGAN (2015) in the MNIST shape of its reference code (dcgan_code's mnist/train_cond_dcgan.py; InfoGAN's too): a fully connected layer before G's strided transposed convolutions and after D's strided convolutions, batch norm in G and in D, ReLU in G and LeakyReLU 0.2 in D, tanh output, Adam with β1 0.5. Narrower than those (512 units where they have 1,024; G 64 and 32 channels, D 32 and 64), batch 64, and the learning rates raised from 2e-4 to 2e-3 for G and 1e-3 for D; batch norm momentum 0.9 so samples drawn with its moving statistics follow G sooner. Readable digits (70% of samples classified with confidence) by about step 700; without the two fully connected layers and at batch 32 a step costs about a third as much, but the digits stay broken (docs/quality.md). The TensorFlow tutorial's model is the 'DCGAN, TensorFlow tutorial' template.",
  [
    ['z', 'latentNoise', { size: 100, distribution: 'normal' }, null],
    ['g_fc', 'dense', { units: 512, useBias: false }],
    ['g_bn_fc', 'batchNormalization', { momentum: 0.9 }],
    ['g_relu_fc', 'activation', { fn: 'relu' }],
    ...smallGenerator(),
  ],
  [
    ['d_input', 'realData', {}, null],
    ...smallDiscriminatorTrunk(),
    ['d_fc', 'dense', { units: 512, useBias: false }],
    ['d_bn3', 'batchNormalization', { momentum: 0.9 }],
    ['d_lrelu3', ...lrelu()],
    ['d_dense', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { batchSize: 64, generator: adam(2e-3), discriminator: adam(1e-3) },
);

T['dcgan-mnist-small'] = project(
  'DCGAN, small (MNIST)',
  'The DCGAN template without its two fully connected layers, at batch 32: about a third of its work per step, for a first look on a slow CPU. Digit-shaped strokes within a minute in the app on wasm, but at step 1,000 (about 2.5 minutes) fewer than half of its samples are digits a classifier is sure of, and 2,400 steps do not change that much (docs/quality.md). Adam with β1 0.5, G 1e-3, D 5e-4; batch norm momentum 0.9.',
  [['z', 'latentNoise', { size: 100, distribution: 'normal' }, null], ...smallGenerator()],
  [
    ['d_input', 'realData', {}, null],
    ...smallDiscriminatorTrunk(),
    ['d_dense', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { batchSize: 32, generator: adam(1e-3), discriminator: adam(5e-4) },
);

T['dcgan-tf-tutorial'] = project(
  'DCGAN, TensorFlow tutorial (MNIST)',
  'The TensorFlow DCGAN tutorial, exactly: a generator of transposed convolutions with batch norm and LeakyReLU, a convolutional discriminator with dropout, Adam 1e-4 (β1 0.9), batch 64. G 2,330,944 and D 212,865 parameters, as in Keras. Kept as the tutorial wrote it: on a CPU it learns slowly (no readable digits after 1,000 steps here; docs/quality.md); the DCGAN template learns in minutes.',
  [
    ['z', 'latentNoise', { size: 100, distribution: 'normal' }, null],
    ['g_dense', 'dense', { units: 7 * 7 * 256, useBias: false }],
    ['g_bn1', 'batchNormalization'],
    ['g_lrelu1', 'activation', { fn: 'leakyRelu', alpha: 0.3 }],
    ['g_reshape', 'reshape', { targetShape: [7, 7, 256] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 128, kernelSize: 5, strides: 1, useBias: false }],
    ['g_bn2', 'batchNormalization'],
    ['g_lrelu2', 'activation', { fn: 'leakyRelu', alpha: 0.3 }],
    ['g_deconv2', 'conv2dTranspose', { filters: 64, kernelSize: 5, strides: 2, useBias: false }],
    ['g_bn3', 'batchNormalization'],
    ['g_lrelu3', 'activation', { fn: 'leakyRelu', alpha: 0.3 }],
    ['g_deconv3', 'conv2dTranspose', { filters: 1, kernelSize: 5, strides: 2, useBias: false, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 64, kernelSize: 5, strides: 2 }],
    ['d_lrelu1', 'activation', { fn: 'leakyRelu', alpha: 0.3 }],
    ['d_drop1', 'dropout', { rate: 0.3 }],
    ['d_conv2', 'conv2d', { filters: 128, kernelSize: 5, strides: 2 }],
    ['d_lrelu2', 'activation', { fn: 'leakyRelu', alpha: 0.3 }],
    ['d_drop2', 'dropout', { rate: 0.3 }],
    ['d_flatten', 'flatten'],
    ['d_dense', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { generator: adam(1e-4, 0.9), discriminator: adam(1e-4, 0.9) },
);

T['infogan-mnist'] = project(
  'InfoGAN (MNIST)',
  "InfoGAN (Chen et al. 2016), MNIST model: 62 noise + one 10-way categorical + 2 continuous codes; Q recovers the codes from G's samples, so the categorical code learns the digit without labels. InfoGAN's layers (a fully connected layer before G's transposed convolutions and after D's convolutions, batch norm, LeakyReLU 0.1 in D) at the DCGAN template's widths and rates (512 units, G 64 and 32 channels, D 32 and 64; Adam β1 0.5, G 2e-3, D 1e-3; batch norm momentum 0.9). Two changes for the code: Q's 128-unit layer reads D's convolution features (in the paper it shares D's fully connected layer too), and λ is 0.2 (the paper's 1). At λ 1 two codes often share two similar digits (4 and 9); at 0.2 the code agrees with the digit on about 90% of samples by step 3,000 (docs/quality.md).",
  [
    ['z', 'latentNoise', { size: 62, distribution: 'uniform' }, null],
    '|',
    ['c_cat', 'categoricalCode', { categories: 10 }, null],
    '|',
    ['c_cont', 'continuousCode', { count: 2 }, null],
    '|',
    ['g_concat', 'concatenate', {}, ['z', 'c_cat', 'c_cont'], 1],
    ['g_fc1', 'dense', { units: 512 }],
    ['g_bn1', 'batchNormalization', { momentum: 0.9 }],
    ['g_relu1', 'activation', { fn: 'relu' }],
    ['g_fc2', 'dense', { units: 7 * 7 * 64 }],
    ['g_bn2', 'batchNormalization', { momentum: 0.9 }],
    ['g_relu2', 'activation', { fn: 'relu' }],
    ['g_reshape', 'reshape', { targetShape: [7, 7, 64] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 32, kernelSize: 4, strides: 2 }],
    ['g_bn3', 'batchNormalization', { momentum: 0.9 }],
    ['g_relu3', 'activation', { fn: 'relu' }],
    ['g_deconv2', 'conv2dTranspose', { filters: 1, kernelSize: 4, strides: 2, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 32, kernelSize: 4, strides: 2 }],
    ['d_lrelu1', ...lrelu(0.1)],
    ['d_conv2', 'conv2d', { filters: 64, kernelSize: 4, strides: 2 }],
    ['d_bn2', 'batchNormalization', { momentum: 0.9 }],
    ['d_lrelu2', ...lrelu(0.1)],
    ['d_flatten', 'flatten'],
    ['d_fc', 'dense', { units: 512 }],
    ['d_bn3', 'batchNormalization', { momentum: 0.9 }],
    ['d_lrelu3', ...lrelu(0.1)],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
    '|',
    ['q_fc', 'dense', { units: 128 }, 'd_flatten', 9],
    ['q_bn', 'batchNormalization', { momentum: 0.9 }],
    ['q_lrelu', ...lrelu(0.1)],
    ['q_cat', 'dense', { units: 10 }],
    '|',
    ['q_cont', 'dense', { units: 2 }, 'q_lrelu', 12],
    '|',
    ['q_head', 'qCodesHead', {}, { categorical: 'q_cat', continuous: 'q_cont' }, 13],
  ],
  { infoLambda: 0.2, generator: adam(2e-3), discriminator: adam(1e-3) },
);

T['acgan-mnist'] = project(
  'AC-GAN (MNIST)',
  "AC-GAN (Odena et al. 2017) in DCGAN form: G draws the digit it is asked for (noise joined with the one-hot label), and D, which does not see the label, both judges real or fake and names the digit with a 10-way class head; both are rewarded when the class head names the right digit. The body is the small DCGAN template's (dcgan-mnist-small: batch 32, G 1e-3, D 5e-4) with a 256-unit layer in D that both heads read. tfjs-examples' larger mnist-acgan is the 'AC-GAN, tfjs-examples' template. Measured in docs/quality.md.",
  [...noiseAndLabel(), ...smallGenerator()],
  [
    ['d_input', 'realData', {}, null],
    ...smallDiscriminatorTrunk(),
    ['d_fc', 'dense', { units: 256 }],
    ['d_lrelu3', ...lrelu()],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
    '|',
    ['d_class', 'dense', { units: 10 }, 'd_lrelu3', 8],
    ['d_class_head', 'auxClassHead', { output: 'logits' }],
  ],
  { batchSize: 32, generator: adam(1e-3), discriminator: adam(5e-4) },
);

T['acgan-tfjs-examples'] = project(
  'AC-GAN, tfjs-examples (MNIST)',
  "The architecture of tfjs-examples' mnist-acgan, as it wrote it: latent 100 multiplied by a 10-class embedding, Dense 3×3×384 and three transposed convolutions; D of four convolutions with LeakyReLU 0.2 and dropout, a sigmoid real/fake head and a 10-way softmax class head; soft real label 0.95. More than ten times the AC-GAN template's work per step (11 minutes per 1,000 steps in PyTorch on one thread, against under a minute); it follows the label on about 1 sample in 2 at step 1,000 (docs/quality.md).",
  [
    ['z', 'latentNoise', { size: 100, distribution: 'uniform' }, null],
    '|',
    ['label', 'classLabel', { classes: 10, encoding: 'index' }, null],
    ['g_embed', 'embedding', { inputDim: 10, outputDim: 100 }],
    ['g_embed_flat', 'flatten'],
    '|',
    ['g_mul', 'multiply', {}, ['z', 'g_embed_flat'], 3],
    ['g_dense', 'dense', { units: 3 * 3 * 384, activation: 'relu' }],
    ['g_reshape', 'reshape', { targetShape: [3, 3, 384] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 192, kernelSize: 5, strides: 1, padding: 'valid', activation: 'relu' }],
    ['g_bn1', 'batchNormalization'],
    ['g_deconv2', 'conv2dTranspose', { filters: 96, kernelSize: 5, strides: 2, activation: 'relu' }],
    ['g_bn2', 'batchNormalization'],
    ['g_deconv3', 'conv2dTranspose', { filters: 1, kernelSize: 5, strides: 2, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 32, kernelSize: 3, strides: 2 }],
    ['d_lrelu1', ...lrelu()],
    ['d_drop1', 'dropout', { rate: 0.3 }],
    ['d_conv2', 'conv2d', { filters: 64, kernelSize: 3, strides: 1 }],
    ['d_lrelu2', ...lrelu()],
    ['d_drop2', 'dropout', { rate: 0.3 }],
    ['d_conv3', 'conv2d', { filters: 128, kernelSize: 3, strides: 2 }],
    ['d_lrelu3', ...lrelu()],
    ['d_drop3', 'dropout', { rate: 0.3 }],
    ['d_conv4', 'conv2d', { filters: 256, kernelSize: 3, strides: 1 }],
    ['d_lrelu4', ...lrelu()],
    ['d_drop4', 'dropout', { rate: 0.3 }],
    ['d_flatten', 'flatten'],
    ['d_realfake', 'dense', { units: 1, activation: 'sigmoid' }],
    ['d_head', 'realFakeHead', { output: 'sigmoid' }],
    '|',
    ['d_class', 'dense', { units: 10, activation: 'softmax' }, 'd_flatten', 13],
    ['d_class_head', 'auxClassHead', { output: 'softmax' }],
  ],
  { realLabel: 0.95, generator: adam(2e-4), discriminator: adam(2e-4) },
);

T['vanilla-gan-mnist'] = project(
  'Vanilla GAN (MNIST)',
  'The classic first GAN (Goodfellow et al. 2014) in its simplest form: one-hidden-layer MLPs for G and D. Quick to train anywhere, and a good place to watch D and G play their game.',
  [
    ['z', 'latentNoise', { size: 100, distribution: 'uniform' }, null],
    ['g_hidden', 'dense', { units: 128, activation: 'relu' }],
    ['g_pixels', 'dense', { units: 784, activation: 'tanh' }],
    ['g_reshape', 'reshape', { targetShape: [28, 28, 1] }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_flatten', 'flatten'],
    ['d_hidden', 'dense', { units: 128 }],
    ['d_lrelu', ...lrelu()],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead'],
  ],
  { generator: adam(2e-4), discriminator: adam(2e-4) },
);

T['cgan-mnist'] = project(
  'Conditional GAN (MNIST)',
  "A conditional GAN (Mirza & Osindero 2014) in DCGAN form: G draws the digit it is asked for, and D judges image and label together, so you choose the class when sampling. As in the paper both networks take the label as an input: G reads noise joined with the one-hot label; D reads the image with the label as a second channel (a learned 28×28 map), so its convolutions see the label from the first layer (Radford et al.'s MNIST code joins it to every layer as constant maps). The body is the small DCGAN template's (dcgan-mnist-small: batch 32, G 1e-3, D 5e-4) plus a 256-unit layer in D. The paper's all-dense networks, and a D that met the label only after its convolutions, followed the label on about 1 sample in 10 at step 1,000; this one on about 85 in 100 (docs/quality.md).",
  [...noiseAndLabel(), ...smallGenerator()],
  [
    ['d_input', 'realData', {}, null],
    '|',
    ['d_label', 'classLabel', { classes: 10, encoding: 'onehot' }, null],
    ['d_label_map', 'dense', { units: 28 * 28 }],
    ['d_label_image', 'reshape', { targetShape: [28, 28, 1] }],
    '|',
    ['d_join', 'concatenate', {}, ['d_input', 'd_label_image'], 3],
    ...smallDiscriminatorTrunk(),
    ['d_fc', 'dense', { units: 256 }],
    ['d_lrelu3', ...lrelu()],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { batchSize: 32, generator: adam(1e-3), discriminator: adam(5e-4) },
);

T['cgan-mlp-mnist'] = project(
  'Conditional GAN, MLPs (MNIST)',
  "A conditional GAN as Mirza & Osindero (2014) wrote it, with all-dense networks: G reads noise joined with the one-hot label, D the flattened image joined with it; LeakyReLU, dropout in D. Kept for its simplicity: at step 1,000 it follows the label on about 1 sample in 10 (docs/quality.md); the 'Conditional GAN' template learns the label within minutes.",
  [
    ...noiseAndLabel(),
    ['g_fc1', 'dense', { units: 256 }],
    ['g_lrelu1', ...lrelu()],
    ['g_fc2', 'dense', { units: 512 }],
    ['g_bn2', 'batchNormalization'],
    ['g_lrelu2', ...lrelu()],
    ['g_pixels', 'dense', { units: 784, activation: 'tanh' }],
    ['g_reshape', 'reshape', { targetShape: [28, 28, 1] }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_flatten', 'flatten'],
    '|',
    ['d_label', 'classLabel', { classes: 10, encoding: 'onehot' }, null],
    '|',
    ['d_concat', 'concatenate', {}, ['d_flatten', 'd_label'], 2],
    ['d_fc1', 'dense', { units: 512 }],
    ['d_lrelu1', ...lrelu()],
    ['d_drop1', 'dropout', { rate: 0.3 }],
    ['d_fc2', 'dense', { units: 256 }],
    ['d_lrelu2', ...lrelu()],
    ['d_drop2', 'dropout', { rate: 0.3 }],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead'],
  ],
  { generator: adam(2e-4), discriminator: adam(2e-4) },
);

T['wgan-gp-mnist'] = project(
  'WGAN-GP (MNIST)',
  'Wasserstein GAN with gradient penalty (Gulrajani et al. 2017): a critic without batch norm scores samples, 5 critic steps per generator step, penalty weight 10, Adam 1e-4 with β = (0.5, 0.9).',
  [
    ['z', 'latentNoise', { size: 128, distribution: 'normal' }, null],
    ['g_dense', 'dense', { units: 7 * 7 * 64 }],
    ['g_bn1', 'batchNormalization'],
    ['g_relu1', 'activation', { fn: 'relu' }],
    ['g_reshape', 'reshape', { targetShape: [7, 7, 64] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 32, kernelSize: 4, strides: 2 }],
    ['g_bn2', 'batchNormalization'],
    ['g_relu2', 'activation', { fn: 'relu' }],
    ['g_deconv2', 'conv2dTranspose', { filters: 1, kernelSize: 4, strides: 2, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 32, kernelSize: 4, strides: 2 }],
    ['d_lrelu1', ...lrelu()],
    ['d_conv2', 'conv2d', { filters: 64, kernelSize: 4, strides: 2 }],
    ['d_lrelu2', ...lrelu()],
    ['d_flatten', 'flatten'],
    ['d_score', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { loss: 'wgan-gp', dSteps: 5, generator: adam(1e-4, 0.5, 0.9), discriminator: adam(1e-4, 0.5, 0.9) },
);

T['lsgan-mnist'] = project(
  'LSGAN (MNIST)',
  'Least-squares GAN (Mao et al. 2017): D regresses real to 1 and fake to 0, which keeps gradients alive for samples far from the data. A DCGAN-style pair.',
  [
    ['z', 'latentNoise', { size: 100, distribution: 'normal' }, null],
    ['g_dense', 'dense', { units: 7 * 7 * 128, useBias: false }],
    ['g_bn1', 'batchNormalization'],
    ['g_relu1', 'activation', { fn: 'relu' }],
    ['g_reshape', 'reshape', { targetShape: [7, 7, 128] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 64, kernelSize: 5, strides: 2, useBias: false }],
    ['g_bn2', 'batchNormalization'],
    ['g_relu2', 'activation', { fn: 'relu' }],
    ['g_deconv2', 'conv2dTranspose', { filters: 1, kernelSize: 5, strides: 2, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 64, kernelSize: 5, strides: 2 }],
    ['d_lrelu1', ...lrelu()],
    ['d_conv2', 'conv2d', { filters: 128, kernelSize: 5, strides: 2 }],
    ['d_bn2', 'batchNormalization'],
    ['d_lrelu2', ...lrelu()],
    ['d_flatten', 'flatten'],
    ['d_score', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { loss: 'lsgan', generator: adam(2e-4), discriminator: adam(2e-4) },
);

T['gan-2d-ring'] = project(
  '2-D ring of 8 Gaussians',
  "The mode-collapse test bed of the unrolled-GAN and VEEGAN papers: small MLPs learn a ring of 8 Gaussians. Trains in seconds, and you can watch whether G covers every mode. Adam 2e-3 with β2 0.99 (a shorter memory of gradient sizes than Adam's usual 0.999) finds the modes within about 1,000 steps, and samples come from G's weights averaged over the steps (G weight averaging 0.99), which removes the jitter of Adam's steps around the modes: about 90-94% of samples land on a mode by step 3,000 (docs/quality.md).",
  [
    ['z', 'latentNoise', { size: 16, distribution: 'normal' }, null],
    ['g_fc1', 'dense', { units: 128, activation: 'relu' }],
    ['g_fc2', 'dense', { units: 128, activation: 'relu' }],
    ['g_xy', 'dense', { units: 2 }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_fc1', 'dense', { units: 128, activation: 'relu' }],
    ['d_fc2', 'dense', { units: 128, activation: 'relu' }],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead'],
  ],
  { batchSize: 256, gAverage: 0.99, generator: adam(2e-3, 0.5, 0.99), discriminator: adam(2e-3, 0.5, 0.99) },
  { kind: 'ring8', scale: 'tanh' },
);

const check = process.argv.includes('--check');
if (!check) mkdirSync(join(root, 'templates'), { recursive: true });
const stale = [];
/** Writes one template file, or with --check notes it when the file on disk differs. */
function emit(name, p) {
  const file = join(root, 'templates', `${name}.json`);
  const text = `${JSON.stringify(p, null, 2)}\n`;
  if (!check) writeFileSync(file, text);
  else if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(`templates/${name}.json`);
}
for (const [name, p] of Object.entries(T)) emit(name, p);
if (!check) console.log(`wrote ${Object.keys(T).length} templates`);

// --- Colour templates (issue 14), on the generated sprites; written after the others. ---
const C = {};

C['dcgan-sprites64'] = project(
  'DCGAN 64×64 RGB (Radford et al.)',
  'The DCGAN of Radford, Metz and Chintala (2016) for 64×64 colour images: G projects z (100, uniform) to 4×4×1024 and doubles the size four times with 5×5 fractionally-strided convolutions (1024 → 512 → 256 → 128 → 3) with batch norm and ReLU, tanh at the end; D mirrors it with strided convolutions and LeakyReLU 0.2, no batch norm on its first layer. Adam 2e-4, β1 = 0.5. Trained on the generated colour sprites; big (G 19 million parameters): slow without a GPU.',
  [
    ['z', 'latentNoise', { size: 100, distribution: 'uniform' }, null],
    ['g_project', 'dense', { units: 4 * 4 * 1024, useBias: false }],
    ['g_bn0', 'batchNormalization'],
    ['g_relu0', 'activation', { fn: 'relu' }],
    ['g_reshape', 'reshape', { targetShape: [4, 4, 1024] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 512, kernelSize: 5, strides: 2, useBias: false }],
    ['g_bn1', 'batchNormalization'],
    ['g_relu1', 'activation', { fn: 'relu' }],
    ['g_deconv2', 'conv2dTranspose', { filters: 256, kernelSize: 5, strides: 2, useBias: false }],
    ['g_bn2', 'batchNormalization'],
    ['g_relu2', 'activation', { fn: 'relu' }],
    ['g_deconv3', 'conv2dTranspose', { filters: 128, kernelSize: 5, strides: 2, useBias: false }],
    ['g_bn3', 'batchNormalization'],
    ['g_relu3', 'activation', { fn: 'relu' }],
    ['g_deconv4', 'conv2dTranspose', { filters: 3, kernelSize: 5, strides: 2, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 64, kernelSize: 5, strides: 2 }],
    ['d_lrelu1', ...lrelu()],
    ['d_conv2', 'conv2d', { filters: 128, kernelSize: 5, strides: 2, useBias: false }],
    ['d_bn2', 'batchNormalization'],
    ['d_lrelu2', ...lrelu()],
    ['d_conv3', 'conv2d', { filters: 256, kernelSize: 5, strides: 2, useBias: false }],
    ['d_bn3', 'batchNormalization'],
    ['d_lrelu3', ...lrelu()],
    ['d_conv4', 'conv2d', { filters: 512, kernelSize: 5, strides: 2, useBias: false }],
    ['d_bn4', 'batchNormalization'],
    ['d_lrelu4', ...lrelu()],
    ['d_flatten', 'flatten'],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { batchSize: 32, generator: adam(2e-4), discriminator: adam(2e-4) },
  { kind: 'sprites64', scale: 'tanh' },
);

C['dcgan-sprites32'] = project(
  'DCGAN 32×32 RGB (small)',
  'A smaller DCGAN for 32×32 colour images, built the same way: G projects z (100) to 4×4×256 and doubles the size three times with 4×4 transposed convolutions (256 → 128 → 64 → 3), batch norm and ReLU, tanh at the end; D: three strided 4×4 convolutions (64, 128, 256) with LeakyReLU 0.2 and batch norm after the first. Adam 2e-4, β1 = 0.5. G 1.1 million, D 0.7 million parameters; trained on the generated colour sprites.',
  [
    ['z', 'latentNoise', { size: 100, distribution: 'normal' }, null],
    ['g_project', 'dense', { units: 4 * 4 * 256, useBias: false }],
    ['g_bn0', 'batchNormalization'],
    ['g_relu0', 'activation', { fn: 'relu' }],
    ['g_reshape', 'reshape', { targetShape: [4, 4, 256] }],
    ['g_deconv1', 'conv2dTranspose', { filters: 128, kernelSize: 4, strides: 2, useBias: false }],
    ['g_bn1', 'batchNormalization'],
    ['g_relu1', 'activation', { fn: 'relu' }],
    ['g_deconv2', 'conv2dTranspose', { filters: 64, kernelSize: 4, strides: 2, useBias: false }],
    ['g_bn2', 'batchNormalization'],
    ['g_relu2', 'activation', { fn: 'relu' }],
    ['g_deconv3', 'conv2dTranspose', { filters: 3, kernelSize: 4, strides: 2, activation: 'tanh' }],
    ['g_out', 'generatorOutput'],
  ],
  [
    ['d_input', 'realData', {}, null],
    ['d_conv1', 'conv2d', { filters: 64, kernelSize: 4, strides: 2 }],
    ['d_lrelu1', ...lrelu()],
    ['d_conv2', 'conv2d', { filters: 128, kernelSize: 4, strides: 2, useBias: false }],
    ['d_bn2', 'batchNormalization'],
    ['d_lrelu2', ...lrelu()],
    ['d_conv3', 'conv2d', { filters: 256, kernelSize: 4, strides: 2, useBias: false }],
    ['d_bn3', 'batchNormalization'],
    ['d_lrelu3', ...lrelu()],
    ['d_flatten', 'flatten'],
    ['d_logit', 'dense', { units: 1 }],
    ['d_head', 'realFakeHead', { output: 'logit' }],
  ],
  { batchSize: 64, generator: adam(2e-4), discriminator: adam(2e-4) },
  { kind: 'sprites32', scale: 'tanh' },
);

for (const [name, p] of Object.entries(C)) emit(name, p);
if (check) {
  if (stale.length) {
    console.error(
      `${stale.join(', ')}: not what scripts/make-templates.mjs writes; edit the script and run npm run templates`,
    );
    process.exit(1);
  }
  console.log(`${Object.keys(T).length + Object.keys(C).length} templates match scripts/make-templates.mjs`);
} else console.log(`wrote ${Object.keys(C).length} colour templates`);
