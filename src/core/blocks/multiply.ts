import { elementwiseBlock } from './shared/elementwise';

export const multiply = elementwiseBlock(
  'multiply',
  'Multiply',
  'multiply',
  'Multiplies its inputs element by element (e.g. AC-GAN: noise × class embedding).',
);
