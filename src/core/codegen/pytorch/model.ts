/**
 * model.py: the generator and discriminator as nn.Modules whose `forward` follows the graph node by node,
 * the draw of G's inputs, and the tables that map every tfjs weight onto the state_dict. All of it comes
 * from the blocks' PyTorch forms (BlockDef.torch); nothing here knows a block type.
 */
import { getBlock, type BlockDef, type TorchContext, type TorchWeight } from '../../blocks';
import type { GanPlan, NetPlan, PlanLayer } from '../../compile/plan';
import { fmtCount } from '../../compile/summary';
import { docstringText, lineCommentText, stringLiteral } from '../../codeText';
import { pythonNames, type PyNames } from './names';

export class PytorchExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PytorchExportError';
  }
}

/** One row of a weights table: a tfjs weight and where it lives in PyTorch. */
export interface WeightRow {
  network: 'generator' | 'discriminator';
  tfjs: string;
  key: string;
  weight: TorchWeight;
}

const describe = (b: BlockDef, id: string, summary: string) =>
  lineCommentText(`${b.label} '${id}'${summary ? `: ${summary}` : ''}`);
const tuple = (xs: (string | number)[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);

function torchOf(b: BlockDef, id: string, needs: 'forward' | 'sample'): NonNullable<BlockDef['torch']> {
  const t = b.torch;
  if (!t || (needs === 'forward' && !t.forward) || (needs === 'sample' && !t.sample)) {
    throw new PytorchExportError(
      `the block ${b.label} (node '${id}') has no PyTorch form yet, so this graph cannot be exported to PyTorch`,
    );
  }
  return t;
}

function contextOf(net: NetPlan, layer: PlanLayer, name: PyNames): TorchContext {
  const shapes = new Map<string, number[]>([
    ...net.inputs.map((i) => [i.id, i.shape] as const),
    ...net.layers.map((l) => [l.id, l.shape] as const),
  ]);
  return {
    p: layer.params,
    inputs: layer.inputs.flatMap((port) => port.sources.map((s) => ({ expr: name(s), shape: shapes.get(s)! }))),
    out: layer.shape,
  };
}

interface NetCode {
  text: string;
  rows: WeightRow[];
  helpers: Map<string, string>;
}

function emitNet(
  cls: 'Generator' | 'Discriminator',
  network: 'generator' | 'discriminator',
  net: NetPlan,
  name: PyNames,
  doc: string,
): NetCode {
  const init: string[] = [],
    fwd: string[] = [],
    rows: WeightRow[] = [];
  const helpers = new Map<string, string>();
  for (const layer of net.layers) {
    const b = getBlock(layer.type);
    const t = torchOf(b, layer.id, 'forward');
    const c = contextOf(net, layer, name);
    const n = name(layer.id);
    for (const [k, text] of Object.entries(t.helpers ?? {})) helpers.set(k, text);
    fwd.push(`        # ${describe(b, layer.id, b.summary(layer.params))}`);
    if (t.module) init.push(`        self.${n} = ${t.module(c)}  # ${lineCommentText(`'${layer.id}'`)}`);
    fwd.push(`        ${n} = ${t.forward!({ ...c, self: `self.${n}` })}`);
    for (const w of t.weights?.(c) ?? [])
      rows.push({ network, tfjs: `${layer.id}/${w.tfjs}`, key: `${n}.${w.torch}`, weight: w });
  }
  const args = net.inputs.map((i) => name(i.id));
  const outs = net.outputs.map((o) => name(o.source));
  const ret = network === 'generator' ? outs[0] : tuple(outs);
  const outDoc = net.outputs.map((o) => `${o.role} -> ${o.head}`).join(', ');
  const lines = [
    `class ${cls}(nn.Module):`,
    `    """${docstringText(doc)}`,
    '',
    `    forward(${args.join(', ')}) -> ${network === 'generator' ? 'the generated batch' : `(${outDoc})`}.`,
    `    ${fmtCount(net.params)} parameters (moving statistics included, as Keras counts them).`,
    '    """',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...(init.length ? init : ['        pass']),
    '',
    `    def forward(self, ${args.join(', ')}):`,
    ...fwd,
    `        return ${ret}`,
  ];
  return { text: lines.join('\n'), rows, helpers };
}

/** Python source drawing G's inputs (and D's label inputs) from the blocks' `torch.sample` forms. */
function emitSampling(plan: GanPlan, name: PyNames): string {
  const sub = (code: string, from: string, to: string) => code.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
  const lines = [
    'def sample_generator_inputs(batch, labels=None, rng=None, device="cpu"):',
    '    """G\'s inputs for a batch, in forward\'s order, and what InfoGAN\'s Q must recover.',
    '',
    '    labels: int64 class indices [batch] (drawn when the graph uses labels and none are given);',
    '    rng: a torch.Generator on `device` (None: torch\'s global one)."""',
  ];
  if (plan.usesLabels) {
    lines.push(
      '    if labels is None:',
      '        labels = torch.randint(0, NUM_CLASSES, (batch,), generator=rng, device=device)',
    );
  }
  const cat: string[] = [],
    cont: string[] = [];
  for (const input of plan.generator.inputs) {
    const b = getBlock(input.type);
    const s = torchOf(b, input.id, 'sample').sample!(input.params);
    const v = name(input.id),
      t = `${v}_target`;
    lines.push(`    # ${describe(b, input.id, b.summary(input.params))}`);
    if (s.target && !/\bvalue\b/.test(s.target)) lines.push(`    ${t} = ${s.target}`);
    lines.push(`    ${v} = ${sub(s.value, 'target', t)}`);
    const target = s.target ? (/\bvalue\b/.test(s.target) ? sub(s.target, 'value', v) : t) : undefined;
    if (input.role === 'categoricalCode') cat.push(target!);
    if (input.role === 'continuousCode') cont.push(target!);
  }
  const continuous =
    cont.length === 0 ? 'None' : cont.length === 1 ? cont[0] : `torch.cat([${cont.join(', ')}], dim=1)`;
  lines.push(
    `    return Feed([${plan.generator.inputs.map((i) => name(i.id)).join(', ')}], ${plan.usesLabels ? 'labels' : 'None'}, [${cat.join(', ')}], ${continuous})`,
  );
  lines.push(
    '',
    '',
    'def discriminator_inputs(images, labels=None):',
    '    """D\'s inputs for a batch of images: the images, then each label input fed the batch\'s labels."""',
    '    batch = images.shape[0]',
  );
  const ins = plan.discriminator.inputs.map((input) => {
    if (input.role === 'data') return 'images';
    const b = getBlock(input.type);
    return torchOf(b, input.id, 'sample').sample!(input.params).value;
  });
  lines.push(`    return [${ins.join(', ')}]`);
  return lines.join('\n');
}

const INIT_NAMES: Record<TorchWeight['init'], string> = {
  glorotNormal: 'glorot_normal',
  zeros: 'zeros',
  ones: 'ones',
  uniform: 'uniform',
};

function emitTable(constant: string, rows: WeightRow[]): string {
  const body = rows.map((r) => {
    const w = r.weight;
    return `    (${stringLiteral(r.tfjs)}, ${tuple(w.shape)}, ${stringLiteral(r.key)}, ${w.perm ? tuple(w.perm) : 'None'}, "${INIT_NAMES[w.init]}", ${w.buffer ? 'False' : 'True'}),`;
  });
  return [`${constant} = [`, ...body, ']'].join('\n');
}

export interface ModelCode {
  modelPy: string;
  helpers: Map<string, string>;
  rows: WeightRow[];
}

export function emitModelPy(plan: GanPlan, projectName: string): ModelCode {
  const name = pythonNames(plan);
  const g = emitNet(
    'Generator',
    'generator',
    plan.generator,
    name,
    'The generator, block by block as on the Ganvas canvas.',
  );
  const d = emitNet(
    'Discriminator',
    'discriminator',
    plan.discriminator,
    name,
    "The discriminator; forward returns its heads' inputs in the order the GAN step reads them.",
  );
  const helpers = new Map([...g.helpers, ...d.helpers]);
  const imports = [...helpers.keys()].sort();
  const roles = plan.discriminator.outputs.map(
    (o) =>
      `(${stringLiteral(o.role)}, ${stringLiteral(o.head)}, ${o.activation ? stringLiteral(o.activation) : 'None'})`,
  );
  const text = [
    `"""${docstringText(projectName)}: the generator and discriminator, exported from Ganvas.`,
    '',
    'Tensors follow tfjs/Keras semantics. Images are channels-first inside PyTorch ([batch, c, h, w]);',
    'Ganvas and the tfjs weight files hold them channels-last ([batch, h, w, c]): data.py and',
    "tfjs_weights.py convert at that boundary, and Flatten/Reshape keep tfjs's element order.",
    '"""',
    'from collections import namedtuple',
    '',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    ...(imports.length ? [`from layers import ${imports.join(', ')}`, ''] : []),
    '# One real sample as Ganvas describes it (channels last), and the number of classes of its labels.',
    `DATA_SHAPE = ${tuple(plan.data.shape)}`,
    `NUM_CLASSES = ${plan.data.numClasses}`,
    "# D's outputs in the order Discriminator.forward returns them: (role, head on the canvas, its activation).",
    `DISCRIMINATOR_OUTPUTS = ${tuple(roles)}`,
    "# Sizes of InfoGAN's categorical codes, in G's input order, and the number of continuous codes.",
    `CATEGORICAL_CODES = ${tuple(plan.categoricalCodes)}`,
    `CONTINUOUS_CODES = ${plan.continuousCodes}`,
    '',
    '# values: one tensor per G input; labels: the class indices fed to label inputs; categorical /',
    '# continuous: what the Q head must recover (InfoGAN).',
    "Feed = namedtuple('Feed', ['values', 'labels', 'categorical', 'continuous'])",
    '',
    '',
    g.text,
    '',
    '',
    d.text,
    '',
    '',
    emitSampling(plan, name),
    '',
    '',
    '# Every weight of the tfjs layers format (model.json + weights.bin with the compiled layer names) and',
    '# its PyTorch home: (tfjs name, tfjs shape, state_dict key, axis order tfjs -> torch, tfjs initialiser, trained).',
    emitTable('GENERATOR_WEIGHTS', g.rows),
    emitTable('DISCRIMINATOR_WEIGHTS', d.rows),
    '',
  ].join('\n');
  return { modelPy: text, helpers, rows: [...g.rows, ...d.rows] };
}

/** layers.py: the helper classes and functions the project's blocks use (declared by the blocks). */
export function emitLayersPy(helpers: Map<string, string>): string {
  const defs = [...helpers.keys()].sort().map((k) => helpers.get(k)!.trimEnd());
  return [
    '"""Layers with tfjs/Keras semantics where PyTorch\'s built-ins differ (declared by the Ganvas blocks that need them)."""',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    ...defs.flatMap((d) => ['', '', d]),
    '',
  ].join('\n');
}
