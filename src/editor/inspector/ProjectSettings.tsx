/**
 * Shown when nothing is selected: the project's name, dataset and training setup. The fields reuse
 * the param widgets; the training fields come from the one declaration of the settings.
 */
import { choice, type ParamValue } from '../../core/blocks/params';
import { DATASET_KINDS, getDatasetKind } from '../../core/datasets';
import { applicableSettings, settingValue, withSetting, type TrainingSetting } from '../../core/training/settings';
import { useEditor } from '../../state/store';
import { ParamWidget } from './ParamWidget';

/** The kinds offered as they are; an imported or drawn dataset shows too while it is the project's. */
const BUILT_IN = DATASET_KINDS.filter((d) => d.builtIn).map((d) => d.id);

const GROUP_LEGEND: Record<TrainingSetting['group'], string> = {
  training: 'Training', generator: 'Generator optimizer', discriminator: 'Discriminator optimizer',
};

/** One fieldset per group of the training settings (core/training/settings.ts), those that apply. */
function TrainingFields() {
  const t = useEditor((s) => s.doc.training);
  const setTraining = useEditor((s) => s.setTraining);
  const shown = applicableSettings(t);
  const commit = (s: TrainingSetting, v: ParamValue) => {
    const next = withSetting(t, s.path, v);
    const key = s.path.split('.')[0] as keyof typeof t;
    setTraining({ [key]: next[key] });
  };
  return (
    <>
      {(['training', 'generator', 'discriminator'] as const).map((g) => (
        <fieldset key={g}>
          <legend>{GROUP_LEGEND[g]}</legend>
          {shown.filter((s) => s.group === g).map((s) => (
            <ParamWidget key={s.path} name={s.path} spec={{ ...s.spec, label: s.label, help: s.help }}
              value={settingValue(t, s.path)} onCommit={(v) => commit(s, v)} />
          ))}
        </fieldset>
      ))}
    </>
  );
}

export function ProjectSettings() {
  const doc = useEditor((s) => s.doc);
  const { setDoc, setDataset } = useEditor.getState();
  const kinds = BUILT_IN.includes(doc.dataset.kind) ? BUILT_IN : [...BUILT_IN, doc.dataset.kind];
  return (
    <div className="project-settings">
      <h2>Project</h2>
      <div className="field field-wide">
        <label htmlFor="project-name">Name</label>
        <input id="project-name" value={doc.name} onChange={(e) => setDoc({ name: e.target.value })} />
      </div>
      <div className="field field-wide">
        <label htmlFor="project-description">Description</label>
        <textarea id="project-description" rows={3} value={doc.description} onChange={(e) => setDoc({ description: e.target.value })} />
      </div>
      <fieldset>
        <legend>Dataset</legend>
        <div className="field field-wide">
          <label htmlFor="dataset-kind">Data</label>
          <select id="dataset-kind" value={doc.dataset.kind}
            onChange={(e) => setDataset({ kind: e.target.value, scale: doc.dataset.scale })}>
            {kinds.map((k) => <option key={k} value={k}>{getDatasetKind(k).label}</option>)}
          </select>
        </div>
        <ParamWidget name="scale" spec={choice(['tanh', 'sigmoid'], 'tanh', { label: 'Scale (tanh: [-1, 1])' })}
          value={doc.dataset.scale} onCommit={(v) => setDataset({ ...doc.dataset, scale: v as 'tanh' | 'sigmoid' })} />
      </fieldset>
      <TrainingFields />
    </div>
  );
}
