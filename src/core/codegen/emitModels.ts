/** The model-building half of the exported module: buildGenerator / buildDiscriminator. */
import { getBlock } from '../blocks';
import type { NetPlan } from '../compile/plan';
import { varName } from './names';

function comment(label: string, id: string, summary: string): string {
  return `  // ${label} '${id}'${summary ? `: ${summary}` : ''}`;
}

export function emitBuilder(fnName: string, modelName: string, net: NetPlan, doc: string): string {
  const lines: string[] = [`/** ${doc} */`, `export function ${fnName}(): tf.LayersModel {`];
  for (const input of net.inputs) {
    const b = getBlock(input.type);
    lines.push(comment(b.label, input.id, b.summary(input.params)));
    lines.push(`  const ${varName(input.id)} = tf.input({ shape: ${JSON.stringify(input.shape).replace(/,/g, ', ')}, name: '${input.id}' });`);
  }
  for (const layer of net.layers) {
    const b = getBlock(layer.type);
    const args = layer.inputs.flatMap((p) => p.sources.map(varName));
    const single = b.inputs.length === 1 && !b.inputs[0].multi;
    lines.push(comment(b.label, layer.id, b.summary(layer.params)));
    lines.push(`  const ${varName(layer.id)} = ${b.emit!(layer.params, layer.id)}.apply(${single ? args[0] : `[${args.join(', ')}]`}) as tf.SymbolicTensor;`);
  }
  const outs = net.outputs.map((o) => `${varName(o.source)} /* ${o.role} -> '${o.head}' */`);
  lines.push(`  return tf.model({ inputs: [${net.inputs.map((i) => varName(i.id)).join(', ')}], outputs: [${outs.join(', ')}], name: '${modelName}' });`);
  lines.push('}');
  return lines.join('\n');
}
