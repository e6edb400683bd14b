/**
 * The training half of the exported module: input sampling, the chosen losses and `trainStep`, the
 * same algorithm as core/train/step.ts, specialised to one plan so it reads like hand-written code.
 */
import { getBlock } from '../blocks';
import type { GanPlan, PlanOutput } from '../compile/plan';
import { getLoss, HELPER_TEXT, type HelperName } from '../losses';
import { substitute, type ModuleNames } from './names';

export function emitSampling(plan: GanPlan, names: ModuleNames): string {
  const lines = [
    "/** Draws the generator's inputs for a batch (and what the Q head must recover). */",
    'export function sampleGeneratorInputs(batch: number, labels?: tf.Tensor, seed?: number): GeneratorFeed {',
    '  const s = (i: number) => (seed === undefined ? undefined : seed + i);',
  ];
  if (plan.usesLabels) lines.push(`  labels = labels ?? tf.randomUniform([batch], 0, NUM_CLASSES, 'int32', s(97));`);
  const cat: string[] = [],
    cont: string[] = [];
  plan.generator.inputs.forEach((input, i) => {
    const v = names.of(input.id),
      t = names.of(input.id, 'target');
    const e = getBlock(input.type).emitSample!(input.params);
    const value = substitute(substitute(e.value, 'seed', `s(${i})`), 'target', t);
    const target = e.target && substitute(substitute(e.target, 'seed', `s(${i})`), 'value', v);
    if (target && target !== v && !e.target!.includes('value')) lines.push(`  const ${t} = ${target};`);
    lines.push(`  const ${v} = ${value};`);
    if (input.role === 'categoricalCode') cat.push(t);
    if (input.role === 'continuousCode') cont.push(v);
  });
  const continuous =
    cont.length === 0
      ? ''
      : cont.length === 1
        ? `, continuous: ${cont[0]}`
        : `, continuous: tf.concat([${cont.join(', ')}], 1)`;
  lines.push(
    `  return { values: [${plan.generator.inputs.map((i) => names.of(i.id)).join(', ')}], labels, categorical: [${cat.join(', ')}]${continuous} };`,
  );
  lines.push('}');
  lines.push('');
  lines.push("/** D's inputs for a batch of images: the images, then each label input fed the batch's labels. */");
  lines.push('function discriminatorInputs(images: tf.Tensor, labels?: tf.Tensor): tf.Tensor[] {');
  lines.push('  const batch = images.shape[0]!;');
  lines.push(
    `  return [${plan.discriminator.inputs
      .map((input) =>
        input.role === 'data'
          ? 'images'
          : substitute(getBlock(input.type).emitSample!(input.params).value, 'labels', 'labels!'),
      )
      .join(', ')}];`,
  );
  lines.push('}');
  return lines.join('\n');
}

export function emitLosses(plan: GanPlan): string {
  const outs = plan.discriminator.outputs;
  const idx = (role: PlanOutput['role']) => outs.findIndex((o) => o.role === role);
  const rf = outs[idx('realFake')];
  const L: string[] = [];
  const loss = getLoss(plan.training.loss);
  // The shared math this plan's loss and heads call, each emitted once.
  const helpers = new Set<HelperName>(loss.typescript.helpers);
  if (idx('auxClass') >= 0 || idx('qCategorical') >= 0) helpers.add('softmaxCE');
  if (loss.gradientPenalty) helpers.add('gradientPenalty');
  for (const h of Object.keys(HELPER_TEXT) as HelperName[]) if (helpers.has(h)) L.push(HELPER_TEXT[h].typescript, '');
  const toLogits =
    rf.activation === 'sigmoid'
      ? 'const p = tf.clipByValue(outs[0], 1e-7, 1 - 1e-7);\n  return tf.sub(tf.log(p), tf.log(tf.sub(1, p)));'
      : 'return outs[0];';
  L.push(
    `/** D's real/fake score as a logit${rf.activation === 'sigmoid' ? ' (its head outputs a probability)' : ''}. */`,
    `function realFakeLogit(outs: tf.Tensor[]): tf.Tensor {\n  ${toLogits}\n}`,
    '',
  );
  L.push(
    `/** D's loss (${loss.label}) from its logits on a real and a fake batch. */`,
    `export function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Tensor {\n  return ${loss.typescript.d};\n}`,
    '',
  );
  L.push(
    `/** G's loss (${loss.label}) from D's logits on G's samples. */`,
    `export function generatorLoss(fake: tf.Tensor): tf.Tensor {\n  return ${loss.typescript.g};\n}`,
    '',
  );
  const extra: string[] = [];
  if (idx('auxClass') >= 0) {
    extra.push(
      `/** AC-GAN: D's class head must name the class of real and fake samples. */`,
      `function auxLoss(outs: tf.Tensor[], labels: tf.Tensor): tf.Tensor {\n  return softmaxCE(outs[${idx('auxClass')}], labels, ${outs[idx('auxClass')].activation === 'softmax'});\n}`,
      '',
    );
  }
  if (idx('qCategorical') >= 0 || idx('qContinuous') >= 0) {
    const terms: string[] = [];
    let offset = 0;
    plan.categoricalCodes.forEach((k, i) => {
      terms.push(
        `softmaxCE(tf.slice(outs[${idx('qCategorical')}], [0, ${offset}], [-1, ${k}]), feed.categorical[${i}])`,
      );
      offset += k;
    });
    if (idx('qContinuous') >= 0)
      terms.push(`tf.mean(tf.square(tf.sub(outs[${idx('qContinuous')}], feed.continuous!)))`);
    extra.push(
      "/** InfoGAN: Q must recover G's codes from its samples (cross-entropy; MSE for continuous codes). */",
      `function infoLoss(outs: tf.Tensor[], feed: GeneratorFeed): tf.Tensor {\n  return tf.mul(TRAINING.infoLambda, tf.addN([${terms.join(', ')}]));\n}`,
      '',
    );
  }
  return [...L, ...extra].join('\n');
}
