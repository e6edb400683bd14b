/** The bundled templates (templates/*.json), parsed with the same reader as user files. */
import dcgan from '../../../templates/dcgan-mnist.json';
import dcganSmall from '../../../templates/dcgan-mnist-small.json';
import dcganTutorial from '../../../templates/dcgan-tf-tutorial.json';
import infogan from '../../../templates/infogan-mnist.json';
import acgan from '../../../templates/acgan-mnist.json';
import acganTfjsExamples from '../../../templates/acgan-tfjs-examples.json';
import vanilla from '../../../templates/vanilla-gan-mnist.json';
import cgan from '../../../templates/cgan-mnist.json';
import cganMlp from '../../../templates/cgan-mlp-mnist.json';
import wgangp from '../../../templates/wgan-gp-mnist.json';
import lsgan from '../../../templates/lsgan-mnist.json';
import ring from '../../../templates/gan-2d-ring.json';
import dcganRgb64 from '../../../templates/dcgan-sprites64.json';
import dcganRgb32 from '../../../templates/dcgan-sprites32.json';
import { parseProject } from './schema';
import { datasetInfo } from '../datasets';
import type { Project } from './types';

const RAW: Record<string, unknown> = {
  'dcgan-mnist': dcgan,
  'dcgan-mnist-small': dcganSmall,
  'infogan-mnist': infogan,
  'acgan-mnist': acgan,
  'vanilla-gan-mnist': vanilla,
  'cgan-mnist': cgan,
  'wgan-gp-mnist': wgangp,
  'lsgan-mnist': lsgan,
  'gan-2d-ring': ring,
  'dcgan-tf-tutorial': dcganTutorial,
  'acgan-tfjs-examples': acganTfjsExamples,
  'cgan-mlp-mnist': cganMlp,
  'dcgan-sprites32': dcganRgb32,
  'dcgan-sprites64': dcganRgb64,
};

export const TEMPLATE_IDS = Object.keys(RAW);
export const DEFAULT_TEMPLATE = 'dcgan-mnist';

export function loadTemplate(id: string): Project {
  const raw = RAW[id];
  if (!raw) throw new Error(`no template named '${id}' (have: ${TEMPLATE_IDS.join(', ')})`);
  return parseProject(structuredClone(raw));
}

let shapes: { shape: string; name: string }[] | undefined;
/** The name of the first template made for data of this shape (e.g. the colour DCGANs for 32×32 and 64×64 RGB), if any. */
export function templateForShape(shape: readonly number[]): string | undefined {
  shapes ??= TEMPLATE_IDS.map((id) => {
    const p = loadTemplate(id);
    return { shape: datasetInfo(p.dataset).shape.join('x'), name: p.name };
  });
  return shapes.find((s) => s.shape === shape.join('x'))?.name;
}

export function templateList(): { id: string; name: string; description: string }[] {
  return TEMPLATE_IDS.map((id) => {
    const p = loadTemplate(id);
    return { id, name: p.name, description: p.description };
  });
}
