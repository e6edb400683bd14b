/**
 * The Keras model topology of a compiled network, as tfjs's `model.toJSON()` writes it into model.json,
 * derived from the plan and each block's tfjs layer (factory name + config). A PyTorch run writes it
 * next to its weights, so `tf.loadLayersModel` (and `npm run sample`) open the run like one of tfjs.
 */
import { getBlock } from '../../blocks';
import type { NetPlan } from '../../compile/plan';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** tfjs's class name of a layers factory: conv2dTranspose -> Conv2DTranspose, leakyReLU -> LeakyReLU. */
export const kerasClassName = (factory: string): string =>
  factory[0].toUpperCase() + factory.slice(1).replace(/2d/g, '2D');
/** Keras config keys are snake_case (tfjs converts them back to camelCase when it loads). */
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function kerasTopology(net: NetPlan, modelName: string): Json {
  const inputs = net.inputs.map((i) => ({
    name: i.id,
    class_name: 'InputLayer',
    config: { batch_input_shape: [null, ...i.shape], dtype: 'float32', sparse: false, name: i.id },
    inbound_nodes: [],
  }));
  const layers = net.layers.map((l) => {
    const layer = getBlock(l.type).layer!;
    const fn = typeof layer.fn === 'function' ? layer.fn(l.params) : layer.fn;
    const config: Record<string, Json> = {};
    for (const [k, v] of Object.entries(layer.args(l.params, l.id))) if (v !== undefined) config[snake(k)] = v as Json;
    config.trainable = true;
    return {
      name: l.id,
      class_name: kerasClassName(fn),
      config,
      inbound_nodes: [l.inputs.flatMap((p) => p.sources.map((s) => [s, 0, 0, {}] as Json))],
    };
  });
  return {
    class_name: 'Model',
    config: {
      name: modelName,
      layers: [...inputs, ...layers],
      input_layers: net.inputs.map((i) => [i.id, 0, 0]),
      output_layers: net.outputs.map((o) => [o.source, 0, 0]),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}
