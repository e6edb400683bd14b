/** Totals of both networks (parameters, MACs per sample), problem counts and autosave state. */
import { useValidation } from '../state/validation';
import { useAutosaveStatus } from '../state/autosave';
import { compact } from '../editor/format';
import { useTraining } from '../trainer/store';

const AUTOSAVE_TEXT = { idle: '', pending: 'saving…', saved: 'saved locally', error: 'autosave failed' };

export function StatusBar() {
  const v = useValidation();
  const status = useAutosaveStatus((s) => s.status);
  const training = useTraining((s) => s.status);
  const errors = v.problems.filter((p) => p.severity === 'error').length;
  // "ready to train" only when it is: not while a run starts or trains.
  const ok = training === 'initializing' ? 'starting training' : training === 'running' ? 'training' : 'ready to train';
  const warnings = v.problems.length - errors;
  return (
    <footer className="statusbar">
      <span data-testid="totals-generator"><b>G</b> {compact(v.totals.generator.params)} params · {compact(v.totals.generator.macs)} MACs</span>
      <span data-testid="totals-discriminator"><b>D</b> {compact(v.totals.discriminator.params)} params · {compact(v.totals.discriminator.macs)} MACs</span>
      <span className={errors ? 'status-errors' : 'status-ok'}>{errors ? `${errors} error${errors > 1 ? 's' : ''}` : ok}{warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}</span>
      <span className="autosave" data-autosave={status}>{AUTOSAVE_TEXT[status]}</span>
    </footer>
  );
}
