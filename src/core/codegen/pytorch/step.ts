/**
 * losses.py and step.py: the project's losses (from the losses' PyTorch forms) and Ganvas's GAN step
 * (src/core/train/step.ts) specialised to the plan's heads, so it reads like hand-written code:
 * D on a real batch and on a generated batch, k times, then G through D with only G's weights updated.
 */
import type { GanPlan, PlanOutput } from '../../compile/plan';
import { getLoss, HELPER_TEXT, type HelperName } from '../../losses';
import { getOptimizer } from '../../training/optimizers';

/** losses.py from the loss registry's PyTorch forms and the helpers they and the heads need. */
export function emitLossesPy(plan: GanPlan): string {
  const roles = new Set(plan.discriminator.outputs.map((o) => o.role));
  return lossesPy(plan.training.loss, roles.has('auxClass') || roles.has('qCategorical') ? ['softmaxCE'] : []);
}

/** The losses module of one loss (plus `extra` helpers): what losses.py holds, and what the loss contract test runs. */
export function lossesPy(lossId: string, extra: readonly HelperName[] = []): string {
  const loss = getLoss(lossId);
  const helpers = new Set<HelperName>([...loss.pytorch.helpers, ...extra]);
  if (loss.gradientPenalty) helpers.add('gradientPenalty');
  const order = Object.keys(HELPER_TEXT) as HelperName[];
  return [
    `"""The losses of this project: ${loss.label}, on D's logits, and the terms its heads need (from Ganvas's loss registry)."""`,
    'import torch',
    'import torch.nn.functional as F',
    '',
    'EPS = 1e-7',
    ...order.filter((h) => helpers.has(h)).flatMap((h) => ['', '', HELPER_TEXT[h].pytorch]),
    '',
    '',
    'def discriminator_loss(real, fake, real_label):',
    '    """D\'s loss from its logits on a real and a fake batch (without the gradient penalty); real_label < 1 smooths."""',
    `    return ${loss.pytorch.d}`,
    '',
    '',
    'def generator_loss(fake):',
    '    """G\'s loss from D\'s logits on its samples."""',
    `    return ${loss.pytorch.g}`,
    '',
    '',
    'def mean_score(scores):',
    `    """What the D(x) and D(G(z)) charts show: ${loss.score === 'probability' ? 'the mean probability of "real"' : 'the mean raw score'}."""`,
    `    return ${loss.score === 'probability' ? 'torch.mean(torch.sigmoid(scores))' : 'torch.mean(scores)'}`,
    '',
    '',
    'def to_logits(probabilities):',
    '    """A sigmoid head\'s probabilities turned back into logits, so every loss works on logits."""',
    '    p = probabilities.clamp(EPS, 1 - EPS)',
    '    return torch.log(p) - torch.log(1 - p)',
    '',
  ].join('\n');
}

/** The optimizers of G and D from the optimizer registry's PyTorch forms, and the classes they need. */
function emitOptimizers(plan: GanPlan): string {
  const g = getOptimizer(plan.training.generator.type),
    d = getOptimizer(plan.training.discriminator.type);
  const helpers = new Map([...Object.entries(g.pytorchHelpers ?? {}), ...Object.entries(d.pytorchHelpers ?? {})]);
  return [
    ...[...helpers.keys()].sort().flatMap((k) => [helpers.get(k)!.trimEnd(), '', '']),
    'def make_optimizers(g_params, d_params):',
    '    """G\'s and D\'s optimizers as designed in Ganvas, with tfjs\'s hyperparameters (Adam\'s epsilon is 1e-7)."""',
    `    return (${g.pytorch(plan.training.generator, 'g_params')},`,
    `            ${d.pytorch(plan.training.discriminator, 'd_params')})`,
  ].join('\n');
}

export function emitStepPy(plan: GanPlan): string {
  const outs = plan.discriminator.outputs;
  const at = (role: PlanOutput['role']) => outs.findIndex((o) => o.role === role);
  const rf = outs[at('realFake')];
  const aux = at('auxClass') >= 0 ? outs[at('auxClass')] : undefined;
  const qCat = at('qCategorical'),
    qCont = at('qContinuous');
  const info = qCat >= 0 || qCont >= 0;
  const gp = getLoss(plan.training.loss).gradientPenalty === true;
  const realFake =
    rf.activation === 'sigmoid' ? `losses.to_logits(outs[${at('realFake')}])` : `outs[${at('realFake')}]`;

  const infoTerms: string[] = [];
  let offset = 0;
  plan.categoricalCodes.forEach((k, i) => {
    infoTerms.push(`losses.softmax_ce(outs[${qCat}][:, ${offset}:${offset + k}], feed.categorical[${i}])`);
    offset += k;
  });
  // Gaussian log-likelihood with a fixed variance: the mean squared error.
  if (qCont >= 0) infoTerms.push(`torch.mean(torch.square(outs[${qCont}] - feed.continuous))`);

  const dTerms = ['loss'];
  const d = [
    '        with torch.no_grad():',
    "            fake = self.G(*feed.values)  # training mode, as in Ganvas: G's BatchNorm statistics move here too",
    '        out_real = self.D(*model.discriminator_inputs(real, real_labels))',
    '        out_fake = self.D(*model.discriminator_inputs(fake, feed.labels))',
    '        s_real, s_fake = self.real_fake(out_real), self.real_fake(out_fake)',
    '        loss = losses.discriminator_loss(s_real, s_fake, cfg["realLabel"])',
  ];
  if (gp) {
    d.push(
      "        # The critic for the penalty runs in float32 and on the plain module (outside DDP's forward);",
      '        # its weight gradients join the same backward pass, so DDP still averages them once.',
      '        critic = lambda x: self.real_fake(self.d_plain(*model.discriminator_inputs(x, real_labels)))',
      '        with torch.autocast(real.device.type, enabled=False):',
      '            loss = loss + cfg["gpWeight"] * losses.gradient_penalty(critic, real.float(), fake.float(), gp_eps)',
    );
  }
  if (aux) {
    d.push(
      '        aux = cfg["auxWeight"] * (self.aux_loss(out_real, real_labels) + self.aux_loss(out_fake, feed.labels))',
    );
    dTerms.push('aux');
  }
  if (info) {
    d.push('        info = self.info_loss(out_fake, feed)');
    dTerms.push('info');
  }
  d.push(
    `        total = ${dTerms.join(' + ')}`,
    '        self.opt_d.zero_grad(set_to_none=True)',
    '        self.backward(total, "d")',
    '        norm = self.grad_norm("d", measure)',
    '        self.update(self.opt_d, "d")',
    `        return [total.detach(), losses.mean_score(s_real).detach(), losses.mean_score(s_fake).detach(), norm, ${aux ? 'aux.detach()' : 'self.zero'}, ${info ? 'info.detach()' : 'self.zero'}]`,
  );
  const gTerms = ['losses.generator_loss(self.real_fake(outs))'];
  if (aux) gTerms.push('self.cfg["auxWeight"] * self.aux_loss(outs, feed.labels)');
  if (info) gTerms.push('self.info_loss(outs, feed)');

  return String.raw`"""Ganvas's GAN step (src/core/train/step.ts) for this project, in PyTorch.

One step: D on a real batch (label real) and on a generated batch (label fake), k times (dSteps), then
G through D with only G's weights updated (D's weights are frozen for that pass). Separate optimizers
with tfjs's hyperparameters: Adam with epsilon 1e-7, RMSprop as tfjs computes it (decay 0.9, epsilon
inside the square root), plain SGD (src/core/training/optimizers).

Works on plain modules and on DistributedDataParallel ones (train.py wraps them under torchrun).
"""
import copy

import torch

import losses
import model

METRICS = ("dLoss", "gLoss", "dReal", "dFake", "dGradNorm", "gGradNorm", "auxLoss", "infoLoss")
# Gradient norms are measured every NORM_EVERY steps and reported in between, as in Ganvas.
NORM_EVERY = 10


${emitOptimizers(plan)}


def plain(module):
    """The module inside a DistributedDataParallel wrapper (or the module itself)."""
    return getattr(module, "module", module)


def make_average(G):
    """A copy of G for G weight averaging (the gAverage setting): samples are drawn from it, training never reads it."""
    average = copy.deepcopy(G)
    average.requires_grad_(False)
    return average


@torch.no_grad()
def update_average(average, G, decay, latents):
    """One step of the average: G's trainable weights pulled in by 1 - decay; then, if it has BatchNorm, one pass
    in training mode on the step's latents moves its own statistics (G's describe G's weights, not these)."""
    for a, w in zip(average.parameters(), G.parameters()):
        if w.requires_grad:
            a.lerp_(w, 1 - decay)
        else:
            a.copy_(w)
    if any(True for _ in average.buffers()):
        was = average.training
        average.train()
        average(*latents)
        average.train(was)


class GanStep:
    """The GAN step. G and D may be DDP-wrapped; draw_real() returns the next (images, labels or None)."""

    def __init__(self, G, D, cfg, draw_real, batch, rng, device, scalers=None):
        self.G, self.D, self.cfg, self.draw_real, self.batch, self.rng, self.device = G, D, cfg, draw_real, batch, rng, device
        self.d_plain = plain(D)
        self.d_params = [p for p in D.parameters() if p.requires_grad]
        self.g_params = [p for p in G.parameters() if p.requires_grad]
        self.opt_g, self.opt_d = make_optimizers(self.g_params, self.d_params)
        # {"d": GradScaler, "g": GradScaler} under float16 autocast (train.py --amp), else None.
        self.scalers = scalers
        self.zero = torch.zeros((), device=device)
        self.norms = {"d": self.zero, "g": self.zero}
        self.step_index = 0
        # G's weights averaged over the steps (gAverage > 0), starting from G's: what train.py samples from.
        self.average = make_average(plain(G)) if cfg["gAverage"] > 0 else None

    def real_fake(self, outs):
        """D's real/fake score as a logit${rf.activation === 'sigmoid' ? ' (its head outputs a probability)' : ''}."""
        return ${realFake}
${
  aux
    ? String.raw`
    def aux_loss(self, outs, labels):
        """AC-GAN: D's class head must name the class of real and fake samples."""
        return losses.softmax_ce(outs[${at('auxClass')}], labels, probs=${aux.activation === 'softmax' ? 'True' : 'False'})
`
    : ''
}${
  info
    ? String.raw`
    def info_loss(self, outs, feed):
        """InfoGAN: Q must recover G's codes from its samples (cross-entropy; MSE for continuous codes)."""
        return self.cfg["infoLambda"] * (${infoTerms.join(' + ')})
`
    : ''
}
    def backward(self, loss, which):
        (self.scalers[which].scale(loss) if self.scalers else loss).backward()

    def update(self, optimizer, which):
        if self.scalers:
            self.scalers[which].step(optimizer)
            self.scalers[which].update()
        else:
            optimizer.step()

    def grad_norm(self, which, measure):
        """The global gradient norm of D's or G's update on measuring steps; the last one in between."""
        if measure:
            params = self.d_params if which == "d" else self.g_params
            grads = [p.grad.detach().float() for p in params if p.grad is not None]
            if self.scalers and grads:
                # Under float16 autocast the gradients are still scaled here.
                grads = [g / self.scalers[which].get_scale() for g in grads]
            self.norms[which] = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads])) if grads else self.zero
        return self.norms[which]

    def sample_feed(self):
        return model.sample_generator_inputs(self.batch, rng=self.rng, device=self.device)

    def discriminator_step(self, real, real_labels, feed, gp_eps, measure):
        """Phases 1 and 2: D's update on a real batch and a generated one. Returns [loss, D(x), D(G(z)), norm, aux, info]."""
        cfg = self.cfg
${d.join('\n')}

    def generator_step(self, feed, measure):
        """Phase 3: G through D; D's weights take no gradient. Returns [loss, norm]."""
        for p in self.d_params:
            p.requires_grad_(False)
        try:
            fake = self.G(*feed.values)
            # D's plain module: its weights are frozen, so DDP has nothing of D's to synchronise.
            outs = self.d_plain(*model.discriminator_inputs(fake, feed.labels))
            loss = ${gTerms.join(' + ')}
        finally:
            for p in self.d_params:
                p.requires_grad_(True)
        self.opt_g.zero_grad(set_to_none=True)
        self.backward(loss, "g")
        norm = self.grad_norm("g", measure)
        self.update(self.opt_g, "g")
        return [loss.detach(), norm]

    def step(self, batches=None, autocast=None):
        """One full step; returns its metrics (METRICS order) as a 1-D tensor on the device, unread.

        batches (for tests and for replaying another engine's step): {"d": [{"real", "labels", "feed",
        "gp_eps"} per D-step], "g": feed}; every value absent is drawn as usual."""
        measure = self.step_index % NORM_EVERY == 0
        given = batches or {}
        d = None
        for k in range(self.cfg["dSteps"]):
            b = given["d"][k] if "d" in given else {}
            real, labels = (b["real"], b.get("labels")) if "real" in b else self.draw_real()
            feed = b.get("feed") or self.sample_feed()
            gp_eps = b.get("gp_eps")
            if gp_eps is None:
                gp_eps = torch.rand((real.shape[0],) + (1,) * (real.dim() - 1), generator=self.rng, device=self.device)
            with autocast() if autocast else _nothing():
                d = self.discriminator_step(real, labels, feed, gp_eps, measure)
        feed = given.get("g") or self.sample_feed()
        with autocast() if autocast else _nothing():
            g = self.generator_step(feed, measure)
        if self.average is not None:
            update_average(self.average, plain(self.G), self.cfg["gAverage"], feed.values)
        self.step_index += 1
        d_loss, d_real, d_fake, d_norm, aux, info = d
        g_loss, g_norm = g
        return torch.stack([t.float() for t in (d_loss, g_loss, d_real, d_fake, d_norm, g_norm, aux, info)])


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False
`;
}
