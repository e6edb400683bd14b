/**
 * Runs the GAN doctor on the main thread over the training store (loss history, per-layer gradient
 * norms, the probe's per-node statistics and, for image data, the worker's quality reports: classes and pixel
 * diversity) at most every TICK_MS, and — for 2-D toy data — measures G's fixed batch every
 * SAMPLE_EVERY steps through the worker's sample() (512 points: sub-millisecond for these MLPs).
 */
import { getDatasetKind } from '../core/datasets';
import { sampleToy, type Toy2d } from '../core/data/toy2d';
import { contextOf, diagnose, settingsContext } from '../core/doctor/doctor';
import { diversityRatio, type SamplePoint } from '../core/doctor/samples';
import { toy2dQuality } from '../core/quality/toy2d';
import { run } from '../run';
import { useTraining, type TrainingState } from '../trainer/store';
import { useGanvas } from '../state/store';
import { byNodeOf, emptyDoctor } from './doctorSlice';
import { classPoints, imageDiversityPoints, labelPoints, layerSeries } from './inputs';

// Every second / 250 steps: at 400 ms / 100 steps the page saw 20 long tasks in 30 s of ring training, none now.
export const TICK_MS = 1000;
export const SAMPLE_EVERY = 250;

interface DoctorRun {
  summary: TrainingState['summary'];
  ctx: ReturnType<typeof contextOf>;
  toy?: { real: Float32Array; reference: Float32Array; modes: Toy2d };
  sampledAt: number;
  sampling: boolean;
}

/** The doctor's view of the run the worker was built for (the run controller's plan; nothing is compiled again). */
function newRun(summary: TrainingState['summary']): DoctorRun | undefined {
  const built = run.built();
  if (!built) return undefined;
  const { doc, plan } = built;
  const modes = getDatasetKind(doc.dataset.kind).modes?.(doc.dataset);
  const toy = modes && { modes, real: sampleToy(modes, 512, 1).values, reference: sampleToy(modes, 5000, 2).values };
  return { summary, ctx: contextOf(plan), toy, sampledAt: 0, sampling: false };
}

async function measureSamples(dr: DoctorRun, step: number): Promise<void> {
  dr.sampling = true;
  try {
    const r = await run.sample(512, 99);
    if (!r || !dr.toy) return;
    const q = toy2dQuality(r.values, dr.toy.reference, dr.toy.modes);
    const p: SamplePoint = {
      step,
      diversity: diversityRatio(r.values, dr.toy.real, 2),
      modesCovered: q.modesCovered,
      modes: q.modes,
      highQuality: q.highQuality,
    };
    useGanvas.setState((s) => ({ doctor: { ...s.doctor, samples: [...s.doctor.samples, p].slice(-200) } }));
  } catch {
    /* the worker restarted or the run ended: the next tick tries again */
  } finally {
    dr.sampling = false;
    dr.sampledAt = step;
  }
}

export function startDoctor(): () => void {
  let current: DoctorRun | undefined;
  let seen = '';
  const tick = () => {
    const t = useTraining.getState();
    if (!t.summary || t.status === 'initializing') {
      if (current) {
        current = undefined;
        useGanvas.setState({ doctor: emptyDoctor() });
      }
      return;
    }
    if (!current || current.summary !== t.summary) {
      current = newRun(t.summary);
      useGanvas.setState({ doctor: emptyDoctor() });
      seen = '';
      if (!current) return;
    }
    if (current.toy && !current.sampling && t.step - current.sampledAt >= SAMPLE_EVERY)
      void measureSamples(current, t.step);
    const d = useGanvas.getState().doctor;
    const key = `${t.historyVersion}/${t.tileStep}/${d.samples.length}/${t.quality.step.length}`;
    if (key === seen) return;
    seen = key;
    // Settings can be changed while paused (applied without a rebuild): the run's document has the ones in use.
    const used = run.built()?.doc.training;
    const ctx = used ? { ...current.ctx, ...settingsContext(used) } : current.ctx;
    const findings = diagnose(
      {
        history: t.history,
        samples: d.samples,
        layers: layerSeries(t, current.ctx.expectedSaturation),
        classes: classPoints(t.quality),
        imageDiversity: imageDiversityPoints(t.quality),
        labels: labelPoints(t.quality),
        layerGradNorms: t.gradNormHistory,
      },
      ctx,
    );
    useGanvas.setState((s) => ({ doctor: { ...s.doctor, findings, byNode: byNodeOf(findings), step: t.step } }));
  };
  const id = setInterval(tick, TICK_MS);
  return () => clearInterval(id);
}
