/**
 * The one place where the training settings are edited: every setting of core/training/settings.ts
 * that applies to the project's configuration, grouped as the declaration groups them (training, G's
 * optimizer, D's optimizer), each field from its spec (label, range, help, option labels) through the
 * shared ParamWidget, so an out-of-range value is explained inline and never applied.
 *
 * It sits in the training dock, next to Train and the charts that show what a change does. The values
 * live in the project (the editor's store: undoable, saved with it); the run controller (src/run) hands a change to a
 * paused run. While a run is going the fields are locked, with the reason: pause first.
 */
import type { ParamValue } from '../core/blocks/params';
import {
  applicableSettings,
  settingValue,
  withSetting,
  type SettingPath,
  type TrainingSetting,
} from '../core/training/settings';
import { useEditor } from '../state/store';
import { useTraining } from '../trainer/store';
import { ParamWidget } from '../ui/ParamWidget';
import { estimateText, memoryDetails, useReadiness } from './readiness';

/** The panel's id: the inspector's link opens the dock and moves the focus here. */
export const SETTINGS_PANEL_ID = 'training-settings';

const GROUPS: { group: TrainingSetting['group']; legend: string }[] = [
  { group: 'training', legend: 'Training' },
  { group: 'generator', legend: 'G optimizer' },
  { group: 'discriminator', legend: 'D optimizer' },
];

/** The handles the browser tests have used since the first dock (every field also has data-param = its path). */
const TEST_IDS: Partial<Record<SettingPath, string>> = {
  batchSize: 'hp-batch',
  'generator.learningRate': 'hp-lr-G',
  'discriminator.learningRate': 'hp-lr-D',
};

/** Why the fields cannot be changed now, or null when they can. */
function lockReason(status: string): string | null {
  if (status === 'running') return 'Training is running: pause it to change the settings (they apply when you resume).';
  if (status === 'initializing') return 'Building the models: the settings can be changed once they are ready.';
  return null;
}

export function SettingsPanel() {
  const t = useEditor((s) => s.doc.training);
  const setTraining = useEditor((s) => s.setTraining);
  const status = useTraining((s) => s.status);
  const paused = status === 'paused';
  const locked = lockReason(status);
  const shown = applicableSettings(t);
  const ready = useReadiness();
  const commit = (s: TrainingSetting, v: ParamValue) => {
    const next = withSetting(t, s.path, v);
    const key = s.path.split('.')[0] as keyof typeof t;
    setTraining({ [key]: next[key] });
  };
  return (
    <section
      className="settings-panel"
      id={SETTINGS_PANEL_ID}
      tabIndex={-1}
      aria-labelledby="settings-title"
      data-testid="settings-panel"
      data-locked={locked ? 'true' : 'false'}
    >
      <header className="settings-head">
        <h3 id="settings-title">Settings</h3>
        {/* What Train would build at this batch; red past the memory limit (Train then says why it is off). */}
        <span
          className={`train-estimate${ready.overMemory ? ' over-limit' : ''}`}
          data-testid="train-estimate"
          title={memoryDetails(ready)}
        >
          {estimateText(ready)}
        </span>
      </header>
      <p
        className={`settings-note${locked ? ' settings-locked' : ''}`}
        id="settings-note"
        data-testid="settings-note"
        role="status"
      >
        {locked ?? (paused ? 'Changes apply to the paused run when you resume.' : '')}
      </p>
      <div className="settings-groups">
        {GROUPS.map(({ group, legend }) => (
          <fieldset key={group} disabled={!!locked} aria-describedby="settings-note" data-group={group}>
            <legend>{legend}</legend>
            {shown
              .filter((s) => s.group === group)
              .map((s) => (
                <ParamWidget
                  key={s.path}
                  name={s.path}
                  spec={{ ...s.spec, label: s.label, help: s.help }}
                  testId={TEST_IDS[s.path]}
                  value={settingValue(t, s.path)}
                  onCommit={(v) => commit(s, v)}
                />
              ))}
          </fieldset>
        ))}
      </div>
    </section>
  );
}
