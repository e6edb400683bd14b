/**
 * The run's lifecycle, owned here and nowhere else: compile the editor's current project (read from
 * src/state), build it in the worker through the trainer client, train, step, stop, rebuild. Which run
 * is built (the document and the plan the worker's models came from) is kept here; the doctor, the
 * explorer, export and the dock ask `builtRun()` instead of compiling again. Also keeps training in step
 * with the document: a graph or dataset edit stops training (the built models no longer match), a
 * hyperparameter edit is applied while paused.
 */
import { compileGraph, type GanPlan } from '../core/compile/plan';
import { datasetInfo } from '../core/datasets';
import { MNIST_BIN_PATH } from '../core/data/mnist';
import type { Doc } from '../state/document';
import { useEditor } from '../state/store';
import { trainer } from '../trainer/client';
import { notify, useTraining } from '../trainer/store';

/** The document the running models were built from, and the plan compiled from it. */
let built: { doc: Doc; plan: GanPlan } | undefined;

/** The run the worker's models were built for, while the worker has them. */
export function builtRun(): { doc: Doc; plan: GanPlan } | undefined {
  return built && trainer.plan === built.plan ? built : undefined;
}

/** Compiles the current graph and builds it in a fresh worker; false (with a notice) when the graph has errors. */
export async function build(then: 'pause' | 'start' = 'pause'): Promise<boolean> {
  const doc = useEditor.getState().doc;
  const res = compileGraph(doc.graph, datasetInfo(doc.dataset), doc.training);
  if (!res.ok) {
    const errors = res.problems.filter((p) => p.severity === 'error');
    notify(
      'error',
      `Fix the graph first: ${errors
        .slice(0, 2)
        .map((p) => p.message)
        .join('; ')}${errors.length > 2 ? ` (+${errors.length - 2} more)` : ''}`,
    );
    return false;
  }
  built = { doc, plan: res.plan };
  const mnistUrl = new URL(MNIST_BIN_PATH, document.baseURI).href;
  try {
    // An imported dataset is read from this browser's storage by the worker itself (by the spec's hash).
    await trainer.init(res.plan, { spec: doc.dataset, mnistUrl, stored: doc.dataset.kind === 'custom' }, then);
    return true;
  } catch {
    built = undefined;
    return false;
  }
}

const needsBuild = () => {
  const s = useTraining.getState();
  return !built || s.stale || s.status === 'idle' || s.status === 'stopped' || s.status === 'error';
};

export async function train(): Promise<void> {
  // A fresh build trains on by itself (and stays paused on a fault in its first step).
  if (needsBuild()) await build('start');
  else await trainer.start();
}

export async function stepOnce(): Promise<void> {
  if (needsBuild() && !(await build())) return;
  await trainer.step();
}

const PHASES = ['dReal', 'dFake', 'g'] as const;
/** Step-by-step mode: the next of the three phases of a step. */
export async function nextPhase(): Promise<void> {
  if (needsBuild() && !(await build())) return;
  const cur = useTraining.getState().phase;
  const next = PHASES[(cur ? PHASES.indexOf(cur) + 1 : 0) % PHASES.length];
  await trainer.phase(next);
}

export async function stop(): Promise<void> {
  built = undefined;
  await trainer.stop();
}

/** Rebuild with the current options (e.g. another backend), keeping nothing of the old run. */
export async function rebuild(): Promise<void> {
  const running = useTraining.getState().status === 'running';
  await trainer.stop();
  if (await build()) {
    if (running) await trainer.start();
  }
}

/** Watches the document; returns the unsubscribe function. */
export function followDocument(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (!built || s.doc === prev.doc) return;
    const t = useTraining.getState();
    if (t.status === 'idle' || t.status === 'stopped' || t.status === 'initializing') return;
    if (s.doc.graph !== built.doc.graph || s.doc.dataset !== built.doc.dataset) {
      built = undefined;
      useTraining.setState({ stale: true });
      void trainer.stop().then(() => useTraining.setState({ stale: true }));
      notify(
        'warning',
        'The graph changed, so training stopped. Press Train to compile the new graph and start again.',
      );
    } else if (s.doc.training !== built.doc.training) {
      built = { ...built, doc: s.doc };
      void applyTraining(s.doc.training);
    }
  });
}

/** Hyperparameters go to the worker while paused: pause, apply, resume. */
async function applyTraining(cfg: Doc['training']): Promise<void> {
  const wasRunning = useTraining.getState().status === 'running';
  if (wasRunning) await trainer.pause();
  if (await trainer.configure(cfg)) notify('info', 'New hyperparameters applied');
  if (wasRunning) await trainer.start();
}
