/**
 * The block registry: the one place that lists every block. Adding a block = one file + one line here.
 */
import type { BlockDef, Category } from './defineBlock';
import { latentNoise } from './latentNoise';
import { categoricalCode } from './categoricalCode';
import { continuousCode } from './continuousCode';
import { classLabel } from './classLabel';
import { realData } from './realData';
import { generatorOutput } from './generatorOutput';
import { realFakeHead } from './realFakeHead';
import { auxClassHead } from './auxClassHead';
import { qCodesHead } from './qCodesHead';
import { dense } from './dense';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2dTranspose';
import { batchNormalization } from './batchNormalization';
import { layerNormalization } from './layerNormalization';
import { dropout } from './dropout';
import { activation } from './activation';
import { reshape } from './reshape';
import { flatten } from './flatten';
import { upSampling2d } from './upSampling2d';
import { maxPooling2d } from './maxPooling2d';
import { averagePooling2d } from './averagePooling2d';
import { zeroPadding2d } from './zeroPadding2d';
import { concatenate } from './concatenate';
import { add } from './add';
import { multiply } from './multiply';
import { embedding } from './embedding';
import { gaussianNoise } from './gaussianNoise';

export const BLOCKS: readonly BlockDef[] = [
  latentNoise,
  categoricalCode,
  continuousCode,
  classLabel,
  realData,
  generatorOutput,
  realFakeHead,
  auxClassHead,
  qCodesHead,
  dense,
  conv2d,
  conv2dTranspose,
  batchNormalization,
  layerNormalization,
  dropout,
  activation,
  reshape,
  flatten,
  upSampling2d,
  maxPooling2d,
  averagePooling2d,
  zeroPadding2d,
  concatenate,
  add,
  multiply,
  embedding,
  gaussianNoise,
];

const byType = new Map(BLOCKS.map((b) => [b.type, b]));

export function getBlock(type: string): BlockDef {
  const b = byType.get(type);
  if (!b) throw new Error(`unknown block type '${type}'`);
  return b;
}
export const hasBlock = (type: string): boolean => byType.has(type);

export const CATEGORY_ORDER: readonly Category[] = [
  'inputs',
  'core',
  'convolution',
  'normalization',
  'activation',
  'reshape',
  'pooling',
  'merge',
  'regularization',
  'heads',
];
export const CATEGORY_LABELS: Record<Category, string> = {
  inputs: 'Inputs',
  heads: 'Outputs & heads',
  core: 'Core',
  convolution: 'Convolution',
  normalization: 'Normalization',
  activation: 'Activation',
  reshape: 'Reshape',
  pooling: 'Pooling',
  merge: 'Merge',
  regularization: 'Regularization',
};

export * from './defineBlock';
export * from './params';
