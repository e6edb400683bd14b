export * from './types';
export * from './settings';
export { parseTraining } from './parse';
export { OPTIMIZERS, OPTIMIZER_IDS, getOptimizer, type OptimizerDef } from './optimizers';
