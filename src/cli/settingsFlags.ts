/**
 * The CLI's training flags (`--batch 32`, `--g-lr 1e-4`, `--loss hinge`, ...), one per training setting
 * that declares a flag (core/training/settings.ts): parsed and checked with the setting's own spec, so
 * the CLI, the project file and the settings panel accept exactly the same values.
 */
import { checkParam, type ParamValue } from '../core/blocks/params';
import { TRAINING_SETTINGS, withSetting } from '../core/training/settings';
import type { TrainingConfig } from '../core/training/types';
import type { Args } from './args';

/** `training` with every flag given in `args` applied; throws naming the flag and what it accepts. */
export function applySettingFlags(args: Args, training: TrainingConfig): TrainingConfig {
  let t = training;
  for (const s of TRAINING_SETTINGS) {
    if (!s.flag) continue;
    const raw = args.options[s.flag];
    if (raw === undefined) continue;
    const value: unknown = raw === true ? raw : s.spec.kind === 'int' || s.spec.kind === 'float' ? Number(raw) : raw;
    const why = checkParam(s.spec, value);
    if (why) throw new Error(`--${s.flag} (${s.label}) ${why.replace(/got .*$/, `got '${raw}'`)}`);
    t = withSetting(t, s.path, value as ParamValue);
  }
  return t;
}

/** One usage line per flag, e.g. `--g-lr N  G learning rate (default 0.0002, 1e-9 – 10)`. */
export function settingFlagsUsage(): string {
  return TRAINING_SETTINGS.filter((s) => s.flag)
    .map((s) => {
      const spec = s.spec;
      const range =
        spec.kind === 'choice'
          ? spec.options.join('|')
          : spec.kind === 'int' || spec.kind === 'float'
            ? `${spec.min ?? ''} – ${spec.max ?? ''}`
            : '';
      return `      --${s.flag} ${spec.kind === 'choice' ? 'NAME' : 'N'}  ${s.label} (project's value; ${range})`;
    })
    .join('\n');
}
