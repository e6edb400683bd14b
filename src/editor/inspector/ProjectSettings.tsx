/**
 * Shown when nothing is selected: the project's name, dataset and training setup. The fields reuse
 * the param widgets, with ranges matching the project file's schema.
 */
import { choice, float, int, type ParamSpec, type ParamValue } from '../../core/blocks/params';
import { DATASET_LABELS } from '../../core/data/catalog';
import { LOSSES, LOSS_LABELS, OPTIMIZERS, type OptimizerConfig, type TrainingConfig } from '../../core/project/types';
import { useEditor } from '../../state/store';
import { ParamWidget } from './ParamWidget';

const SIMPLE_DATASETS = ['mnist', 'ring8', 'grid25', 'spiral'] as const;

const TRAINING: Partial<Record<keyof TrainingConfig, ParamSpec>> = {
  loss: choice(LOSSES, 'nsgan', { help: LOSSES.map((l) => `${l}: ${LOSS_LABELS[l]}`).join('\n') }),
  batchSize: int(64, { min: 1, max: 4096 }),
  dSteps: int(1, { min: 1, max: 100, label: 'D steps per G step' }),
  realLabel: float(1, { min: 0.5, max: 1, step: 0.05, label: 'Real label (smoothing)' }),
  gpWeight: float(10, { min: 0, label: 'Gradient penalty weight' }),
  infoLambda: float(1, { min: 0, label: 'InfoGAN λ' }),
  auxWeight: float(1, { min: 0, label: 'Aux class weight' }),
  seed: int(42, { min: 0 }),
};
const OPTIMIZER: Record<keyof OptimizerConfig, ParamSpec> = {
  type: choice(OPTIMIZERS, 'adam'),
  learningRate: float(2e-4, { min: 1e-9, max: 10, label: 'Learning rate' }),
  beta1: float(0.5, { min: 0, max: 0.9999, label: 'β1' }),
  beta2: float(0.999, { min: 0, max: 0.99999, label: 'β2' }),
};

function OptimizerFields({ which }: { which: 'generator' | 'discriminator' }) {
  const opt = useEditor((s) => s.doc.training[which]);
  const setTraining = useEditor((s) => s.setTraining);
  const set = (k: keyof OptimizerConfig, v: ParamValue) => setTraining({ [which]: { ...opt, [k]: v } });
  return (
    <fieldset>
      <legend>{which === 'generator' ? 'Generator optimizer' : 'Discriminator optimizer'}</legend>
      {(Object.keys(OPTIMIZER) as (keyof OptimizerConfig)[]).filter((k) => opt.type === 'adam' || !k.startsWith('beta')).map((k) => (
        <ParamWidget key={k} name={k} spec={OPTIMIZER[k]} value={opt[k]} onCommit={(v) => set(k, v)} />
      ))}
    </fieldset>
  );
}

export function ProjectSettings() {
  const doc = useEditor((s) => s.doc);
  const { setDoc, setTraining, setDataset } = useEditor.getState();
  const t = doc.training;
  const shown = (Object.keys(TRAINING) as (keyof TrainingConfig)[]).filter((k) =>
    (k !== 'gpWeight' || t.loss === 'wgan-gp'));
  const kinds: readonly string[] = SIMPLE_DATASETS.includes(doc.dataset.kind as never) ? SIMPLE_DATASETS : [...SIMPLE_DATASETS, doc.dataset.kind];
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
            onChange={(e) => setDataset({ kind: e.target.value as never, scale: doc.dataset.scale })}>
            {kinds.map((k) => <option key={k} value={k}>{DATASET_LABELS[k as keyof typeof DATASET_LABELS]}</option>)}
          </select>
        </div>
        <ParamWidget name="scale" spec={choice(['tanh', 'sigmoid'], 'tanh', { label: 'Scale (tanh: [-1, 1])' })}
          value={doc.dataset.scale} onCommit={(v) => setDataset({ ...doc.dataset, scale: v as 'tanh' | 'sigmoid' })} />
      </fieldset>
      <fieldset>
        <legend>Training</legend>
        {shown.map((k) => (
          <ParamWidget key={k} name={k} spec={TRAINING[k]!} value={t[k] as ParamValue} onCommit={(v) => setTraining({ [k]: v })} />
        ))}
      </fieldset>
      <OptimizerFields which="generator" />
      <OptimizerFields which="discriminator" />
    </div>
  );
}
