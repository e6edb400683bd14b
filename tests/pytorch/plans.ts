/**
 * Plans for the PyTorch tests: one small plan per block use (the block inside D, fed by D's data
 * input, so any input shape can be tried) and the templates' plans.
 */
import { getBlock, withDefaults, type Params, type Shape } from '../../src/core/blocks';
import { compileGraph, type GanPlan, type NetPlan, type PlanLayer } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import { defaultTraining, type Project, type TrainingConfig } from '../../src/core/project/types';

const ctx = (dataShape: Shape) => ({ dataShape, numClasses: 0, codes: { categorical: [], continuous: 0 } });

function layer(
  id: string,
  type: string,
  params: Params,
  sources: string[],
  shapes: Shape[],
  dataShape: Shape,
): PlanLayer {
  const b = getBlock(type);
  const p = withDefaults(b.params, params);
  const ins = { x: shapes };
  const shape = b.inferShape(ins, p, ctx(dataShape));
  return {
    id,
    type,
    params: p,
    inputs: [{ port: 'x', sources }],
    shape,
    paramCount: b.paramCount(ins, p, shape),
    macs: 0,
  };
}

const tinyGenerator = (): NetPlan => {
  const fc = layer('g_fc', 'dense', { units: 2 }, ['z'], [[4]], [2]);
  return {
    inputs: [
      {
        id: 'z',
        type: 'latentNoise',
        params: withDefaults(getBlock('latentNoise').params, { size: 4 }),
        role: 'noise',
        shape: [4],
      },
    ],
    layers: [fc],
    outputs: [{ role: 'generated', head: 'g_out', source: 'g_fc', shape: [2] }],
    params: fc.paramCount,
    macs: 0,
  };
};

export interface BlockCase {
  name: string;
  type: string;
  params: Params;
  input: Shape;
  train?: boolean;
  integers?: number;
}

/** D = data input -> (for merge blocks: the input and tanh of it) -> the block; its output is D's only output. */
export function blockPlan(c: BlockCase): GanPlan {
  const b = getBlock(c.type);
  const layers: PlanLayer[] = [];
  let sources = ['d_input'];
  if (b.inputs[0]?.multi) {
    layers.push(layer('d_pre', 'activation', { fn: 'tanh' }, ['d_input'], [c.input], c.input));
    sources = ['d_input', 'd_pre'];
  }
  const probe = layer(
    'd_probe',
    c.type,
    c.params,
    sources,
    sources.map(() => c.input),
    c.input,
  );
  layers.push(probe);
  const discriminator: NetPlan = {
    inputs: [{ id: 'd_input', type: 'realData', params: {}, role: 'data', shape: c.input }],
    layers,
    outputs: [{ role: 'realFake', head: 'd_head', source: 'd_probe', shape: probe.shape }],
    params: layers.reduce((a, l) => a + l.paramCount, 0),
    macs: 0,
  };
  return {
    format: 'ganvas-plan',
    version: 1,
    data: { shape: c.input, numClasses: 0 },
    generator: tinyGenerator(),
    discriminator,
    training: defaultTraining(),
    categoricalCodes: [],
    continuousCodes: 0,
    usesLabels: false,
  };
}

export function probeProject(name: string, plan: GanPlan): Project {
  return {
    format: 'ganvas',
    version: 1,
    name,
    description: '',
    graph: { nodes: [], edges: [] },
    training: plan.training,
    dataset: { kind: 'custom', scale: 'tanh', name: 'probe', shape: plan.data.shape, numClasses: plan.data.numClasses },
  };
}

/** A template's project and plan, with training settings (and some nodes' params, by node id) overridden. */
export function templatePlan(
  id: string,
  training: Partial<TrainingConfig> = {},
  params: Record<string, Params> = {},
): { project: Project; plan: GanPlan } {
  const project = loadTemplate(id);
  project.training = { ...project.training, ...training };
  for (const n of project.graph.nodes) if (params[n.id]) n.params = { ...n.params, ...params[n.id] };
  const res = compileGraph(project.graph, datasetInfo(project.dataset), project.training);
  if (!res.ok) throw new Error(`${id} does not compile: ${res.problems.map((p) => p.message).join('; ')}`);
  return { project, plan: res.plan };
}

/** The same plan with Dropout and GaussianNoise switched off (their random draws cannot match across engines). */
export function withoutNoise(plan: GanPlan): GanPlan {
  const quiet = (net: NetPlan): NetPlan => ({
    ...net,
    layers: net.layers.map((l) =>
      l.type === 'dropout'
        ? { ...l, params: { ...l.params, rate: 0 } }
        : l.type === 'gaussianNoise'
          ? { ...l, params: { ...l.params, stddev: 0 } }
          : l,
    ),
  });
  return { ...plan, generator: quiet(plan.generator), discriminator: quiet(plan.discriminator) };
}
