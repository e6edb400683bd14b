/**
 * The hyperparameters people change while watching a GAN train. They live in the project (the
 * editor's store), so the inspector and this panel always agree; actions.ts forwards edits to the
 * worker while paused.
 */
import { LOSSES, LOSS_LABELS, OPTIMIZERS, type OptimizerConfig, type TrainingConfig } from '../core/project/types';
import { useEditor } from '../state/store';

function Num({ label, value, onChange, step, min, max, testId }: {
  label: string; value: number; onChange(v: number): void; step?: number; min?: number; max?: number; testId?: string;
}) {
  return (
    <label className="hp">
      <span>{label}</span>
      <input type="number" value={value} step={step ?? 'any'} min={min} max={max} data-testid={testId}
        onChange={(e) => { const v = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(v)) onChange(v); }} />
    </label>
  );
}

function Optimizer({ which }: { which: 'generator' | 'discriminator' }) {
  const opt = useEditor((s) => s.doc.training[which]);
  const setTraining = useEditor((s) => s.setTraining);
  const set = (patch: Partial<OptimizerConfig>) => setTraining({ [which]: { ...opt, ...patch } });
  const tag = which === 'generator' ? 'G' : 'D';
  return (
    <>
      <label className="hp">
        <span>{tag} optimizer</span>
        <select value={opt.type} onChange={(e) => set({ type: e.target.value as OptimizerConfig['type'] })}>
          {OPTIMIZERS.map((o) => <option key={o}>{o}</option>)}
        </select>
      </label>
      <Num label={`${tag} learning rate`} value={opt.learningRate} min={0} onChange={(v) => set({ learningRate: v })} testId={`hp-lr-${tag}`} />
    </>
  );
}

export function HyperParams({ disabled }: { disabled: boolean }) {
  const t = useEditor((s) => s.doc.training);
  const setTraining = useEditor((s) => s.setTraining);
  const set = (patch: Partial<TrainingConfig>) => setTraining(patch);
  return (
    <fieldset className="hyperparams" disabled={disabled} title={disabled ? 'Pause to change hyperparameters' : undefined}>
      <legend>Hyperparameters</legend>
      <label className="hp">
        <span>Loss</span>
        <select value={t.loss} onChange={(e) => set({ loss: e.target.value as TrainingConfig['loss'] })}>
          {LOSSES.map((l) => <option key={l} value={l}>{LOSS_LABELS[l]}</option>)}
        </select>
      </label>
      <Num label="Batch size" value={t.batchSize} min={1} step={1} onChange={(v) => set({ batchSize: Math.max(1, Math.round(v)) })} testId="hp-batch" />
      <Num label="k (D steps per G step)" value={t.dSteps} min={1} step={1} onChange={(v) => set({ dSteps: Math.max(1, Math.round(v)) })} />
      <Num label="Real label (smoothing)" value={t.realLabel} min={0.5} max={1} step={0.05} onChange={(v) => set({ realLabel: v })} />
      <Optimizer which="generator" />
      <Optimizer which="discriminator" />
    </fieldset>
  );
}
