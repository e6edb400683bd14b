export * from './batches';
export * from './latents';
export * from './arithmetic';
export type { ExploreResult } from './generate';
