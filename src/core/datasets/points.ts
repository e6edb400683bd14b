import { toyDataset, toyModes } from '../data/toy2d';
import { defineDataset } from './defineDataset';
import { toyPython } from './toy2d';
import { fail, list, number } from './fields';

export const points = defineDataset({
  id: 'points',
  label: 'Your drawn points',
  builtIn: false,
  description: 'A 2-D distribution you made: Gaussians (σ 0.05) around the points, saved in the project file.',
  example: {
    kind: 'points',
    scale: 'tanh',
    points: [
      [-1, 0],
      [1, 0.5],
      [0, -1],
    ],
  },
  fields: ['points'],
  parseFields: (o, path) => {
    if (o.points === undefined) return fail(`${path}.points`, "a 'points' dataset needs its points");
    const pts = list(o.points, `${path}.points`).map((pt, i): [number, number] => {
      const a = list(pt, `${path}.points[${i}]`);
      if (a.length !== 2) fail(`${path}.points[${i}]`, 'expected [x, y]');
      return [number(a[0], `${path}.points[${i}][0]`), number(a[1], `${path}.points[${i}][1]`)];
    });
    if (pts.length < 2) fail(`${path}.points`, 'draw at least 2 points');
    return { points: pts };
  },
  info: () => ({ shape: [2], numClasses: 0 }),
  load: async (spec) => toyDataset('points', 10_000, 1, spec.points),
  modes: (spec) => toyModes('points', spec.points),
  pytorch: (spec) => toyPython(toyModes('points', spec.points)),
});
