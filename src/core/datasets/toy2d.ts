import { toyDataset, toyModes, type Toy2dKind } from '../data/toy2d';
import { defineDataset, type DatasetKindDef } from './defineDataset';

/** The PyTorch project's loader of a 2-D toy set: the same modes and spread, numpy's random draws (10,000 samples). */
export const toyPython = ({ modes, std }: { modes: [number, number][]; std: number }): string =>
  [
    `    # ${modes.length} Gaussian modes with standard deviation ${std} (as Ganvas's core/data/toy2d.ts), 10,000 samples.`,
    `    return toy_points((${modes.map(([x, y]) => `(${Number(x)}, ${Number(y)})`).join(', ')},), ${Number(std)}), None`,
  ].join('\n');

/** The 2-D toy distributions share everything but their modes (core/data/toy2d.ts). */
function toyKind(id: Exclude<Toy2dKind, 'points'>, label: string, description: string): DatasetKindDef {
  return defineDataset({
    id,
    label,
    description,
    builtIn: true,
    example: { kind: id, scale: 'tanh' },
    fields: [],
    parseFields: () => ({}),
    info: () => ({ shape: [2], numClasses: 0 }),
    load: async () => toyDataset(id),
    modes: () => toyModes(id),
    pytorch: () => toyPython(toyModes(id)),
  });
}

export const ring8 = toyKind(
  'ring8',
  'Ring of 8 Gaussians',
  'Eight tight Gaussians on a circle of radius 2 (σ 0.02): the classic mode-collapse test.',
);
export const grid25 = toyKind(
  'grid25',
  'Grid of 25 Gaussians',
  'A 5×5 grid of Gaussians (spacing 2, σ 0.05): harder to cover than the ring.',
);
export const spiral = toyKind('spiral', 'Spiral', 'Points along a spiral arm: a thin, curved distribution.');
