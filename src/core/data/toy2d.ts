/**
 * 2-D toy distributions from the mode-collapse literature (unrolled GAN, VEEGAN): a ring of 8
 * Gaussians (radius 2, σ 0.02) and a 5×5 grid (spacing 2, σ 0.05); plus a spiral and user points.
 */
import type { FloatDataset } from './host';
import { gaussian, mulberry32 } from './random';

export type Toy2dKind = 'ring8' | 'grid25' | 'spiral' | 'points';

export interface Toy2d {
  modes: [number, number][];
  std: number;
}

export function toyModes(kind: Toy2dKind, points?: [number, number][]): Toy2d {
  switch (kind) {
    case 'ring8':
      return {
        modes: Array.from({ length: 8 }, (_, i) => [
          2 * Math.cos((2 * Math.PI * i) / 8),
          2 * Math.sin((2 * Math.PI * i) / 8),
        ]),
        std: 0.02,
      };
    case 'grid25':
      return { modes: Array.from({ length: 25 }, (_, i) => [-4 + 2 * (i % 5), -4 + 2 * Math.floor(i / 5)]), std: 0.05 };
    case 'spiral':
      return {
        modes: Array.from({ length: 100 }, (_, i) => {
          const t = i / 99,
            a = 3 * Math.PI * t,
            r = 0.3 + 1.7 * t;
          return [r * Math.cos(a), r * Math.sin(a)];
        }),
        std: 0.04,
      };
    case 'points':
      if (!points || points.length < 2) throw new Error('draw at least 2 points');
      return { modes: points, std: 0.05 };
  }
}

export function toyDataset(kind: Toy2dKind, count = 10_000, seed = 1, points?: [number, number][]): FloatDataset {
  return sampleToy(toyModes(kind, points), count, seed, kind);
}

/** `count` points from Gaussians (σ = std) around the modes, each mode equally likely; seeded. */
export function sampleToy({ modes, std }: Toy2d, count: number, seed: number, name = 'points'): FloatDataset {
  const rand = mulberry32(seed),
    normal = gaussian(rand);
  const values = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const m = Math.floor(rand() * modes.length);
    values[2 * i] = modes[m][0] + std * normal();
    values[2 * i + 1] = modes[m][1] + std * normal();
    labels[i] = m;
  }
  // Mode indices are kept for quality metrics, but they are not classes a cGAN should condition on.
  return { name, shape: [2], count, numClasses: 0, values, labels };
}
