import { decodeMnist, mnistDataset } from '../data/mnist';
import { defineDataset } from './defineDataset';
import { list, wholeNumber } from './fields';

export const MNIST_SHAPE = [28, 28, 1];

export const mnist = defineDataset({
  id: 'mnist',
  label: 'MNIST (10,000 digits)',
  builtIn: true,
  referenceClassifier: true,
  description:
    '10,000 real handwritten digits (28×28, grey, labelled 0–9), bundled with Ganvas; optionally only some digits.',
  example: { kind: 'mnist', scale: 'tanh', digits: [0, 1] },
  fields: ['digits'],
  parseFields: (o, path) =>
    o.digits === undefined
      ? {}
      : { digits: list(o.digits, `${path}.digits`).map((d, i) => wholeNumber(d, `${path}.digits[${i}]`, 0, 9)) },
  info: () => ({ shape: [...MNIST_SHAPE], numClasses: 10 }),
  load: async (spec, sources) => {
    if (!sources.mnistBytes) throw new Error('MNIST data is not available here');
    return mnistDataset(decodeMnist(await sources.mnistBytes()), spec.scale, spec.digits);
  },
  pytorchFiles: { 'data/mnist-10k.bin': 'mnistBytes' },
  pytorch: (spec) =>
    [
      '    # The 10,000 MNIST digits bundled with Ganvas (its public/data/mnist-10k.bin, copied to data/ by the export).',
      `    return read_gnvm(MNIST_FILE, digits=${spec.digits?.length ? `(${spec.digits.map(Number).join(', ')},)` : 'None'})`,
    ].join('\n'),
});
