/**
 * Conditional GANs (a class label into G: cgan, acgan): G ignores its label. On the bundled MNIST the
 * reference classifier reads G's fixed batch, whose asked-for labels cycle 0..9 (core/quality/classAgreement):
 * when it agrees with the asked-for class on few samples, G draws the same kinds of digit whatever it is
 * asked — the sample grid's per-class rows look alike, and choosing the class when sampling does nothing.
 */
import { lastingRun, type DoctorContext, type Finding } from './finding';

export const LABEL_THRESHOLDS = {
  /**
   * Agreement below `agreement` at `run` measurements in a row spanning at least `span` steps, from step
   * `after` on; critical below `critical` (chance is 10% for 10 balanced classes). Calibrated in
   * docs/doctor-calibration.md on the benchmark's runs (wasm, seeds 1-3, every 100 steps): the MLP CGAN
   * (cgan-mlp-mnist), whose G ignores its label, agrees on 9-16% at every measurement up to step 1,000; the
   * working cgan-mnist on 23-27% at step 500 and 34-44% at 600 (so below 0.3 for under 200 steps after
   * `after`), 81-84% at 1,000; acgan-mnist on ≥ 58% from step 300.
   */
  agreement: 0.3,
  critical: 0.15,
  after: 500,
  run: 2,
  span: 200,
} as const;

export interface LabelPoint {
  step: number;
  agreement: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function diagnoseLabels(points: readonly LabelPoint[], ctx: DoctorContext): Finding[] {
  const T = LABEL_THRESHOLDS;
  const late = points.filter((p) => p.step >= T.after);
  const low = lastingRun(late, (p) => p.agreement < T.agreement, T.run, T.span);
  if (!low) return [];
  const last = late[late.length - 1];
  return [
    {
      id: 'labelIgnored',
      severity: last.agreement < T.critical ? 'critical' : 'warning',
      since: late[low.start].step,
      nodes: [
        ...(ctx.generatorLabel ? [ctx.generatorLabel] : []),
        ...(ctx.generatorOutput ? [ctx.generatorOutput] : []),
      ],
      title: 'The generator ignores its class label',
      explanation:
        `Asked for each digit in turn, G draws the asked-for one only ${pct(last.agreement)} of the time (the reference classifier ` +
        'reads its samples; 10% is chance): it draws much the same digits whatever the label says, so the sample rows per class look alike.',
      suggestion:
        "Make the label matter more to G: feed it in later layers too, or through an embedding multiplied with the latent; raise D's " +
        'use of labels (an auxiliary class head, AC-GAN) or its learning rate, or train longer.',
    },
  ];
}
