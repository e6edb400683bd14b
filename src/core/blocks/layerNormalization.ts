import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { bool, float } from './params';
import { onLastAxis, py, pyBool } from './shared/torch';

const KERAS_LAYER_NORM = String.raw`class KerasLayerNorm(nn.Module):
    """LayerNormalization as Keras and tfjs define it: over the last dim, with gamma (scale) and
    beta (center) each optional (nn.LayerNorm has one switch for both)."""

    def __init__(self, num_features, eps=1e-3, center=True, scale=True):
        super().__init__()
        self.num_features, self.eps = num_features, eps
        self.weight = nn.Parameter(torch.ones(num_features)) if scale else None
        self.bias = nn.Parameter(torch.zeros(num_features)) if center else None

    def forward(self, x):
        return F.layer_norm(x, (self.num_features,), self.weight, self.bias, self.eps)
`;

export const layerNormalization = defineBlock({
  type: 'layerNormalization',
  label: 'LayerNorm',
  category: 'normalization',
  description: 'Normalises each sample over its last axis (no batch statistics: safe for WGAN-GP critics).',
  params: { epsilon: float(0.001, { min: 0 }), center: bool(true), scale: bool(true) },
  inputs: [{ name: 'x' }],
  inferShape: (i) => {
    const x = one(i);
    if (x.length < 1) throw new ShapeError(`expects at least a 2-D input but receives ${fmtShape(x)}`, 'x');
    return x;
  },
  paramCount: (i, p) => {
    const x = one(i);
    const c = x[x.length - 1];
    return c * ((p.center ? 1 : 0) + (p.scale ? 1 : 0));
  },
  macs: (i) => 3 * prod(one(i)),
  layer: {
    fn: 'layerNormalization',
    args: (p, name) => ({ name, epsilon: p.epsilon, center: p.center, scale: p.scale }),
  },
  torch: {
    helpers: { KerasLayerNorm: KERAS_LAYER_NORM },
    module: ({ p, inputs: [x] }) =>
      `KerasLayerNorm(${x.shape[x.shape.length - 1]}, eps=${py(p.epsilon)}, center=${pyBool(p.center)}, scale=${pyBool(p.scale)})`,
    forward: ({ inputs: [x], self }) => onLastAxis(x.expr, x.shape, (v) => `${self}(${v})`),
    weights: ({ p, inputs: [x] }) => {
      const c = [x.shape[x.shape.length - 1]];
      return [
        ...(p.scale ? [{ tfjs: 'gamma', torch: 'weight', shape: c, init: 'ones' as const }] : []),
        ...(p.center ? [{ tfjs: 'beta', torch: 'bias', shape: c, init: 'zeros' as const }] : []),
      ];
    },
  },
});
