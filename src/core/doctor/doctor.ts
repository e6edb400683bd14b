/** The GAN doctor: every rule over what a run has measured so far, most severe findings first. */
import type { GanPlan } from '../compile/plan';
import type { StepMetrics } from '../train/metrics';
import type { LayerGradNormPoint } from '../train/layerGradNorms';
import { bySeverity, type DoctorContext, type Finding } from './finding';
import { diagnoseLayers, type LayerSeries } from './layers';
import { diagnoseOscillation } from './oscillation';
import { diagnoseHistory } from './rules';
import { diagnoseSamples, type SamplePoint } from './samples';
import { diagnoseClasses, type ClassPoint } from './classes';
import { diagnoseImageDiversity, type ImageDiversityPoint } from './imageDiversity';
import { diagnoseLabels, type LabelPoint } from './labels';

export interface DoctorInput {
  history: readonly StepMetrics[];
  samples?: readonly SamplePoint[];
  layers?: readonly LayerSeries[];
  /** Labelled image data: classes the reference classifier finds among G's samples. */
  classes?: readonly ClassPoint[];
  /** Image data: G's pixel diversity relative to real images'. */
  imageDiversity?: readonly ImageDiversityPoint[];
  /** Conditional G on the bundled MNIST: how often the classifier sees the class G was asked for. */
  labels?: readonly LabelPoint[];
  /** Per-layer gradient norms (every 10 steps): the gradient findings then name the layers involved. */
  layerGradNorms?: readonly LayerGradNormPoint[];
}

export function diagnose(input: DoctorInput, ctx: DoctorContext): Finding[] {
  return [
    ...diagnoseHistory(input.history, ctx, input.layerGradNorms),
    ...diagnoseOscillation(input.history, ctx),
    ...diagnoseSamples(input.samples ?? [], ctx),
    ...diagnoseClasses(input.classes ?? [], ctx),
    ...diagnoseImageDiversity(input.imageDiversity ?? [], ctx),
    ...diagnoseLabels(input.labels ?? [], ctx),
    ...diagnoseLayers(input.layers ?? []),
  ].sort(bySeverity);
}

/** What the rules read of the training settings (the app passes the ones in use after a change while paused). */
export const settingsContext = (t: GanPlan['training']): Pick<DoctorContext, 'loss' | 'realLabel' | 'dSteps'> => ({
  loss: t.loss,
  realLabel: t.realLabel,
  dSteps: t.dSteps,
});

/**
 * The nodes the doctor points at, from the plan: D's real/fake head, G's output and each network's layers;
 * and the nodes whose saturation is expected (those heads and the layers that feed them), which the layer
 * rule leaves out.
 */
export function contextOf(plan: GanPlan): DoctorContext & { expectedSaturation: string[] } {
  const g = plan.generator.outputs.find((o) => o.role === 'generated');
  const d = plan.discriminator.outputs.find((o) => o.role === 'realFake');
  return {
    ...settingsContext(plan.training),
    discriminatorHead: d?.head,
    generatorOutput: g?.head,
    generatorLabel: plan.generator.inputs.find((i) => i.role === 'label')?.id,
    layers: {
      generator: plan.generator.layers.map((l) => l.id),
      discriminator: plan.discriminator.layers.map((l) => l.id),
    },
    expectedSaturation: [...plan.generator.outputs, ...plan.discriminator.outputs].flatMap((o) => [o.head, o.source]),
  };
}
