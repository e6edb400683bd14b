/**
 * Mode collapse on labelled image data (the bundled MNIST): the reference classifier
 * (core/quality/classifier.ts) labels G's samples every so often, and `coverage` counts the classes
 * that get at least 2% of them. Real digits cover 10 of 10.
 */
import { trailingRun, type DoctorContext, type Finding } from './finding';

export const CLASS_THRESHOLDS = {
  /**
   * Fewer than `share` of the classes covered at `run` measurements in a row from step `after` on.
   * Measured: a vanilla GAN on MNIST that collapsed (its samples mostly 9s and 3s) covered 1–2 of 10
   * classes at every measurement from step 500 to 3,000 (`npm run train -- templates/vanilla-gan-mnist.json
   * --metrics`); real digits cover 10. A working DCGAN run long enough to reach 5+ classes was not
   * measured on this 2-core machine, so `after` leaves G its first 1,000 steps to spread out.
   */
  share: 0.5,
  after: 1000,
  run: 2,
} as const;

export interface ClassPoint { step: number; coverage: number; classes: number }

export function diagnoseClasses(points: readonly ClassPoint[], ctx: DoctorContext): Finding[] {
  const T = CLASS_THRESHOLDS;
  const late = points.filter((p) => p.step >= T.after);
  const few = trailingRun(late.map((p) => p.coverage < T.share * p.classes));
  if (few.length < T.run) return [];
  const last = late[late.length - 1];
  return [{
    id: 'poorCoverage', severity: last.coverage <= 2 ? 'critical' : 'warning', since: late[few.start].step,
    nodes: ctx.generatorOutput ? [ctx.generatorOutput] : [],
    title: 'The generator makes only a few kinds of digit (mode collapse)',
    explanation: `The reference classifier finds only ${last.coverage} of ${last.classes} classes among G's samples: `
      + 'G has settled on a few outputs that fool D.',
    suggestion: "Lower G's learning rate or raise D's, give G a larger latent input, try a Wasserstein (WGAN-GP) or hinge loss, "
      + "or add noise to D's input.",
  }];
}
