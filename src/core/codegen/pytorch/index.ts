/**
 * GanPlan -> a standalone PyTorch project (file name -> text): model.py, layers.py, losses.py, step.py,
 * train.py, data.py, tfjs_weights.py, tfjs_random.py, outputs.py, requirements.txt, README.md, and the JSON the run
 * writes beside its weights (plan.json, project.json, tfjs_topology.json). Pure and deterministic:
 * the same plan and project give the same text. The project imports nothing of Ganvas.
 */
import type { GanPlan } from '../../compile/plan';
import { getDatasetKind, type DataSources } from '../../datasets';
import { serializeProject } from '../../project/schema';
import type { Project } from '../../project/types';
import { emitDataPy } from './data';
import { emitLayersPy, emitModelPy } from './model';
import { OUTPUTS_PY } from './py/outputs';
import { TFJS_RANDOM_PY } from './py/tfjsRandom';
import { TFJS_WEIGHTS_PY } from './py/tfjsWeights';
import { emitReadme, REQUIREMENTS } from './readme';
import { emitLossesPy, emitStepPy } from './step';
import { kerasTopology } from './topology';
import { emitTrainPy } from './train';

export { PytorchExportError } from './model';

export type ProjectFiles = Record<string, string>;

export function pytorchProject(plan: GanPlan, project: Project): ProjectFiles {
  const model = emitModelPy(plan, project.name);
  return {
    'README.md': emitReadme(plan, project),
    'requirements.txt': REQUIREMENTS,
    'model.py': model.modelPy,
    'layers.py': emitLayersPy(model.helpers),
    'losses.py': emitLossesPy(plan),
    'step.py': emitStepPy(plan),
    'train.py': emitTrainPy(plan, project),
    'data.py': emitDataPy(project.dataset),
    'tfjs_weights.py': TFJS_WEIGHTS_PY,
    'tfjs_random.py': TFJS_RANDOM_PY,
    'outputs.py': OUTPUTS_PY,
    'plan.json': `${JSON.stringify(plan, null, 2)}\n`,
    'project.json': serializeProject(project),
    'tfjs_topology.json': `${JSON.stringify({
      generator: kerasTopology(plan.generator, 'generator'),
      discriminator: kerasTopology(plan.discriminator, 'discriminator'),
    })}\n`,
  };
}

/** Files the project needs beside its code (e.g. the bundled MNIST): path -> the data source that gives the bytes. */
export function pytorchDataFiles(project: Project): Readonly<Record<string, keyof DataSources>> {
  return getDatasetKind(project.dataset.kind).pytorchFiles ?? {};
}
