/** Which Export items can run now, and if not, why (shown under the item). Read only while the menu is open. */
import { useEditor } from '../../state/store';
import { useTraining, type TrainingState } from '../../trainer/store';
import { compiledPlan } from './code';

export interface Availability {
  /** Undefined when the item can run; else the reason shown to the user. */
  code?: string;
  weights?: string;
  importWeights?: string;
  samples?: string;
  metrics?: string;
}

const hasModels = (s: TrainingState) =>
  Boolean(s.summary) && !s.stale && (s.status === 'paused' || s.status === 'running');

export function useAvailability(): Availability {
  const compiled = useEditor((s) => compiledPlan(s.doc));
  const models = useTraining(hasModels);
  const initializing = useTraining((s) => s.status === 'initializing');
  const samples = useTraining((s) => Boolean(s.samples));
  const metrics = useTraining((s) => s.history.length > 0);
  const code = compiled.ok ? undefined : compiled.reason;
  return {
    code,
    weights: models ? undefined : 'Train or Step first: the weights exist once the models are built',
    importWeights: code ?? (initializing ? 'Wait until the models are built' : undefined),
    samples: samples ? undefined : 'Train or Step first: no samples yet',
    metrics: metrics ? undefined : 'Train or Step first: no metrics yet',
  };
}
