export * from './batches';
export * from './latents';
export type { ExploreResult } from './generate';
