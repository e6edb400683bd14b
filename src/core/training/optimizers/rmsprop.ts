import { pyFloat } from '../../blocks/shared/torch';
import { defineOptimizer, num } from './defineOptimizer';

/**
 * tfjs's RMSprop with its defaults: decay (PyTorch's alpha) 0.9, momentum 0, epsilon 1e-7, not
 * centered. tfjs adds epsilon inside the square root (sqrt(ms + eps)), PyTorch outside (sqrt(ms) + eps):
 * for gradients near sqrt(eps) ~ 3e-4 and below the two steps differ by up to the step itself, so the
 * PyTorch export carries a small optimizer computing exactly tfjs's update.
 */
const TFJS_RMSPROP = String.raw`class TfjsRMSprop(torch.optim.Optimizer):
    """tf.train.rmsprop(lr) as tfjs computes it: ms = decay * ms + (1 - decay) * g^2;
    mom = momentum * mom + lr * g / sqrt(ms + eps); w -= mom. (torch.optim.RMSprop adds eps outside the root.)"""

    def __init__(self, params, lr, decay=0.9, momentum=0.0, eps=1e-7):
        super().__init__(params, dict(lr=lr, decay=decay, momentum=momentum, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["ms"], state["mom"] = torch.zeros_like(p), torch.zeros_like(p)
                state["ms"].mul_(group["decay"]).addcmul_(p.grad, p.grad, value=1 - group["decay"])
                state["mom"].mul_(group["momentum"]).add_(p.grad * group["lr"] / torch.sqrt(state["ms"] + group["eps"]))
                p.sub_(state["mom"])
`;

export const rmsprop = defineOptimizer({
  id: 'rmsprop',
  label: 'RMSprop',
  usesBetas: false,
  tfjs: (tf, c) => tf.train.rmsprop(c.learningRate),
  typescript: (c) => `tf.train.rmsprop(${num(c.learningRate)})`,
  pytorch: (c, params) => `TfjsRMSprop(${params}, lr=${pyFloat(c.learningRate)}, decay=0.9, momentum=0.0, eps=1e-07)`,
  pytorchHelpers: { TfjsRMSprop: TFJS_RMSPROP },
});
