/**
 * The GAN losses in PyTorch: Python expressions over D's logits `real` and `fake` and the real label
 * `real_label`, plus the helpers they call. These are the `pytorch` fields of the loss registry
 * (src/core/losses/, one file per loss) and move there when it lands; until then they are keyed by
 * loss here, and nothing else in the generator knows a loss by name.
 */
import type { LossKind } from '../../project/types';

export interface PytorchLoss {
  /** D's loss (without the gradient penalty). */
  d: string;
  /** G's loss. */
  g: string;
  /** Names of PYTORCH_LOSS_HELPERS the expressions call. */
  helpers: string[];
  /** D(x) and D(G(z)) as the charts show them: a probability (mean sigmoid) or the raw mean score. */
  score: 'probability' | 'raw';
  /** WGAN-GP's gradient penalty joins D's loss. */
  gradientPenalty?: boolean;
}

export const PYTORCH_LOSSES: Record<LossKind, PytorchLoss> = {
  nsgan: { d: 'sigmoid_ce(real, real_label) + sigmoid_ce(fake, 0.0)', g: 'sigmoid_ce(fake, 1.0)', helpers: ['sigmoid_ce'], score: 'probability' },
  // G minimises log(1 - D(G(z))) = -softplus(logit): it saturates when D wins.
  minimax: { d: 'sigmoid_ce(real, real_label) + sigmoid_ce(fake, 0.0)', g: '-sigmoid_ce(fake, 0.0)', helpers: ['sigmoid_ce'], score: 'probability' },
  lsgan: { d: '0.5 * (torch.mean(torch.square(real - real_label)) + torch.mean(torch.square(fake)))', g: '0.5 * torch.mean(torch.square(fake - 1.0))', helpers: [], score: 'raw' },
  'wgan-gp': { d: 'torch.mean(fake) - torch.mean(real)', g: '-torch.mean(fake)', helpers: [], score: 'raw', gradientPenalty: true },
  hinge: { d: 'torch.mean(torch.relu(1.0 - real)) + torch.mean(torch.relu(1.0 + fake))', g: '-torch.mean(fake)', helpers: [], score: 'raw' },
};

export const PYTORCH_LOSS_HELPERS: Record<string, string> = {
  sigmoid_ce: [
    'def sigmoid_ce(logits, target):',
    '    """Mean binary cross-entropy of logits against a constant target, computed stably."""',
    '    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, target))',
  ].join('\n'),
};
