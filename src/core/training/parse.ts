/**
 * Reading `training` from a project file with the settings' own specs: a missing setting takes its
 * default, a bad one is refused with its path (`training.generator.learningRate: must be at least
 * 1e-9, got 0`), an unknown one too (a typo must not be silently ignored).
 */
import { checkParam } from '../blocks/params';
import { ProjectError, pathKey, quoteName } from '../messages';
import { defaultTraining, TRAINING_SETTINGS, withSetting } from './settings';
import type { TrainingConfig } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const GROUPS = ['generator', 'discriminator'] as const;

export function parseTraining(v: unknown, path = 'training'): TrainingConfig {
  if (v === undefined) return defaultTraining();
  if (!isObj(v)) throw new ProjectError(path, 'expected an object');
  const known = new Set(TRAINING_SETTINGS.map((s) => s.path.split('.')[0]));
  for (const k of Object.keys(v))
    if (!known.has(k)) throw new ProjectError(`${path}${pathKey(k)}`, `there is no training setting ${quoteName(k)}`);
  for (const g of GROUPS) {
    const o = v[g];
    if (o === undefined) continue;
    if (!isObj(o)) throw new ProjectError(`${path}.${g}`, 'expected an object');
    const inGroup = new Set(
      TRAINING_SETTINGS.filter((s) => s.path.startsWith(`${g}.`)).map((s) => s.path.slice(g.length + 1)),
    );
    for (const k of Object.keys(o))
      if (!inGroup.has(k))
        throw new ProjectError(`${path}.${g}${pathKey(k)}`, `there is no ${g} optimizer setting ${quoteName(k)}`);
  }
  let t = defaultTraining();
  for (const s of TRAINING_SETTINGS) {
    const [a, b] = s.path.split('.');
    const parent = b ? (v[a] as Obj | undefined) : v;
    const raw = parent && Object.hasOwn(parent, b ?? a) ? parent[b ?? a] : undefined;
    if (raw === undefined) continue;
    const why = checkParam(s.spec, raw);
    if (why) throw new ProjectError(`${path}.${s.path}`, why);
    t = withSetting(t, s.path, raw as never);
  }
  return t;
}
