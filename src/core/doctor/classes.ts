/**
 * Mode collapse on labelled image data (the bundled MNIST): the reference classifier
 * (core/quality/classifier.ts) labels G's samples every so often, and `coverage` counts the classes
 * that get at least 2% of them. Real digits cover 10 of 10.
 */
import { lastingRun, type DoctorContext, type Finding } from './finding';

export const CLASS_THRESHOLDS = {
  /**
   * Fewer than `share` of the classes covered at `run` measurements in a row spanning at least `span` steps,
   * from step `after` on; critical at ≤ 2. Measured (256 samples, seed 42, wasm; docs/doctor-calibration.md):
   * the vanilla GAN with a 1-number latent covers 1–2 of 10 classes at every measurement up to step 2,000; as
   * it is, 1–2 up to 2,000 and 4 at 3,000 (slowly spreading out from one grey blob); the working runs reach 5+
   * before step 1,000 — cgan-mlp-mnist 1, 2, 5, 6, 8 at steps 250–1,250, the TF-tutorial DCGAN 6–9 at every measurement
   * from step 600 to 1,400 (1 up to step 300, 5 and 4 at 400–500, one dip to 4 at 1,500). `after` leaves G its first 1,000 steps to spread out; real digits cover 10.
   */
  share: 0.5,
  after: 1000,
  run: 2,
  span: 200,
} as const;

export interface ClassPoint {
  step: number;
  coverage: number;
  classes: number;
}

export function diagnoseClasses(points: readonly ClassPoint[], ctx: DoctorContext): Finding[] {
  const T = CLASS_THRESHOLDS;
  const late = points.filter((p) => p.step >= T.after);
  const few = lastingRun(late, (p) => p.coverage < T.share * p.classes, T.run, T.span);
  if (!few) return [];
  const last = late[late.length - 1];
  return [
    {
      id: 'poorCoverage',
      severity: last.coverage <= 2 ? 'critical' : 'warning',
      since: late[few.start].step,
      nodes: ctx.generatorOutput ? [ctx.generatorOutput] : [],
      title: 'The generator makes only a few kinds of digit (mode collapse)',
      explanation:
        `The reference classifier finds only ${last.coverage} of ${last.classes} classes among G's samples: ` +
        'G has settled on a few outputs that fool D.',
      suggestion:
        "Lower G's learning rate or raise D's, give G a larger latent input, try a Wasserstein (WGAN-GP) or hinge loss, " +
        "or add noise to D's input.",
    },
  ];
}
