/**
 * GanPlan -> one standalone, readable TypeScript module for @tensorflow/tfjs: buildGenerator(),
 * buildDiscriminator(), createGan(), trainStep() (the same GAN step as Ganvas's) and sample(n).
 * Deterministic: the same plan always gives the same text.
 */
import type { GanPlan } from '../compile/plan';
import { fmtCount } from '../compile/summary';
import { emitBuilder } from './emitModels';
import { emitLosses, emitSampling } from './emitTraining';
import { getLoss } from '../losses';
import { getOptimizer } from '../training/optimizers';
import { settingValue, TRAINING_SETTINGS } from '../training/settings';
import { ModuleNames } from './names';
import { blockCommentText, oneLine, shellWord, stringLiteral } from '../codeText';

const optimizer = (o: GanPlan['training']['generator']) => getOptimizer(o.type).typescript(o);

function emitStep(plan: GanPlan): string {
  const roles = new Set(plan.discriminator.outputs.map((o) => o.role));
  const aux = roles.has('auxClass'),
    info = roles.has('qCategorical') || roles.has('qContinuous');
  const labelsExpr = plan.usesLabels ? 'data.labels ? tf.gather(data.labels, idx) : undefined' : 'undefined';
  const d = [
    "    const idx = tf.randomUniform([b], 0, data.images.shape[0]!, 'int32', s + 131 * k);",
    '    const real = tf.gather(data.images, idx);',
    `    const realLabels = ${labelsExpr};`,
    '    const feed = sampleGeneratorInputs(b, undefined, s + 131 * k + 11);',
    "    // G runs outside D's tape: D's update needs no gradient through G.",
    '    const fake = gan.generator.apply(feed.values, { training: true }) as tf.Tensor;',
    '    const { value, grads } = tf.variableGrads(() => {',
    '      const outR = asArray(gan.discriminator.apply(discriminatorInputs(real, realLabels), { training: true }));',
    '      const outF = asArray(gan.discriminator.apply(discriminatorInputs(fake, feed.labels), { training: true }));',
    '      const terms = [discriminatorLoss(realFakeLogit(outR), realFakeLogit(outF))];',
  ];
  if (getLoss(plan.training.loss).gradientPenalty) {
    d.push(
      '      const critic = (x: tf.Tensor) => realFakeLogit(asArray(gan.discriminator.apply(discriminatorInputs(x, realLabels), { training: true })));',
      '      terms.push(tf.mul(TRAINING.gpWeight, gradientPenalty(critic, real, fake, s + 131 * k + 23)));',
    );
  }
  if (aux)
    d.push(
      '      terms.push(tf.mul(TRAINING.auxWeight, tf.add(auxLoss(outR, realLabels!), auxLoss(outF, feed.labels!))));',
    );
  if (info) d.push('      terms.push(infoLoss(outF, feed));');
  d.push(
    '      return tf.addN(terms) as tf.Scalar;',
    '    }, variablesOf(gan.discriminator));',
    '    gan.optD.applyGradients(grads);',
    '    dLoss = value;',
  );
  const g = [
    '  const feed = sampleGeneratorInputs(b, undefined, s + 997);',
    '  const { value: gLoss, grads } = tf.variableGrads(() => {',
    '    const fake = gan.generator.apply(feed.values, { training: true }) as tf.Tensor;',
    '    const outs = asArray(gan.discriminator.apply(discriminatorInputs(fake, feed.labels), { training: true }));',
    '    const terms = [generatorLoss(realFakeLogit(outs))];',
    ...(aux ? ['    terms.push(tf.mul(TRAINING.auxWeight, auxLoss(outs, feed.labels!)));'] : []),
    ...(info ? ['    terms.push(infoLoss(outs, feed));'] : []),
    '    return tf.addN(terms) as tf.Scalar;',
    '  }, variablesOf(gan.generator));',
    '  gan.optG.applyGradients(grads);',
    ...(plan.training.gAverage > 0
      ? ['  updateAverage(gan.average!, gan.generator, TRAINING.gAverage, feed.values);']
      : []),
  ];
  return [
    '/**',
    ' * One GAN step: D on a real batch and on a generated batch (TRAINING.dSteps times), then G through D',
    " * updating only G's variables. `data` is the whole dataset as tensors; batches are gathered by index.",
    ' * Returns the losses as scalars (dispose them, or read them with `await t.data()`).',
    ' */',
    'export function trainStep(gan: Gan, data: { images: tf.Tensor; labels?: tf.Tensor }, step = 0): { dLoss: tf.Scalar; gLoss: tf.Scalar } {',
    '  const b = TRAINING.batchSize;',
    '  const s = TRAINING.seed * 7919 + step * 1009;',
    '  return tf.tidy(() => {',
    '  let dLoss = tf.scalar(0);',
    '  for (let k = 0; k < TRAINING.dSteps; k++) {',
    ...d,
    '  }',
    ...g,
    '  return { dLoss, gLoss };',
    '  });',
    '}',
  ].join('\n');
}

/**
 * The module's text. `name` and `description` are the user's words: they appear only as escaped
 * comment text (text.ts), never as code; node ids become identifiers through ModuleNames.
 */
export function emitModule(plan: GanPlan, name: string, description = ''): string {
  const t = plan.training;
  const names = new ModuleNames();
  // The description keeps its lines (at most 40, each escaped as one line of comment text).
  const about =
    description.trim() === ''
      ? []
      : description
          .trim()
          .split(/\r\n|[\n\r\u2028\u2029]/)
          .slice(0, 40)
          .map((line) => blockCommentText(line, 2000))
          .map((line) => (line ? ` * ${line}` : ' *'));
  // Every setting that is not an optimizer's (those are in createGan), from the settings registry.
  const training = Object.fromEntries(
    TRAINING_SETTINGS.filter((s) => !s.path.includes('.')).map((s) => [s.path, settingValue(t, s.path)]),
  );
  const averaging = t.gAverage > 0;
  return [
    '/**',
    ` * ${blockCommentText(name)} — a GAN exported from Ganvas.`,
    ...about,
    ` * Generator: ${fmtCount(plan.generator.params)} params. Discriminator: ${fmtCount(plan.discriminator.params)} params.`,
    ' * Needs only @tensorflow/tfjs. Comments name each block as it appears on the Ganvas canvas.',
    ' */',
    "import * as tf from '@tensorflow/tfjs';",
    '',
    `/** Shape of one real sample (without the batch dimension). */`,
    `export const DATA_SHAPE = ${JSON.stringify(plan.data.shape).replace(/,/g, ', ')};`,
    `export const NUM_CLASSES = ${plan.data.numClasses};`,
    `export const TRAINING = { ${Object.entries(training)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? stringLiteral(v) : v}`)
      .join(', ')} } as const;`,
    '',
    emitBuilder(
      'buildGenerator',
      'generator',
      plan.generator,
      'The generator, layer by layer as on the canvas.',
      names,
    ),
    '',
    emitBuilder(
      'buildDiscriminator',
      'discriminator',
      plan.discriminator,
      'The discriminator; its outputs are its heads, in the order trainStep reads them.',
      names,
    ),
    '',
    "/** The generator's inputs for one batch, plus what InfoGAN's Q must recover. */",
    'export interface GeneratorFeed { values: tf.Tensor[]; labels?: tf.Tensor; categorical: tf.Tensor[]; continuous?: tf.Tensor }',
    '',
    emitSampling(plan, names),
    '',
    emitLosses(plan),
    '/** G and D with their optimizers; `average`: G with its weights averaged over the steps (TRAINING.gAverage > 0), what sample() draws from. */',
    'export interface Gan { generator: tf.LayersModel; discriminator: tf.LayersModel; optG: tf.Optimizer; optD: tf.Optimizer; average?: tf.LayersModel }',
    '',
    '/** Both networks and their optimizers, as configured in Ganvas. */',
    'export function createGan(): Gan {',
    '  const generator = buildGenerator();',
    ...(averaging
      ? [
          '  // G weight averaging starts from G: same weights (BatchNorm statistics included).',
          '  const average = buildGenerator();',
          '  average.setWeights(generator.getWeights());',
        ]
      : []),
    '  return {',
    '    generator, discriminator: buildDiscriminator(),',
    `    optG: ${optimizer(t.generator)}, optD: ${optimizer(t.discriminator)},`,
    ...(averaging ? ['    average,'] : []),
    '  };',
    '}',
    '',
    ...(averaging
      ? [
          "/** One step of G's weight average: trainable weights move 1 − decay of the way to G's; a pass in training mode on the step's latents moves its own BatchNorm statistics. */",
          'export function updateAverage(average: tf.LayersModel, generator: tf.LayersModel, decay: number, latents: tf.Tensor[]): void {',
          '  tf.tidy(() => {',
          '    generator.weights.forEach((w, i) => {',
          '      const a = average.weights[i];',
          '      if (w.trainable) a.write(tf.add(a.read(), tf.mul(1 - decay, tf.sub(w.read(), a.read()))));',
          '    });',
          '    if (generator.weights.some((w) => !w.trainable)) average.apply(latents, { training: true });',
          '  });',
          '}',
          '',
        ]
      : []),
    'const asArray = (x: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[]): tf.Tensor[] => (Array.isArray(x) ? x : [x]) as tf.Tensor[];',
    'const variablesOf = (m: tf.LayersModel): tf.Variable[] => m.trainableWeights.map((w) => (w as unknown as { read(): tf.Variable }).read());',
    '',
    emitStep(plan),
    '',
    'let defaultGan: Gan | undefined;',
    '',
    `/** n samples from the generator${averaging ? ' (its averaged weights)' : ''} in inference mode, from a fresh GAN unless one is given. Dispose the result. */`,
    'export function sample(n: number, gan: Gan = (defaultGan ??= createGan()), seed?: number): tf.Tensor {',
    '  return tf.tidy(() => (gan.average ?? gan.generator).predict(sampleGeneratorInputs(n, undefined, seed).values) as tf.Tensor);',
    '}',
    '',
  ].join('\n');
}

/**
 * The package.json that goes with an exported module: JSON text (JSON.stringify escapes), an npm
 * package name made of [a-z0-9-] only, and the module's file name as one shell word in the script.
 */
export function emitPackageJson(moduleFile: string, name: string): string {
  const pkg = {
    name:
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 100)
        .replace(/-$/, '') || 'ganvas-export',
    private: true,
    type: 'module',
    description: `${oneLine(name)}, exported from Ganvas`,
    scripts: {
      typecheck: `tsc --strict --noEmit --target es2022 --module esnext --moduleResolution bundler --skipLibCheck ${shellWord(moduleFile)}`,
    },
    dependencies: { '@tensorflow/tfjs': '^4.22.0' },
    devDependencies: { typescript: '^5.9.0', tsx: '^4.20.0' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
