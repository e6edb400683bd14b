/**
 * Painting a 2-D distribution (GAN Lab's "draw your own"): a brush of some radius drops points around
 * where it touches, `density` per dab, seeded so a stroke replays the same; an eraser removes the points
 * under it. Pure: the painter canvas (src/datasets-ui/DrawPoints.tsx) calls these and the result is a
 * 'points' dataset in the project file (Gaussians of σ 0.05 around each point, core/data/toy2d.ts).
 */
import { mulberry32 } from '../data/random';

export type Pt = [number, number];

/** Most points a drawing keeps (they are stored in the project file). */
export const MAX_PAINTED = 3000;
/** The painter's view: [-VIEW, VIEW]² (the toy sets live within ±2, the grid within ±4). */
export const VIEW = 3;

const round = (v: number) => Math.round(v * 1000) / 1000;

/** `density` points uniformly in the disc of `radius` around (x, y), inside the view; at most MAX_PAINTED in all. */
export function dab(points: readonly Pt[], x: number, y: number, radius: number, density: number, seed: number): Pt[] {
  const rand = mulberry32(seed),
    out = [...points];
  for (let i = 0; i < density && out.length < MAX_PAINTED; i++) {
    const r = radius * Math.sqrt(rand()),
      a = 2 * Math.PI * rand();
    const px = x + r * Math.cos(a),
      py = y + r * Math.sin(a);
    if (Math.abs(px) <= VIEW && Math.abs(py) <= VIEW) out.push([round(px), round(py)]);
  }
  return out;
}

export function erase(points: readonly Pt[], x: number, y: number, radius: number): Pt[] {
  return points.filter(([px, py]) => (px - x) ** 2 + (py - y) ** 2 > radius * radius);
}
