import { defineBlock, one } from './defineBlock';
import { float } from './params';
import { py } from './shared/torch';

export const dropout = defineBlock({
  type: 'dropout',
  label: 'Dropout',
  category: 'regularization',
  description:
    'While training, zeroes a random fraction of values (and rescales the rest); does nothing when sampling.',
  params: { rate: float(0.3, { min: 0, max: 0.99, step: 0.05 }) },
  inputs: [{ name: 'x' }],
  inferShape: (i) => one(i),
  layer: { fn: 'dropout', args: (p, name) => ({ name, rate: p.rate }) },
  // Inverted dropout in both engines (kept values scaled by 1 / (1 - rate)); off outside training.
  torch: { forward: ({ p, inputs: [x] }) => `F.dropout(${x.expr}, ${py(p.rate)}, self.training)` },
  summary: (p) => `rate ${p.rate}`,
});
