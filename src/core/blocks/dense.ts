import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { bool, choice, int } from './params';
import { LAYER_ACTIVATIONS } from './shared/activations';
import { activationPy, onLastAxis, pyBool } from './shared/torch';

const inUnits = (s: number[]) => s[s.length - 1];

export const dense = defineBlock({
  type: 'dense',
  label: 'Dense',
  category: 'core',
  description: 'Fully connected layer: every output unit is a weighted sum of all input values (on the last axis).',
  params: { units: int(128, { min: 1 }), activation: choice(LAYER_ACTIVATIONS, 'linear'), useBias: bool(true) },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const x = one(i);
    if (x.length < 1) throw new ShapeError(`expects at least a 2-D input [batch, n] but receives ${fmtShape(x)}`, 'x');
    return [...x.slice(0, -1), p.units];
  },
  paramCount: (i, p) => {
    const x = one(i),
      units = p.units;
    return x[x.length - 1] * units + (p.useBias ? units : 0);
  },
  macs: (i, p, out) => {
    const x = one(i);
    return prod(out.slice(0, -1)) * x[x.length - 1] * p.units;
  },
  layer: {
    fn: 'dense',
    args: (p, name) => ({ name, units: p.units, activation: p.activation, useBias: p.useBias }),
  },
  torch: {
    // Linear works on the last dim; an image's last Ganvas axis (channels) is dim 1 in PyTorch.
    module: ({ p, inputs: [x] }) => `nn.Linear(${inUnits(x.shape)}, ${p.units}, bias=${pyBool(p.useBias)})`,
    forward: ({ p, inputs: [x], out, self }) =>
      activationPy(
        p.activation,
        onLastAxis(x.expr, x.shape, (v) => `${self}(${v})`),
        out,
      ),
    weights: ({ p, inputs: [x] }) => [
      // tfjs keeps Dense kernels [in, out]; nn.Linear keeps [out, in].
      { tfjs: 'kernel', torch: 'weight', shape: [inUnits(x.shape), p.units], perm: [1, 0], init: 'glorotNormal' },
      ...(p.useBias ? [{ tfjs: 'bias', torch: 'bias', shape: [p.units], init: 'zeros' as const }] : []),
    ],
  },
  activationOf: (p) => p.activation,
  summary: (p) =>
    `${p.units} units${p.activation === 'linear' ? '' : `, ${p.activation}`}${p.useBias ? '' : ', no bias'}`,
});
