/** The model-building half of the exported module: buildGenerator / buildDiscriminator. */
import { getBlock } from '../blocks';
import type { NetPlan } from '../compile/plan';
import type { ModuleNames } from './names';
import { blockCommentText, lineCommentText, stringLiteral } from '../codeText';

/** `// Dense 'g_fc': 256, relu`: the block as the canvas shows it (the id is text, escaped like any other). */
function comment(label: string, id: string, summary: string): string {
  return `  // ${lineCommentText(`${label} '${id}'${summary ? `: ${summary}` : ''}`)}`;
}

export function emitBuilder(fnName: string, modelName: string, net: NetPlan, doc: string, names: ModuleNames): string {
  const lines: string[] = [`/** ${blockCommentText(doc)} */`, `export function ${fnName}(): tf.LayersModel {`];
  for (const input of net.inputs) {
    const b = getBlock(input.type);
    lines.push(comment(b.label, input.id, b.summary(input.params)));
    lines.push(
      `  const ${names.of(input.id)} = tf.input({ shape: ${JSON.stringify(input.shape).replace(/,/g, ', ')}, name: ${stringLiteral(input.id)} });`,
    );
  }
  for (const layer of net.layers) {
    const b = getBlock(layer.type);
    const args = layer.inputs.flatMap((p) => p.sources.map((s) => names.of(s)));
    const single = b.inputs.length === 1 && !b.inputs[0].multi;
    lines.push(comment(b.label, layer.id, b.summary(layer.params)));
    lines.push(
      `  const ${names.of(layer.id)} = ${b.emit!(layer.params, layer.id)}.apply(${single ? args[0] : `[${args.join(', ')}]`}) as tf.SymbolicTensor;`,
    );
  }
  const outs = net.outputs.map((o) => `${names.of(o.source)} /* ${blockCommentText(`${o.role} -> '${o.head}'`)} */`);
  lines.push(
    `  return tf.model({ inputs: [${net.inputs.map((i) => names.of(i.id)).join(', ')}], outputs: [${outs.join(', ')}], name: ${stringLiteral(modelName)} });`,
  );
  lines.push('}');
  return lines.join('\n');
}
