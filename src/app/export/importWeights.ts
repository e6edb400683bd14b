/**
 * "Import weights…": a weights zip (as Export weights writes it, or `npm run train`'s folders zipped)
 * into the current project's models, so training continues from them and samples come from them.
 * The worker checks every layer name and shape before changing anything; on a mismatch the
 * first difference is shown and the models keep their weights.
 */
import { useEditor } from '../../state/store';
import { run } from '../../run';
import { useTraining, type TrainingState } from '../../trainer/store';
import { runStepOfZip, weightsFromZip } from './weightsZip';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const notify = (text: string, kind: 'info' | 'error' = 'info') => useEditor.getState().notify(text, kind);

/** No models to load into yet (never built, stopped, or built from an older graph). */
const needsModels = (s: TrainingState) =>
  !s.summary || s.stale || s.status === 'idle' || s.status === 'stopped' || s.status === 'error';

export async function importWeightsCommand(file: File): Promise<boolean> {
  const refuse = (why: string) => {
    notify(`Cannot import ${file.name}: ${why}. Nothing was changed.`, 'error');
    return false;
  };
  let w: ReturnType<typeof weightsFromZip>, step: number | undefined;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    w = weightsFromZip(bytes);
    step = runStepOfZip(bytes);
  } catch (e) {
    return refuse(errorText(e));
  }
  if (needsModels(useTraining.getState()) && !(await run.build())) return refuse('the models could not be built');
  if (useTraining.getState().status === 'running') await run.pause();
  try {
    await run.importWeights(w, step);
  } catch (e) {
    return refuse(errorText(e));
  }
  notify(
    `Imported ${file.name}${step === undefined ? '' : ` (trained ${step.toLocaleString('en-US')} steps)`}: the samples come from these weights, and Train continues from them`,
  );
  return true;
}
