/**
 * Sample quality on 2-D toy data, as in the unrolled-GAN / VEEGAN literature:
 * - a sample is *high quality* when it lies within 3 standard deviations of its nearest mode;
 * - a mode is *covered* when at least 1% of all samples are high-quality samples of it (VEEGAN counts
 *   one sample as enough; 1% keeps a few stray points from counting as a captured mode);
 * - KL(real || fake) and Jensen-Shannon divergence between the two densities, estimated from
 *   histograms on a grid over the modes' extent (smoothed by a small constant so empty cells are finite).
 */
import type { Toy2d } from '../data/toy2d';

export interface Toy2dQuality {
  samples: number;
  modes: number;
  modesCovered: number;
  /** Share of samples within 3σ of a mode. */
  highQuality: number;
  kl: number;
  js: number;
}

export const COVER_SHARE = 0.01;

export function toy2dQuality(fake: Float32Array, real: Float32Array, dist: Toy2d, grid = 40): Toy2dQuality {
  const n = fake.length / 2;
  const perMode = new Array(dist.modes.length).fill(0);
  let good = 0;
  for (let i = 0; i < n; i++) {
    let best = 0,
      bestD = Infinity;
    dist.modes.forEach(([mx, my], m) => {
      const d = Math.hypot(fake[2 * i] - mx, fake[2 * i + 1] - my);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    });
    if (bestD <= 3 * dist.std) {
      good++;
      perMode[best]++;
    }
  }
  const extent = Math.max(...dist.modes.flat().map(Math.abs)) + 1;
  const hist = (pts: Float32Array) => {
    const h = new Float64Array(grid * grid).fill(1e-6);
    for (let i = 0; i + 1 < pts.length; i += 2) {
      const x = Math.floor(((pts[i] + extent) / (2 * extent)) * grid),
        y = Math.floor(((pts[i + 1] + extent) / (2 * extent)) * grid);
      if (x >= 0 && y >= 0 && x < grid && y < grid) h[y * grid + x] += 1;
    }
    const total = h.reduce((a, b) => a + b, 0);
    return h.map((v) => v / total);
  };
  const p = hist(real),
    q = hist(fake);
  let kl = 0,
    js = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    kl += p[i] * Math.log(p[i] / q[i]);
    js += 0.5 * p[i] * Math.log(p[i] / m) + 0.5 * q[i] * Math.log(q[i] / m);
  }
  return {
    samples: n,
    modes: dist.modes.length,
    modesCovered: perMode.filter((c) => c >= Math.max(1, COVER_SHARE * n)).length,
    highQuality: good / n,
    kl,
    js,
  };
}
