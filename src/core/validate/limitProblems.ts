/**
 * The model-size limits of core/limits.ts as Problems on the node at fault: largest layer, parameters per
 * network, estimated training memory at the chosen batch.
 */
import type { Graph, NetworkId, Problem } from '../graph/types';
import { nodeTitle, type ShapeResult } from '../shapes/infer';
import { prod } from '../blocks/defineBlock';
import { LIMITS, fmtBytes, fmtInt } from '../limits';

/** Parts of one training step's memory, in bytes. */
export interface MemoryEstimate {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
}

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
  const weights = params * FLOAT,
    gradients = params * FLOAT,
    optimizer = 2 * params * FLOAT;
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
      problems.push({
        severity: 'error',
        nodeId: n.id,
        message: `${nodeTitle(n)} has ${fmtInt(p)} parameters; the limit is ${fmtInt(layerParams.value)} ${layerParams.what} (${fmtBytes(p * FLOAT)} of weights, which a training step holds four times over)`,
      });
    }
  }
  for (const net of ['generator', 'discriminator'] as const) {
    const total = shapes.totals[net].params;
    if (total <= networkParams.value) continue;
    const biggest = sized
      .filter((n) => n.network === net)
      .reduce((a, b) => (shapes.nodes[b.id].params > shapes.nodes[a.id].params ? b : a));
    problems.push({
      severity: 'error',
      nodeId: biggest.id,
      message: `the ${net} has ${fmtInt(total)} parameters; the limit is ${fmtInt(networkParams.value)} ${networkParams.what} (its largest layer is ${nodeTitle(biggest)}, ${fmtInt(shapes.nodes[biggest.id].params)})`,
    });
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
      severity: 'error',
      nodeId: worst.id,
      message:
        `training at batch ${batch} needs about ${fmtBytes(m.total)} (weights ${fmtBytes(m.weights)}, gradients ${fmtBytes(m.gradients)}, ` +
        `optimizer state ${fmtBytes(m.optimizer)}, activations ${fmtBytes(m.activations)}); the limit is ${fmtBytes(memoryBytes.value)} of ${memoryBytes.what}. ` +
        `The largest share is ${nodeTitle(worst)} (${fmtBytes(cost(worst.id))}): make it smaller, or lower the batch size`,
    });
  }
  return problems;
}
