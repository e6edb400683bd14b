/**
 * Every size limit Ganvas enforces, declared once with its value and its reason. The project loader
 * checks the file-shape limits (nesting, nodes, wires) before it reads further; the validator checks
 * the model-size limits (largest layer, parameters per network, estimated training memory at the
 * chosen batch) as Problems on the node at fault, so the editor lists them, Train and Export are
 * refused (compileGraph fails) and the CLI stops before it allocates anything.
 */
import type { Graph, NetworkId, Problem } from './graph/types';
import { nodeTitle, type ShapeResult } from './shapes/infer';
import { prod } from './blocks/defineBlock';

export interface Limit { value: number; what: string; why: string }

export const LIMITS = {
  /** How deeply objects and lists may nest in a project file (a real one nests 6 levels). */
  nesting: { value: 32, what: 'levels of nesting in a project file', why: 'a project nests 6 levels; deeper input is not a project and would overflow the stack of every recursive reader' },
  projectBytes: { value: 16 * 1024 ** 2, what: 'bytes of project text', why: 'the largest template is 25 KB and a graph at the node limit about 2 MB; a share link or file larger than this is not a project, and would stall the page while it is read' },
  nodes: { value: 5_000, what: 'nodes in a graph', why: 'the templates have at most 40; validation and the canvas slow down long before 5,000' },
  edges: { value: 20_000, what: 'wires in a graph', why: 'four wires per node on average at the node limit' },
  layerParams: { value: 20_000_000, what: 'parameters in one layer', why: "a layer's weights are one tensor (80 MB of float32 at the limit); the largest layer of the templates (InfoGAN's) has 6.4 million" },
  networkParams: { value: 50_000_000, what: 'parameters in one network', why: "with gradients and Adam's two moments that is 800 MB before any activation; the largest template network (InfoGAN's D) has 6.7 million" },
  memoryBytes: { value: 2 * 1024 ** 3, what: 'estimated training memory', why: 'half the 4 GiB a WebAssembly heap can reach (the wasm backend keeps every tensor there), leaving room for what the estimate leaves out' },
} as const satisfies Record<string, Limit>;

export const fmtInt = (n: number): string => (Number.isFinite(n) && n < 1e21 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2));

/** Bytes in binary units as people read them: `840 MB`, `2 GB`, `3.4 GB`, `4,068 GB`. */
export function fmtBytes(b: number): string {
  const gb = b / 1024 ** 3;
  if (gb >= 10) return `${fmtInt(gb)} GB`;
  if (gb >= 1) return `${gb.toFixed(1).replace(/\.0$/, '')} GB`;
  if (b >= 1024 ** 2) return `${(b / 1024 ** 2).toFixed(0)} MB`;
  return `${Math.ceil(b / 1024)} KB`;
}

/** Why a project text of `bytes` bytes is refused before it is read, or null when it may be read. */
export function projectSizeError(bytes: number): string | null {
  const max = LIMITS.projectBytes.value;
  return bytes > max ? `${fmtBytes(bytes)} is more than the ${fmtBytes(max)} a project file may have: it is not a Ganvas project` : null;
}

/** Parts of one training step's memory, in bytes. */
export interface MemoryEstimate { weights: number; gradients: number; optimizer: number; activations: number; total: number }

const FLOAT = 4;

/**
 * What one GAN training step holds at once, at batch `batch` (float32 throughout):
 * - weights of G and D, one gradient per weight, and two optimizer values per weight (Adam's moments;
 *   RMSprop keeps at most two, SGD none: the estimate assumes the largest);
 * - activations: every node's output for the batch, twice (the value kept for the backward pass and its
 *   gradient); G's for one batch, D's for two (real and generated; three with WGAN-GP's interpolates).
 * The dataset on the device and the backends' own scratch memory are not included: a lower bound.
 */
export function estimateMemory(g: Graph, shapes: ShapeResult, batch: number, loss: string): MemoryEstimate {
  let params = 0;
  const acts: Record<NetworkId, number> = { generator: 0, discriminator: 0 };
  for (const n of g.nodes) {
    const info = shapes.nodes[n.id];
    if (!info) continue;
    params += info.params;
    if (info.shape) acts[n.network] += prod(info.shape);
  }
  const dBatches = loss === 'wgan-gp' ? 3 : 2;
  const weights = params * FLOAT, gradients = params * FLOAT, optimizer = 2 * params * FLOAT;
  const activations = 2 * FLOAT * batch * (acts.generator + dBatches * acts.discriminator);
  return { weights, gradients, optimizer, activations, total: weights + gradients + optimizer + activations };
}

/** What the graph needs to train, and the node that needs the most, as Problems when over a limit. */
export function limitProblems(g: Graph, shapes: ShapeResult, batch: number, loss: string): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const sized = g.nodes.filter((n) => shapes.nodes[n.id]);
  const { layerParams, networkParams, memoryBytes } = LIMITS;
  for (const n of sized) {
    const p = shapes.nodes[n.id].params;
    if (p > layerParams.value) {
      problems.push({ severity: 'error', nodeId: n.id, message: `${nodeTitle(n)} has ${fmtInt(p)} parameters; the limit is ${fmtInt(layerParams.value)} ${layerParams.what} (${fmtBytes(p * FLOAT)} of weights, which a training step holds four times over)` });
    }
  }
  for (const net of ['generator', 'discriminator'] as const) {
    const total = shapes.totals[net].params;
    if (total <= networkParams.value) continue;
    const biggest = sized.filter((n) => n.network === net).reduce((a, b) => (shapes.nodes[b.id].params > shapes.nodes[a.id].params ? b : a));
    problems.push({ severity: 'error', nodeId: biggest.id, message: `the ${net} has ${fmtInt(total)} parameters; the limit is ${fmtInt(networkParams.value)} ${networkParams.what} (its largest layer is ${nodeTitle(biggest)}, ${fmtInt(shapes.nodes[biggest.id].params)})` });
  }
  const m = estimateMemory(g, shapes, batch, loss);
  if (m.total > memoryBytes.value && sized.length) {
    // Name the node that costs the most: its weights and their state, or its activations.
    const cost = (id: string) => {
      const info = shapes.nodes[id];
      const dBatches = byId.get(id)!.network === 'discriminator' ? (loss === 'wgan-gp' ? 3 : 2) : 1;
      return 4 * FLOAT * info.params + 2 * FLOAT * batch * dBatches * (info.shape ? prod(info.shape) : 0);
    };
    const worst = sized.reduce((a, b) => (cost(b.id) > cost(a.id) ? b : a));
    problems.push({
      severity: 'error', nodeId: worst.id,
      message: `training at batch ${batch} needs about ${fmtBytes(m.total)} (weights ${fmtBytes(m.weights)}, gradients ${fmtBytes(m.gradients)}, `
        + `optimizer state ${fmtBytes(m.optimizer)}, activations ${fmtBytes(m.activations)}); the limit is ${fmtBytes(memoryBytes.value)} of ${memoryBytes.what}. `
        + `The largest share is ${nodeTitle(worst)} (${fmtBytes(cost(worst.id))}): make it smaller, or lower the batch size`,
    });
  }
  return problems;
}
