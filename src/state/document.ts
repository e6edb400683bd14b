/**
 * The document: everything in a project file except the viewport. This is the only part of the
 * editor state that undo/redo tracks (selection and viewport are not undoable, as in every editor).
 */
import { loadTemplate, DEFAULT_TEMPLATE } from '../core/project/templates';
import { PROJECT_VERSION, type Project, type Viewport } from '../core/project/types';

export type Doc = Omit<Project, 'viewport'>;

export function docOf(p: Project): Doc {
  const { viewport: _viewport, ...doc } = p;
  return doc;
}

export function projectOf(doc: Doc, viewport?: Viewport): Project {
  return { ...doc, format: 'ganvas', version: PROJECT_VERSION, ...(viewport ? { viewport } : {}) };
}

export const defaultDoc = (): Doc => docOf(loadTemplate(DEFAULT_TEMPLATE));

/** A blank project: the fixed points of a GAN (noise, fake output, real input, real/fake head) and nothing between. */
export function blankDoc(): Doc {
  const base = defaultDoc();
  return {
    ...base,
    name: 'Untitled GAN',
    description: '',
    graph: {
      nodes: [
        {
          id: 'z',
          type: 'latentNoise',
          network: 'generator',
          params: { size: 100, distribution: 'normal' },
          position: { x: 0, y: 0 },
        },
        { id: 'g_out', type: 'generatorOutput', network: 'generator', params: {}, position: { x: 460, y: 0 } },
        { id: 'd_input', type: 'realData', network: 'discriminator', params: {}, position: { x: 0, y: 400 } },
        {
          id: 'd_head',
          type: 'realFakeHead',
          network: 'discriminator',
          params: { output: 'logit' },
          position: { x: 460, y: 400 },
        },
      ],
      edges: [],
    },
  };
}
