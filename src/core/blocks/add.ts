import { elementwiseBlock } from './shared/elementwise';

export const add = elementwiseBlock('add', 'Add', 'add', 'Adds its inputs element by element (residual connections).');
