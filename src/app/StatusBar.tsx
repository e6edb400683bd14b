/**
 * Totals of both networks (parameters, MACs per sample), the estimated training memory at the chosen batch,
 * problem counts and whether the project is stored.
 */
import { useValidation } from '../state/validation';
import { useAutosaveStatus } from '../state/autosave';
import type { SaveState, SaveStatus } from '../state/persistence';
import { compact } from '../ui/format';
import { fmtBytes, LIMITS } from '../core/limits';
import { memoryDetails, useReadiness } from '../training-ui/readiness';
import { useTraining } from '../trainer/store';

const SAVE_TEXT: Record<SaveStatus, string> = {
  idle: '',
  pending: 'saving…',
  saving: 'saving…',
  saved: 'saved',
  error: 'NOT saved',
};

function saveTitle(s: SaveState): string {
  if (s.status === 'error')
    return `The last change could not be stored in this browser: ${s.error}. Use Save to keep a file.`;
  if (s.status !== 'saved' || s.at === undefined)
    return 'Every change is stored in this browser (IndexedDB) as you make it';
  const kb = ((s.bytes ?? 0) / 1024).toFixed(1);
  return `Stored in this browser (IndexedDB) at ${new Date(s.at).toLocaleTimeString()}: ${kb} KB in ${Math.round(s.ms ?? 0)} ms`;
}

export function StatusBar() {
  const v = useValidation();
  const ready = useReadiness();
  const save = useAutosaveStatus();
  const training = useTraining((s) => s.status);
  const errors = v.problems.filter((p) => p.severity === 'error').length;
  // "ready to train" only when it is: not while a run starts or trains.
  const ok = training === 'initializing' ? 'starting training' : training === 'running' ? 'training' : 'ready to train';
  const warnings = v.problems.length - errors;
  return (
    <footer className="statusbar">
      <span data-testid="totals-generator">
        <b>G</b> {compact(v.totals.generator.params)} params · {compact(v.totals.generator.macs)} MACs
      </span>
      <span data-testid="totals-discriminator">
        <b>D</b> {compact(v.totals.discriminator.params)} params · {compact(v.totals.discriminator.macs)} MACs
      </span>
      {/* What Train would build at the chosen batch: memory against the limit (core/limits.ts). */}
      <span
        data-testid="totals-memory"
        className={ready.overMemory ? 'status-errors' : undefined}
        title={memoryDetails(ready)}
      >
        ~{fmtBytes(ready.memory.total)} to train at batch {ready.batch}
        {ready.overMemory ? ` (limit ${fmtBytes(LIMITS.memoryBytes.value)})` : ''}
      </span>
      <span className={errors ? 'status-errors' : 'status-ok'} title={ready.refused}>
        {errors ? `${errors} error${errors > 1 ? 's' : ''}` : ok}
        {warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}
      </span>
      <span
        className={`autosave${save.status === 'error' ? ' status-errors' : ''}`}
        data-autosave={save.status}
        data-write-ms={save.ms === undefined ? undefined : save.ms.toFixed(2)}
        title={saveTitle(save)}
      >
        {SAVE_TEXT[save.status]}
        {save.status === 'error' ? `: ${save.error}` : ''}
      </span>
    </footer>
  );
}
