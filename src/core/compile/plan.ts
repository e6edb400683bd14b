/**
 * Graph -> GanPlan: a plain, serializable description of both networks (structured-clone safe, so
 * it can be posted to the training worker or turned into code) with everything resolved: layer
 * order, input wiring, shapes, and which outputs D's heads read.
 */
import { getBlock, type InputRole, type Params, type Shape } from '../blocks';
import { incoming } from '../graph/ops';
import type { Graph, NetworkId, Problem } from '../graph/types';
import { validateGraph } from '../validate/validate';
import type { DataInfo } from '../shapes/infer';
import type { TrainingConfig } from '../training/types';

export interface PlanInput {
  id: string;
  type: string;
  params: Params;
  role: InputRole;
  shape: Shape;
}
export interface PlanLayer {
  id: string;
  type: string;
  params: Params;
  /** Source node ids per input port, in the block's port order. */
  inputs: { port: string; sources: string[] }[];
  shape: Shape;
  paramCount: number;
  macs: number;
}
/** One output of a compiled network and what the training loop uses it for. */
export interface PlanOutput {
  role: 'generated' | 'realFake' | 'auxClass' | 'qCategorical' | 'qContinuous';
  /** The head node this output belongs to (what the canvas shows). */
  head: string;
  /** The node whose tensor it is. */
  source: string;
  /** 'logit'/'logits' or 'sigmoid'/'softmax', for heads. */
  activation?: string;
  shape: Shape;
}
export interface NetPlan {
  inputs: PlanInput[];
  layers: PlanLayer[];
  outputs: PlanOutput[];
  params: number;
  macs: number;
}

export interface GanPlan {
  format: 'ganvas-plan';
  version: 1;
  data: DataInfo;
  generator: NetPlan;
  discriminator: NetPlan;
  training: TrainingConfig;
  /** Sizes of the InfoGAN categorical codes, in generator input order. */
  categoricalCodes: number[];
  continuousCodes: number;
  usesLabels: boolean;
}

export type CompileResult = { ok: true; plan: GanPlan; problems: Problem[] } | { ok: false; problems: Problem[] };

const codeSize = (i: PlanInput): number => getBlock(i.type).codeSize?.(i.params) ?? 0;

export function compileGraph(g: Graph, data: DataInfo, training: TrainingConfig): CompileResult {
  const rfHead = g.nodes.find((n) => n.network === 'discriminator' && getBlockSafe(n.type)?.outputRole === 'realFake');
  const v = validateGraph(g, data, {
    loss: training.loss,
    realFakeOutput: rfHead && (getBlock(rfHead.type).headOutput?.(rfHead.params) as 'logit' | 'sigmoid' | undefined),
    batchSize: training.batchSize,
  });
  if (!v.ok) return { ok: false, problems: v.problems };

  const net = (network: NetworkId): NetPlan => {
    const plan: NetPlan = {
      inputs: [],
      layers: [],
      outputs: [],
      params: v.totals[network].params,
      macs: v.totals[network].macs,
    };
    for (const id of v.order) {
      const node = g.nodes.find((n) => n.id === id)!;
      if (node.network !== network) continue;
      const block = getBlock(node.type);
      const info = v.nodes[id];
      const ins = incoming(g, id);
      if (block.inputRole) {
        plan.inputs.push({ id, type: node.type, params: node.params, role: block.inputRole, shape: info.shape! });
      } else if (block.outputRole === 'qCodes') {
        for (const [port, role] of [
          ['categorical', 'qCategorical'],
          ['continuous', 'qContinuous'],
        ] as const) {
          const src = ins[port]?.[0];
          if (src) plan.outputs.push({ role, head: id, source: src, shape: v.nodes[src].shape! });
        }
      } else if (block.outputRole) {
        const src = ins.x[0];
        plan.outputs.push({
          role: block.outputRole,
          head: id,
          source: src,
          activation: block.headOutput?.(node.params),
          shape: info.shape!,
        });
      } else {
        plan.layers.push({
          id,
          type: node.type,
          params: node.params,
          shape: info.shape!,
          paramCount: info.params,
          macs: info.macs,
          inputs: block.inputs.filter((p) => ins[p.name]).map((p) => ({ port: p.name, sources: ins[p.name] })),
        });
      }
    }
    // D's outputs in a fixed order, so the loop can index them: real/fake, class, Q categorical, Q continuous.
    const rank = ['generated', 'realFake', 'auxClass', 'qCategorical', 'qContinuous'];
    plan.outputs.sort((a, b) => rank.indexOf(a.role) - rank.indexOf(b.role));
    // The data input comes first in D, so D(images, ...labels).
    plan.inputs.sort((a, b) => Number(b.role === 'data') - Number(a.role === 'data'));
    return plan;
  };
  const generator = net('generator'),
    discriminator = net('discriminator');
  const plan: GanPlan = {
    format: 'ganvas-plan',
    version: 1,
    data,
    generator,
    discriminator,
    training,
    categoricalCodes: generator.inputs.filter((i) => i.role === 'categoricalCode').map(codeSize),
    continuousCodes: generator.inputs.filter((i) => i.role === 'continuousCode').reduce((a, i) => a + codeSize(i), 0),
    usesLabels:
      [...generator.inputs, ...discriminator.inputs].some((i) => i.role === 'label') ||
      discriminator.outputs.some((o) => o.role === 'auxClass'),
  };
  return { ok: true, plan, problems: v.problems };
}

function getBlockSafe(type: string) {
  try {
    return getBlock(type);
  } catch {
    return undefined;
  }
}
