/**
 * The training half of the exported module: input sampling, the chosen losses and `trainStep`, the
 * same algorithm as core/train/step.ts, specialised to one plan so it reads like hand-written code.
 */
import { getBlock } from '../blocks';
import type { GanPlan, PlanOutput } from '../compile/plan';
import { substitute, type ModuleNames } from './names';

export function emitSampling(plan: GanPlan, names: ModuleNames): string {
  const lines = [
    '/** Draws the generator\'s inputs for a batch (and what the Q head must recover). */',
    'export function sampleGeneratorInputs(batch: number, labels?: tf.Tensor, seed?: number): GeneratorFeed {',
    '  const s = (i: number) => (seed === undefined ? undefined : seed + i);',
  ];
  if (plan.usesLabels) lines.push(`  labels = labels ?? tf.randomUniform([batch], 0, NUM_CLASSES, 'int32', s(97));`);
  const cat: string[] = [], cont: string[] = [];
  plan.generator.inputs.forEach((input, i) => {
    const v = names.of(input.id), t = names.of(input.id, 'target');
    const e = getBlock(input.type).emitSample!(input.params);
    const value = substitute(substitute(e.value, 'seed', `s(${i})`), 'target', t);
    const target = e.target && substitute(substitute(e.target, 'seed', `s(${i})`), 'value', v);
    if (target && target !== v && !e.target!.includes('value')) lines.push(`  const ${t} = ${target};`);
    lines.push(`  const ${v} = ${value};`);
    if (input.role === 'categoricalCode') cat.push(t);
    if (input.role === 'continuousCode') cont.push(v);
  });
  const continuous = cont.length === 0 ? '' : cont.length === 1 ? `, continuous: ${cont[0]}` : `, continuous: tf.concat([${cont.join(', ')}], 1)`;
  lines.push(`  return { values: [${plan.generator.inputs.map((i) => names.of(i.id)).join(', ')}], labels, categorical: [${cat.join(', ')}]${continuous} };`);
  lines.push('}');
  lines.push('');
  lines.push('/** D\'s inputs for a batch of images: the images, then each label input fed the batch\'s labels. */');
  lines.push('function discriminatorInputs(images: tf.Tensor, labels?: tf.Tensor): tf.Tensor[] {');
  lines.push('  const batch = images.shape[0]!;');
  lines.push(`  return [${plan.discriminator.inputs.map((input) => (input.role === 'data' ? 'images'
    : substitute(getBlock(input.type).emitSample!(input.params).value, 'labels', 'labels!'))).join(', ')}];`);
  lines.push('}');
  return lines.join('\n');
}

const LOSS_D: Record<string, string> = {
  nsgan: 'tf.add(sigmoidCE(real, TRAINING.realLabel), sigmoidCE(fake, 0))',
  minimax: 'tf.add(sigmoidCE(real, TRAINING.realLabel), sigmoidCE(fake, 0))',
  lsgan: 'tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, TRAINING.realLabel))), tf.mean(tf.square(fake))))',
  'wgan-gp': 'tf.sub(tf.mean(fake), tf.mean(real))',
  hinge: 'tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake))))',
};
const LOSS_G: Record<string, string> = {
  nsgan: 'sigmoidCE(fake, 1)',
  minimax: 'tf.neg(sigmoidCE(fake, 0))',
  lsgan: 'tf.mul(0.5, tf.mean(tf.square(tf.sub(fake, 1))))',
  'wgan-gp': 'tf.neg(tf.mean(fake))',
  hinge: 'tf.neg(tf.mean(fake))',
};

export function emitLosses(plan: GanPlan): string {
  const outs = plan.discriminator.outputs;
  const idx = (role: PlanOutput['role']) => outs.findIndex((o) => o.role === role);
  const rf = outs[idx('realFake')];
  const L: string[] = [];
  const loss = plan.training.loss;
  if (loss === 'nsgan' || loss === 'minimax') {
    L.push('/** Mean binary cross-entropy of logits against a constant target, computed stably. */',
      'function sigmoidCE(logits: tf.Tensor, target: number): tf.Tensor {',
      '  return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));', '}', '');
  }
  if (idx('auxClass') >= 0 || idx('qCategorical') >= 0) {
    L.push('/** Mean softmax cross-entropy of class scores (logits, or probabilities when `probs`) against integer labels. */',
      'function softmaxCE(scores: tf.Tensor, labels: tf.Tensor, probs = false): tf.Tensor {',
      '  const k = scores.shape[scores.shape.length - 1]!;',
      '  const logp = probs ? tf.log(tf.clipByValue(scores, 1e-7, 1)) : tf.logSoftmax(scores);',
      "  return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.cast(labels, 'int32'), k), logp), -1)));", '}', '');
  }
  const toLogits = rf.activation === 'sigmoid'
    ? 'const p = tf.clipByValue(outs[0], 1e-7, 1 - 1e-7);\n  return tf.sub(tf.log(p), tf.log(tf.sub(1, p)));'
    : 'return outs[0];';
  L.push(`/** D's real/fake score as a logit${rf.activation === 'sigmoid' ? ' (its head outputs a probability)' : ''}. */`,
    `function realFakeLogit(outs: tf.Tensor[]): tf.Tensor {\n  ${toLogits}\n}`, '');
  if (loss === 'wgan-gp') {
    L.push("/** WGAN-GP's penalty: (||dD(x̂)/dx̂|| - 1)² on random points between real and fake samples. */",
      'function gradientPenalty(critic: (x: tf.Tensor) => tf.Tensor, real: tf.Tensor, fake: tf.Tensor, seed?: number): tf.Tensor {',
      '  const eps = tf.randomUniform([real.shape[0]!, ...real.shape.slice(1).map(() => 1)], 0, 1, \'float32\', seed);',
      '  const xhat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));',
      '  const grad = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(xhat);',
      '  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), grad.shape.slice(1).map((_, i) => i + 1)), 1e-12));',
      '  return tf.mean(tf.square(tf.sub(norm, 1)));', '}', '');
  }
  L.push(`function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Tensor {\n  return ${LOSS_D[loss]};\n}`, '');
  L.push(`function generatorLoss(fake: tf.Tensor): tf.Tensor {\n  return ${LOSS_G[loss]};\n}`, '');
  const extra: string[] = [];
  if (idx('auxClass') >= 0) {
    extra.push(`/** AC-GAN: D's class head must name the class of real and fake samples. */`,
      `function auxLoss(outs: tf.Tensor[], labels: tf.Tensor): tf.Tensor {\n  return softmaxCE(outs[${idx('auxClass')}], labels, ${outs[idx('auxClass')].activation === 'softmax'});\n}`, '');
  }
  if (idx('qCategorical') >= 0 || idx('qContinuous') >= 0) {
    const terms: string[] = [];
    let offset = 0;
    plan.categoricalCodes.forEach((k, i) => {
      terms.push(`softmaxCE(tf.slice(outs[${idx('qCategorical')}], [0, ${offset}], [-1, ${k}]), feed.categorical[${i}])`);
      offset += k;
    });
    if (idx('qContinuous') >= 0) terms.push(`tf.mean(tf.square(tf.sub(outs[${idx('qContinuous')}], feed.continuous!)))`);
    extra.push("/** InfoGAN: Q must recover G's codes from its samples (cross-entropy; MSE for continuous codes). */",
      `function infoLoss(outs: tf.Tensor[], feed: GeneratorFeed): tf.Tensor {\n  return tf.mul(TRAINING.infoLambda, tf.addN([${terms.join(', ')}]));\n}`, '');
  }
  return [...L, ...extra].join('\n');
}
