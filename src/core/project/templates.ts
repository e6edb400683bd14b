/** The bundled templates (templates/*.json), parsed with the same reader as user files. */
import dcgan from '../../../templates/dcgan-mnist.json';
import dcganTutorial from '../../../templates/dcgan-tf-tutorial.json';
import infogan from '../../../templates/infogan-mnist.json';
import acgan from '../../../templates/acgan-mnist.json';
import vanilla from '../../../templates/vanilla-gan-mnist.json';
import cgan from '../../../templates/cgan-mnist.json';
import wgangp from '../../../templates/wgan-gp-mnist.json';
import lsgan from '../../../templates/lsgan-mnist.json';
import ring from '../../../templates/gan-2d-ring.json';
import { parseProject } from './schema';
import type { Project } from './types';

const RAW: Record<string, unknown> = {
  'dcgan-mnist': dcgan, 'infogan-mnist': infogan, 'acgan-mnist': acgan, 'vanilla-gan-mnist': vanilla,
  'cgan-mnist': cgan, 'wgan-gp-mnist': wgangp, 'lsgan-mnist': lsgan, 'gan-2d-ring': ring, 'dcgan-tf-tutorial': dcganTutorial,
};

export const TEMPLATE_IDS = Object.keys(RAW);
export const DEFAULT_TEMPLATE = 'dcgan-mnist';

export function loadTemplate(id: string): Project {
  const raw = RAW[id];
  if (!raw) throw new Error(`no template named '${id}' (have: ${TEMPLATE_IDS.join(', ')})`);
  return parseProject(structuredClone(raw));
}

export function templateList(): { id: string; name: string; description: string }[] {
  return TEMPLATE_IDS.map((id) => {
    const p = loadTemplate(id);
    return { id, name: p.name, description: p.description };
  });
}
