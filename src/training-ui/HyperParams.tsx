/**
 * The hyperparameters people change while watching a GAN train. They live in the project (the
 * editor's store), so the inspector and this panel always agree; labels, options and limits come from
 * the one declaration of the training settings (core/training/settings.ts); actions.ts forwards edits
 * to the worker while paused.
 */
import { checkParam, type ParamValue } from '../core/blocks/params';
import { settingValue, trainingSetting, withSetting, type SettingPath } from '../core/training/settings';
import { useEditor } from '../state/store';

/** The settings this compact panel shows, in order, with the test ids the browser tests use. */
const SHOWN: { path: SettingPath; testId?: string }[] = [
  { path: 'loss' }, { path: 'batchSize', testId: 'hp-batch' }, { path: 'dSteps' }, { path: 'realLabel' },
  { path: 'generator.type' }, { path: 'generator.learningRate', testId: 'hp-lr-G' },
  { path: 'discriminator.type' }, { path: 'discriminator.learningRate', testId: 'hp-lr-D' },
];

function Field({ path, testId }: { path: SettingPath; testId?: string }) {
  const t = useEditor((s) => s.doc.training);
  const setTraining = useEditor((s) => s.setTraining);
  const s = trainingSetting(path);
  const value = settingValue(t, path);
  const commit = (v: ParamValue) => {
    if (checkParam(s.spec, v)) return; // out of range: the field shows it (native validity), nothing applied
    const next = withSetting(t, path, v);
    const key = path.split('.')[0] as keyof typeof t;
    setTraining({ [key]: next[key] });
  };
  const spec = s.spec;
  if (spec.kind === 'choice') {
    return (
      <label className="hp" title={s.help}>
        <span>{s.label}</span>
        <select value={String(value)} data-testid={testId} onChange={(e) => commit(e.target.value)}>
          {spec.options.map((o) => <option key={o} value={o}>{spec.optionLabels?.[o] ?? o}</option>)}
        </select>
      </label>
    );
  }
  const numeric = spec.kind === 'int' || spec.kind === 'float';
  return (
    <label className="hp" title={s.help}>
      <span>{s.label}</span>
      <input type="number" value={Number(value)} data-testid={testId}
        step={spec.kind === 'int' ? 1 : 'any'} min={numeric ? spec.min : undefined} max={numeric ? spec.max : undefined}
        onChange={(e) => { const v = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(v)) commit(v); }} />
    </label>
  );
}

export function HyperParams({ disabled }: { disabled: boolean }) {
  return (
    <fieldset className="hyperparams" disabled={disabled} title={disabled ? 'Pause to change hyperparameters' : undefined}>
      <legend>Hyperparameters</legend>
      {SHOWN.map((f) => <Field key={f.path} {...f} />)}
    </fieldset>
  );
}
