import { poolingBlock } from './shared/pool';

export const maxPooling2d = poolingBlock(
  'maxPooling2d',
  'MaxPooling2D',
  'maxPooling2d',
  'Keeps the largest value of each pool×pool window.',
);
