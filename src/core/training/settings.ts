/**
 * Every training setting, declared once: where it lives in the project file, its label, help, default
 * and range (as a param spec, so the same widgets and the same check serve blocks and settings), and
 * when it applies. The project parser, the settings panel, the CLI's flags and the generated docs all
 * read this list; nothing else states a default or a limit.
 */
import { choice, float, int, type ParamSpec, type ParamValue } from '../blocks/params';
import { getLoss, LOSSES } from '../losses';
import { getOptimizer, OPTIMIZERS } from './optimizers';
import type { OptimizerConfig, TrainingConfig } from './types';

type OptimizerKey = keyof OptimizerConfig;
type TopKey = Exclude<keyof TrainingConfig, 'generator' | 'discriminator'>;
/** A setting's place in TrainingConfig: `batchSize`, or `generator.learningRate`. */
export type SettingPath = TopKey | `${'generator' | 'discriminator'}.${OptimizerKey}`;

export interface TrainingSetting {
  path: SettingPath;
  label: string;
  help: string;
  /** Kind, default and range; choices carry their options' labels. */
  spec: ParamSpec;
  /** Which part of the panel it belongs to. */
  group: 'training' | 'generator' | 'discriminator';
  /** The CLI flag that overrides it (`--batch 32`), when there is one. */
  flag?: string;
  /** Whether it applies to this configuration (e.g. the gradient-penalty weight only to losses that have one). */
  applies?(t: TrainingConfig): boolean;
  /**
   * For a setting added after projects existed: the value at which it changes nothing (G weight averaging's 0).
   * A fingerprint of a configuration leaves the setting out at that value, so adding it changes no old one.
   */
  inert?: ParamValue;
}

const labelsOf = (defs: readonly { id: string; label: string }[]) =>
  Object.fromEntries(defs.map((d) => [d.id, d.label]));

function optimizerSettings(which: 'generator' | 'discriminator', tag: 'G' | 'D'): TrainingSetting[] {
  const usesBetas = (t: TrainingConfig) => getOptimizer(t[which].type).usesBetas;
  const f = tag.toLowerCase();
  return [
    {
      path: `${which}.type`,
      label: `${tag} optimizer`,
      group: which,
      flag: `${f}-optimizer`,
      help: `The optimizer that updates the ${which}'s weights.`,
      spec: choice(
        OPTIMIZERS.map((o) => o.id),
        'adam',
        { optionLabels: labelsOf(OPTIMIZERS) },
      ),
    },
    {
      path: `${which}.learningRate`,
      label: `${tag} learning rate`,
      group: which,
      flag: `${f}-lr`,
      help: `Step size of the ${which}'s updates. GANs usually train with about 2e-4 (Adam, β1 0.5); a NaN loss often means it is too high.`,
      spec: float(2e-4, { min: 1e-9, max: 10, step: 1e-5 }),
    },
    {
      path: `${which}.beta1`,
      label: `${tag} β1`,
      group: which,
      flag: `${f}-beta1`,
      applies: usesBetas,
      help: "Adam's decay of the running mean of gradients. 0.5 (Radford et al.) is steadier for GANs than Adam's usual 0.9.",
      spec: float(0.5, { min: 0, max: 0.9999, step: 0.05 }),
    },
    {
      path: `${which}.beta2`,
      label: `${tag} β2`,
      group: which,
      flag: `${f}-beta2`,
      applies: usesBetas,
      help: "Adam's decay of the running mean of squared gradients.",
      spec: float(0.999, { min: 0, max: 0.99999, step: 0.001 }),
    },
  ];
}

export const TRAINING_SETTINGS: readonly TrainingSetting[] = [
  {
    path: 'loss',
    label: 'Loss',
    group: 'training',
    flag: 'loss',
    help: 'The GAN objective D and G minimise. Non-saturating BCE is the usual default; least squares, Wasserstein + GP and hinge keep gradients alive when D wins (docs/reference.md describes each).',
    spec: choice(
      LOSSES.map((l) => l.id),
      'nsgan',
      { optionLabels: labelsOf(LOSSES) },
    ),
  },
  {
    path: 'batchSize',
    label: 'Batch size',
    group: 'training',
    flag: 'batch',
    help: 'Samples per batch, for D (real and fake batches each) and for G.',
    spec: int(64, { min: 1, max: 4096 }),
  },
  {
    path: 'dSteps',
    label: 'D steps per G step',
    group: 'training',
    flag: 'd-steps',
    help: 'k in Goodfellow et al.: how many discriminator updates come before each generator update (5 for WGAN-GP).',
    spec: int(1, { min: 1, max: 100 }),
  },
  {
    path: 'realLabel',
    label: 'Real label (smoothing)',
    group: 'training',
    flag: 'real-label',
    help: "D's target for real samples; below 1 (e.g. 0.9) is one-sided label smoothing, which keeps D from getting overconfident.",
    spec: float(1, { min: 0.5, max: 1, step: 0.05 }),
  },
  {
    path: 'gpWeight',
    label: 'Gradient penalty weight',
    group: 'training',
    flag: 'gp-weight',
    applies: (t) => getLoss(t.loss).gradientPenalty === true,
    help: "λ of WGAN-GP's gradient penalty (10 in Gulrajani et al.).",
    spec: float(10, { min: 0, max: 1000 }),
  },
  {
    path: 'infoLambda',
    label: 'InfoGAN λ',
    group: 'training',
    flag: 'info-lambda',
    help: "Weight of InfoGAN's mutual-information term (only when D has a Q codes head). The paper's is 1; the InfoGAN template's 0.2, at which the categorical code more often picks the digit rather than a style (docs/quality.md).",
    spec: float(1, { min: 0, max: 100 }),
  },
  {
    path: 'auxWeight',
    label: 'Aux class weight',
    group: 'training',
    flag: 'aux-weight',
    help: "Weight of AC-GAN's auxiliary class loss (only when D has a class head).",
    spec: float(1, { min: 0, max: 100 }),
  },
  {
    path: 'gAverage',
    label: 'G weight averaging',
    group: 'training',
    flag: 'g-average',
    help: "Samples, sample grids, quality measurements and the latent explorer use a moving average of G's weights (updated after every step, each new step weighted 1 − decay; 0 is off). Averaging removes the jitter of the optimizer's steps around a good solution (Yazıcı et al. 2019; 0.999 in Karras et al.'s GANs); training itself is unchanged. Try 0.99.",
    spec: float(0, { min: 0, max: 0.9999, step: 0.001 }),
    inert: 0,
  },
  {
    path: 'seed',
    label: 'Seed',
    group: 'training',
    flag: 'seed',
    help: 'Seeds the initial weights, the batches and the latents: the same project and seed train identically.',
    spec: int(42, { min: 0, max: 2 ** 31 - 1 }),
  },
  ...optimizerSettings('generator', 'G'),
  ...optimizerSettings('discriminator', 'D'),
];

const byPath = new Map(TRAINING_SETTINGS.map((s) => [s.path, s]));
export function trainingSetting(path: SettingPath): TrainingSetting {
  return byPath.get(path)!;
}

/** The value at a setting's path. */
export function settingValue(t: TrainingConfig, path: SettingPath): ParamValue {
  const [a, b] = path.split('.') as [keyof TrainingConfig, OptimizerKey?];
  return (b ? (t[a] as OptimizerConfig)[b] : t[a]) as ParamValue;
}

/** A copy of `t` with one setting changed. */
export function withSetting(t: TrainingConfig, path: SettingPath, value: ParamValue): TrainingConfig {
  const [a, b] = path.split('.') as [keyof TrainingConfig, OptimizerKey?];
  if (!b) return { ...t, [a]: value };
  return { ...t, [a]: { ...(t[a] as OptimizerConfig), [b]: value } };
}

/** The defaults of every setting. */
export function defaultTraining(): TrainingConfig {
  let t = {
    generator: {},
    discriminator: {},
  } as TrainingConfig;
  for (const s of TRAINING_SETTINGS) t = withSetting(t, s.path, s.spec.default);
  return t;
}

/** The settings that apply to this configuration, in panel order. */
export const applicableSettings = (t: TrainingConfig): TrainingSetting[] =>
  TRAINING_SETTINGS.filter((s) => !s.applies || s.applies(t));
