import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { bool, float } from './params';
import { isImage, py, pyBool } from './shared/torch';

/** BatchNorm with Keras's semantics on PyTorch's kernel (and so convertible to nn.SyncBatchNorm). */
const KERAS_BATCH_NORM = String.raw`class KerasBatchNorm(nn.modules.batchnorm._BatchNorm):
    """BatchNormalization as Keras and tfjs define it, channels on dim 1.

    - momentum is the moving averages' decay: Keras's 0.99 is PyTorch's momentum 0.01;
    - the moving variance follows the biased batch variance (PyTorch's own BatchNorm keeps the
      unbiased one): the update is linear in it, so PyTorch's update of running_var * n/(n-1),
      times (n-1)/n, is exactly Keras's;
    - gamma (scale) and beta (center) can be switched off one by one.
    """

    def __init__(self, num_features, momentum=0.99, eps=1e-3, center=True, scale=True):
        super().__init__(num_features, eps=eps, momentum=1.0 - momentum, affine=True, track_running_stats=True)
        if not scale:
            self.weight = None
        if not center:
            self.bias = None

    def _check_input_dim(self, x):
        if x.dim() < 2:
            raise ValueError(f"expected a batch of at least 1-D samples, got shape {tuple(x.shape)}")

    def forward(self, x):
        if not self.training:
            return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, False, 0.0, self.eps)
        n = x.numel() // x.shape[1]
        if n < 2:
            # One value per channel: Keras normalises it to beta (PyTorch refuses to) and moves the
            # moving variance towards 0.
            with torch.no_grad():
                self.running_mean.lerp_(x.detach().reshape(-1), self.momentum)
                self.running_var.mul_(1.0 - self.momentum)
            y = torch.zeros_like(x)
            return y + self.bias.view((1, -1) + (1,) * (x.dim() - 2)) if self.bias is not None else y
        # A copy takes PyTorch's update (autograd keeps what batch_norm was given: no in-place change after).
        running_var = self.running_var * (n / (n - 1))
        y = F.batch_norm(x, self.running_mean, running_var, self.weight, self.bias, True, self.momentum, self.eps)
        with torch.no_grad():
            self.running_var.copy_(running_var * ((n - 1) / n))
        return y
`;

/** F.batch_norm wants channels on dim 1: images and flat vectors have them there; other shapes move them. */
const channelsOnDim1 = (s: number[]) => isImage(s) || s.length === 1;

export const batchNormalization = defineBlock({
  type: 'batchNormalization',
  label: 'BatchNorm',
  category: 'normalization',
  description:
    'Normalises each channel over the batch, then scales and shifts it. Keeps 4 numbers per channel (2 learned).',
  batchDependent: true,
  params: {
    momentum: float(0.99, { min: 0, max: 1 }),
    epsilon: float(0.001, { min: 0 }),
    center: bool(true),
    scale: bool(true),
  },
  inputs: [{ name: 'x' }],
  inferShape: (i) => {
    const x = one(i);
    if (x.length < 1) throw new ShapeError(`expects at least a 2-D input but receives ${fmtShape(x)}`, 'x');
    return x;
  },
  // gamma, beta (if enabled) + moving mean and variance, as Keras counts them.
  paramCount: (i, p) => {
    const x = one(i);
    const c = x[x.length - 1];
    return c * (2 + (p.center ? 1 : 0) + (p.scale ? 1 : 0));
  },
  macs: (i) => 2 * prod(one(i)),
  layer: {
    fn: 'batchNormalization',
    args: (p, name) => ({ name, momentum: p.momentum, epsilon: p.epsilon, center: p.center, scale: p.scale }),
  },
  torch: {
    helpers: { KerasBatchNorm: KERAS_BATCH_NORM },
    module: ({ p, inputs: [x] }) =>
      `KerasBatchNorm(${x.shape[x.shape.length - 1]}, momentum=${py(p.momentum)}, eps=${py(p.epsilon)}, center=${pyBool(p.center)}, scale=${pyBool(p.scale)})`,
    forward: ({ inputs: [x], self }) =>
      channelsOnDim1(x.shape) ? `${self}(${x.expr})` : `${self}(${x.expr}.movedim(-1, 1)).movedim(1, -1)`,
    weights: ({ p, inputs: [x] }) => {
      const c = [x.shape[x.shape.length - 1]];
      return [
        ...(p.scale ? [{ tfjs: 'gamma', torch: 'weight', shape: c, init: 'ones' as const }] : []),
        ...(p.center ? [{ tfjs: 'beta', torch: 'bias', shape: c, init: 'zeros' as const }] : []),
        { tfjs: 'moving_mean', torch: 'running_mean', shape: c, init: 'zeros', buffer: true },
        { tfjs: 'moving_variance', torch: 'running_var', shape: c, init: 'ones', buffer: true },
      ];
    },
  },
});
