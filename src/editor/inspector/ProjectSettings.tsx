/**
 * Shown when nothing is selected: the project's name, description and dataset. The training settings
 * are edited in one place, the training dock's settings panel; `trainingLink` (from the app shell)
 * says where, and takes the user there. `data` (also from the shell: the Datasets feature) chooses a
 * dataset, making the graph follow it, and opens the Datasets dialog; without it the choice is set as is.
 */
import type { ReactNode } from 'react';
import { choice } from '../../core/blocks/params';
import { DATASET_KINDS, getDatasetKind } from '../../core/datasets';
import { useEditor } from '../../state/store';
import { ParamWidget } from '../../ui/ParamWidget';
import type { DatasetSpec } from '../../core/project/types';

/** The kinds offered as they are; an imported or drawn dataset shows too while it is the project's. */
const BUILT_IN = DATASET_KINDS.filter((d) => d.builtIn).map((d) => d.id);

export interface DataActions {
  choose(spec: DatasetSpec): void;
  open(): void;
}

export function ProjectSettings({ trainingLink, data }: { trainingLink?: ReactNode; data?: DataActions }) {
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
        <textarea
          id="project-description"
          rows={3}
          value={doc.description}
          onChange={(e) => setDoc({ description: e.target.value })}
        />
      </div>
      <fieldset>
        <legend>Dataset</legend>
        <div className="field field-wide">
          <label htmlFor="dataset-kind">Data</label>
          <select
            id="dataset-kind"
            value={doc.dataset.kind}
            onChange={(e) => {
              const spec = { kind: e.target.value, scale: doc.dataset.scale };
              if (data) data.choose(spec);
              else setDataset(spec);
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k === 'custom' ? `${getDatasetKind(k).label}: ${doc.dataset.name ?? '?'}` : getDatasetKind(k).label}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <button type="button" className="field-wide" onClick={data.open}>
            Datasets… (your images, IDX, points; draw)
          </button>
        )}
        <ParamWidget
          name="scale"
          spec={choice(['tanh', 'sigmoid'], 'tanh', { label: 'Scale (tanh: [-1, 1])' })}
          value={doc.dataset.scale}
          onCommit={(v) => setDataset({ ...doc.dataset, scale: v as 'tanh' | 'sigmoid' })}
        />
      </fieldset>
      {trainingLink}
    </div>
  );
}
