/**
 * Mode collapse on image data, labelled or not, from G's pixel diversity (core/quality/imageDiversity):
 * a fixed batch of G's images whose spread (mean distance between pairs) or whose nearest-neighbour
 * distances fall well below real images'. The bundled MNIST also has the reference classifier's class
 * coverage (classes.ts); this rule is what an imported, unlabelled image set gets too.
 */
import { lastingRun, type DoctorContext, type Finding } from './finding';

export const IMAGE_DIVERSITY_THRESHOLDS = {
  /**
   * Low: spread below `spread` or neighbours below `neighbours`, at `run` measurements in a row spanning
   * at least `span` steps, from step `after` on; critical below `spreadCritical` / `neighboursCritical`. Measured on MNIST (wasm, seed 42,
   * 256 images, 4×4 pooling; see docs/doctor-calibration.md): the vanilla-GAN template's G draws one
   * grey blob for every z at steps 500–1000 (spread 0.13–0.14, neighbours 0.16–0.17), then spreads out
   * (spread 0.31 → 0.60, neighbours 0.20 → 0.39 by step 3,000, 1 → 4 classes); with a 1-number latent it
   * draws two shapes for ever (neighbours 0.002–0.005 up to step 3,000, spread 0.10 → 0.44: two distant
   * shapes keep the spread up, which is why neighbours are measured too). The TF-tutorial DCGAN (then the
   * DCGAN template), which works, passes through nearly black images once (spread 0.14, neighbours 0.08 at
   * step 500, fine at 400 and 600): `span` keeps such a moment, however often the app measures it, from counting.
   */
  spread: 0.25,
  spreadCritical: 0.15,
  neighbours: 0.05,
  neighboursCritical: 0.01,
  after: 500,
  run: 2,
  span: 200,
} as const;

export interface ImageDiversityPoint {
  step: number;
  spread: number;
  neighbours: number;
}

const pct = (x: number) => `${x < 0.1 ? (x * 100).toFixed(1) : Math.round(x * 100)}%`;

export function diagnoseImageDiversity(points: readonly ImageDiversityPoint[], ctx: DoctorContext): Finding[] {
  const T = IMAGE_DIVERSITY_THRESHOLDS;
  const late = points.filter((p) => p.step >= T.after);
  const low = lastingRun(late, (p) => p.spread < T.spread || p.neighbours < T.neighbours, T.run, T.span);
  if (!low) return [];
  const last = late[late.length - 1];
  const copies = last.neighbours < T.neighbours;
  return [
    {
      id: 'lowDiversity',
      severity: last.spread < T.spreadCritical || last.neighbours < T.neighboursCritical ? 'critical' : 'warning',
      since: late[low.start].step,
      nodes: ctx.generatorOutput ? [ctx.generatorOutput] : [],
      title: "The generator's images all look alike (mode collapse)",
      explanation: copies
        ? `G's images come in near-copies: in a fixed batch, the distance from each image to its nearest other one is only ${pct(last.neighbours)} ` +
          'of what it is among real images. It draws a few pictures over and over, whatever the latent input.'
        : `G's images differ from each other only ${pct(last.spread)} as much as real images do (mean pixel distance between pairs of ` +
          'a fixed batch): it draws nearly the same picture whatever the latent input.',
      suggestion:
        "Lower G's learning rate or raise D's, give G a larger latent input, add noise or dropout to D's input, " +
        'or try a Wasserstein (WGAN-GP) or hinge loss.',
    },
  ];
}
