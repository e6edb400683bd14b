/**
 * The shipped classifier weights (classifier-weights.json, ~140 KB, written by
 * `npm run train-classifier`), loaded on demand so the app's main bundle and runs without metrics
 * never carry them.
 */
import type { ClassifierFile } from './quantize';

export async function loadShippedClassifier(): Promise<ClassifierFile> {
  return (await import('./classifier-weights.json')).default as unknown as ClassifierFile;
}
