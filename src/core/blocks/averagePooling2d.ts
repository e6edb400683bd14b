import { poolingBlock } from './shared/pool';

export const averagePooling2d = poolingBlock(
  'averagePooling2d',
  'AveragePooling2D',
  'averagePooling2d',
  'Averages each pool×pool window.',
);
