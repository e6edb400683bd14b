/**
 * GanPlan -> tf.LayersModels (functional API). Besides G and D it builds a probe model per network
 * whose outputs are every node's output; probes share the weights, so they cost nothing until run.
 */
import { getBlock, type Layer, type TF } from '../blocks';
import type { GanPlan, NetPlan } from './plan';
import type * as tfNs from '@tensorflow/tfjs';

export interface BuiltNet {
  model: tfNs.LayersModel;
  /** Outputs: one per node (inputs and layers), in `probeIds` order. */
  probe: tfNs.LayersModel;
  probeIds: string[];
}
export interface BuiltGan {
  generator: BuiltNet;
  discriminator: BuiltNet;
}

export function buildNet(tf: TF, net: NetPlan, name: string): BuiltNet {
  const sym = new Map<string, tfNs.SymbolicTensor>();
  for (const input of net.inputs) sym.set(input.id, tf.input({ shape: input.shape, name: input.id }));
  for (const layer of net.layers) {
    const block = getBlock(layer.type);
    const built: Layer = block.build!(tf, layer.params, layer.id);
    const args = layer.inputs.flatMap((p) => p.sources.map((s) => sym.get(s)!));
    const single = block.inputs.length === 1 && !block.inputs[0].multi;
    sym.set(layer.id, built.apply(single ? args[0] : args) as tfNs.SymbolicTensor);
  }
  const inputs = net.inputs.map((i) => sym.get(i.id)!);
  const model = tf.model({ inputs, outputs: net.outputs.map((o) => sym.get(o.source)!), name });
  const probeIds = [...net.inputs.map((i) => i.id), ...net.layers.map((l) => l.id)];
  const probe = tf.model({ inputs, outputs: probeIds.map((id) => sym.get(id)!), name: `${name}_probe` });
  return { model, probe, probeIds };
}

export function buildGan(tf: TF, plan: GanPlan): BuiltGan {
  return {
    generator: buildNet(tf, plan.generator, 'generator'),
    discriminator: buildNet(tf, plan.discriminator, 'discriminator'),
  };
}

export function disposeGan(g: BuiltGan): void {
  g.generator.model.dispose();
  g.discriminator.model.dispose();
}
