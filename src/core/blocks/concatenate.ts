import { defineBlock, fmtShape, ShapeError } from './defineBlock';
import { lastDim } from './shared/torch';

export const concatenate = defineBlock({
  type: 'concatenate',
  label: 'Concatenate',
  category: 'merge',
  description: 'Joins two or more inputs along the last axis (e.g. noise 62 + code 10 + code 2 -> 74).',
  params: {},
  inputs: [{ name: 'x', label: 'inputs (2+)', multi: true }],
  inferShape: (i) => {
    const xs = i.x ?? [];
    if (xs.length < 2) throw new ShapeError(`needs at least 2 inputs, has ${xs.length}`, 'x', true);
    const lead = (s: number[]) => fmtShape(s.slice(0, -1));
    const bad = xs.find((s) => s.length !== xs[0].length || lead(s) !== lead(xs[0]));
    if (bad) {
      throw new ShapeError(
        `can only join inputs that differ in the last axis, but receives ${xs.map(fmtShape).join(' and ')}`,
        'x',
      );
    }
    return [...xs[0].slice(0, -1), xs.reduce((a, s) => a + s[s.length - 1], 0)];
  },
  layer: { fn: 'concatenate', args: (_p, name) => ({ name, axis: -1 }) },
  // tfjs joins on the last axis: an image's channels, dim 1 in PyTorch.
  torch: { forward: ({ inputs, out }) => `torch.cat([${inputs.map((i) => i.expr).join(', ')}], dim=${lastDim(out)})` },
});
