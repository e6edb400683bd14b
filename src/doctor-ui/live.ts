/**
 * Runs the GAN doctor on the main thread over the training store (loss history, per-layer gradient
 * norms, the probe's per-node statistics and, for image data, the worker's quality reports: classes and pixel
 * diversity) at most every TICK_MS, and — for 2-D toy data — measures G's fixed batch every
 * SAMPLE_EVERY steps through the worker's sample() (512 points: sub-millisecond for these MLPs).
 */
import { compileGraph } from '../core/compile/plan';
import { datasetInfo, getDatasetKind } from '../core/datasets';
import { sampleToy, type Toy2d } from '../core/data/toy2d';
import { contextOf, diagnose } from '../core/doctor/doctor';
import { diversityRatio, type SamplePoint } from '../core/doctor/samples';
import { toy2dQuality } from '../core/quality/toy2d';
import { useEditor } from '../state/store';
import { trainer } from '../trainer/client';
import { useTraining, type TrainingState } from '../trainer/store';
import { byNodeOf, emptyDoctor, useDoctor } from './doctorStore';
import { classPoints, historyRows, imageDiversityPoints, labelPoints, layerSeries } from './inputs';

// Every second / 250 steps: at 400 ms / 100 steps the page saw 20 long tasks in 30 s of ring training, none now.
export const TICK_MS = 1000;
export const SAMPLE_EVERY = 250;

interface Run {
  summary: TrainingState['summary'];
  ctx: ReturnType<typeof contextOf>;
  toy?: { real: Float32Array; reference: Float32Array; modes: Toy2d };
  sampledAt: number;
  sampling: boolean;
}

/** The doctor's view of the run the worker was built for (compiled once per run from the document). */
function newRun(summary: TrainingState['summary']): Run | undefined {
  const doc = useEditor.getState().doc;
  const res = compileGraph(doc.graph, datasetInfo(doc.dataset), doc.training);
  if (!res.ok) return undefined;
  const modes = getDatasetKind(doc.dataset.kind).modes?.(doc.dataset);
  const toy = modes && { modes, real: sampleToy(modes, 512, 1).values, reference: sampleToy(modes, 5000, 2).values };
  return { summary, ctx: contextOf(res.plan), toy, sampledAt: 0, sampling: false };
}

async function measureSamples(run: Run, step: number): Promise<void> {
  run.sampling = true;
  try {
    const r = await trainer.sample(512, 99);
    if (!r || !run.toy) return;
    const q = toy2dQuality(r.values, run.toy.reference, run.toy.modes);
    const p: SamplePoint = { step, diversity: diversityRatio(r.values, run.toy.real, 2), modesCovered: q.modesCovered, modes: q.modes, highQuality: q.highQuality };
    useDoctor.setState((s) => ({ samples: [...s.samples, p].slice(-200) }));
  } catch { /* the worker restarted or the run ended: the next tick tries again */ } finally {
    run.sampling = false;
    run.sampledAt = step;
  }
}

export function startDoctor(): () => void {
  let run: Run | undefined;
  let seen = '';
  const tick = () => {
    const t = useTraining.getState();
    if (!t.summary || t.status === 'initializing') {
      if (run) { run = undefined; useDoctor.setState(emptyDoctor()); }
      return;
    }
    if (!run || run.summary !== t.summary) {
      run = newRun(t.summary);
      useDoctor.setState(emptyDoctor());
      seen = '';
      if (!run) return;
    }
    if (run.toy && !run.sampling && t.step - run.sampledAt >= SAMPLE_EVERY) void measureSamples(run, t.step);
    const d = useDoctor.getState();
    const key = `${t.historyVersion}/${t.tileStep}/${d.samples.length}/${t.quality.step.length}`;
    if (key === seen) return;
    seen = key;
    // The loss can be changed while paused (applied without a rebuild): read it from the document.
    const ctx = { ...run.ctx, loss: useEditor.getState().doc.training.loss };
    const findings = diagnose({
      history: historyRows(t.history), samples: d.samples, layers: layerSeries(t, run.ctx.expectedSaturation),
      classes: classPoints(t.quality), imageDiversity: imageDiversityPoints(t.quality), labels: labelPoints(t.quality), layerGradNorms: t.gradNormHistory,
    }, ctx);
    useDoctor.setState({ findings, byNode: byNodeOf(findings), step: t.step });
  };
  const id = setInterval(tick, TICK_MS);
  return () => clearInterval(id);
}
