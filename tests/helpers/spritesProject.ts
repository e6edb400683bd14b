/** A small dense InfoGAN for 32×32 RGB (4 categories, 2 continuous codes), as a project file: quick to train in tests. */
export function infoganSprites32(dataset: Record<string, unknown> = { kind: 'sprites32', scale: 'tanh', count: 300 }) {
  const nodes: Record<string, unknown>[] = [];
  const edges: { source: string; target: string; targetPort: string }[] = [];
  const node = (
    id: string,
    type: string,
    network: string,
    params: Record<string, unknown> = {},
    from: string[] = [],
    port = 'x',
  ) => {
    nodes.push({
      id,
      type,
      network,
      params,
      position: { x: nodes.length * 200, y: network === 'generator' ? 0 : 400 },
    });
    for (const s of from) edges.push({ source: s, target: id, targetPort: port });
  };
  node('z', 'latentNoise', 'generator', { size: 16, distribution: 'uniform' });
  node('c_cat', 'categoricalCode', 'generator', { categories: 4 });
  node('c_cont', 'continuousCode', 'generator', { count: 2 });
  node('g_concat', 'concatenate', 'generator', {}, ['z', 'c_cat', 'c_cont']);
  node('g_fc', 'dense', 'generator', { units: 64, activation: 'relu' }, ['g_concat']);
  node('g_px', 'dense', 'generator', { units: 32 * 32 * 3, activation: 'tanh' }, ['g_fc']);
  node('g_img', 'reshape', 'generator', { targetShape: [32, 32, 3] }, ['g_px']);
  node('g_out', 'generatorOutput', 'generator', {}, ['g_img']);
  node('d_input', 'realData', 'discriminator');
  node('d_flat', 'flatten', 'discriminator', {}, ['d_input']);
  node('d_fc', 'dense', 'discriminator', { units: 64 }, ['d_flat']);
  node('d_lrelu', 'activation', 'discriminator', { fn: 'leakyRelu', alpha: 0.2 }, ['d_fc']);
  node('d_logit', 'dense', 'discriminator', { units: 1 }, ['d_lrelu']);
  node('d_head', 'realFakeHead', 'discriminator', { output: 'logit' }, ['d_logit']);
  node('q_cat', 'dense', 'discriminator', { units: 4 }, ['d_lrelu']);
  node('q_cont', 'dense', 'discriminator', { units: 2 }, ['d_lrelu']);
  node('q_head', 'qCodesHead', 'discriminator', {}, ['q_cat'], 'categorical');
  edges.push({ source: 'q_cont', target: 'q_head', targetPort: 'continuous' });
  const adam = { type: 'adam', learningRate: 0.0005, beta1: 0.5, beta2: 0.999 };
  return {
    format: 'ganvas',
    version: 1,
    name: 'InfoGAN sprites 32 (test)',
    description: 'A small dense InfoGAN on the colour sprites.',
    graph: { nodes, edges },
    training: {
      loss: 'nsgan',
      batchSize: 8,
      dSteps: 1,
      realLabel: 1,
      gpWeight: 10,
      infoLambda: 1,
      auxWeight: 1,
      seed: 42,
      generator: adam,
      discriminator: adam,
    },
    dataset,
  };
}
