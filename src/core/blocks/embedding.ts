import { defineBlock, expectRank, one } from './defineBlock';
import { int } from './params';

export const embedding = defineBlock({
  type: 'embedding',
  label: 'Embedding',
  category: 'core',
  description: 'Looks up a learned vector for each integer index (e.g. a class label -> 100 numbers).',
  params: { inputDim: int(10, { min: 1, label: 'vocabulary' }), outputDim: int(100, { min: 1, label: 'vector size' }) },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const [len] = expectRank(one(i), 1, '[batch, length] of integer indices (a class label with index encoding)');
    return [len, p.outputDim];
  },
  paramCount: (_i, p) => p.inputDim * p.outputDim,
  layer: { fn: 'embedding', args: (p, name) => ({ name, inputDim: p.inputDim, outputDim: p.outputDim }) },
  torch: {
    module: ({ p }) => `nn.Embedding(${p.inputDim}, ${p.outputDim})`,
    // Indices arrive as floats (a class label with index encoding); tfjs casts them to int32 (truncating), as .long() does.
    forward: ({ inputs: [x], self }) => `${self}(${x.expr}.long())`,
    weights: ({ p }) => [{ tfjs: 'embeddings', torch: 'weight', shape: [p.inputDim, p.outputDim], init: 'uniform' }],
  },
  summary: (p) => `${p.inputDim} -> ${p.outputDim}`,
});
