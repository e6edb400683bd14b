/**
 * Whole-graph validation: everything that stops a GAN from compiling or training, each problem
 * pinned to the node, port or param it is about, in words a user can act on.
 */
import { getBlock, hasBlock, paramErrors, type OutputRole, type InputRole } from '../blocks';
import { getLoss, hasLoss } from '../losses';
import { inferShapes, nodeTitle, type DataInfo, type ShapeResult } from '../shapes/infer';
import { LIMITS, fmtInt } from '../limits';
import { limitProblems } from './limitProblems';
import { findCycles } from '../graph/ops';
import type { Graph, GraphNode, NetworkId, Problem } from '../graph/types';

/**
 * The parts of the training setup that decide which heads D needs, and (batchSize) how much memory
 * a step takes; without a batch size the memory limit is checked at batch 1.
 */
export interface LossInfo {
  loss: string;
  realFakeOutput?: 'logit' | 'sigmoid';
  batchSize?: number;
}

export interface Validation extends ShapeResult {
  ok: boolean;
}

const NET_LABEL: Record<NetworkId, string> = { generator: 'generator', discriminator: 'discriminator' };

function byRole(g: Graph, network: NetworkId, role: { input?: InputRole; output?: OutputRole }): GraphNode[] {
  return g.nodes.filter(
    (n) =>
      n.network === network &&
      hasBlock(n.type) &&
      (role.input ? getBlock(n.type).inputRole === role.input : getBlock(n.type).outputRole === role.output),
  );
}

export function validateGraph(g: Graph, data: DataInfo, loss: LossInfo = { loss: 'nsgan' }): Validation {
  const problems: Problem[] = [];
  const err = (message: string, extra: Partial<Problem> = {}) =>
    problems.push({ severity: 'error', message, ...extra });
  const warn = (message: string, extra: Partial<Problem> = {}) =>
    problems.push({ severity: 'warning', message, ...extra });

  // A graph past these sizes is refused before any per-node work (which grows with nodes × wires).
  for (const [count, limit] of [
    [g.nodes.length, LIMITS.nodes],
    [g.edges.length, LIMITS.edges],
  ] as const) {
    if (count > limit.value)
      err(
        `the graph has ${fmtInt(count)} ${limit.what.split(' ')[0]}; the limit is ${fmtInt(limit.value)} ${limit.what}`,
      );
  }
  if (problems.length) {
    const none = { params: 0, macs: 0 };
    return {
      nodes: Object.create(null),
      order: [],
      cyclic: [],
      problems,
      totals: { generator: none, discriminator: none },
      ok: false,
    };
  }

  const ids = new Set<string>();
  for (const n of g.nodes) {
    if (ids.has(n.id)) err(`two nodes are named '${n.id}'; names must be unique`, { nodeId: n.id });
    ids.add(n.id);
    if (!hasBlock(n.type)) {
      err(`'${n.id}' has an unknown block type '${n.type}'`, { nodeId: n.id });
      continue;
    }
    const block = getBlock(n.type);
    if (block.network !== 'either' && block.network !== n.network) {
      err(`${nodeTitle(n)} belongs in the ${NET_LABEL[block.network]}, not the ${NET_LABEL[n.network]}`, {
        nodeId: n.id,
      });
    }
    for (const pe of paramErrors(block.params, n.params)) {
      err(`${nodeTitle(n)}: ${pe.param} ${pe.message}`, { nodeId: n.id, param: pe.param });
    }
  }

  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const portCount = new Map<string, number>();
  for (const e of g.edges) {
    const s = byId.get(e.source),
      t = byId.get(e.target);
    if (!s || !t) {
      err(`a wire refers to a missing node (${e.id})`, { edgeId: e.id });
      continue;
    }
    if (s.network !== t.network) {
      err(
        `the wire from '${s.id}' to '${t.id}' crosses from the ${s.network} into the ${t.network}; ` +
          `the generator reaches the discriminator only through its 'Fake samples' output`,
        { edgeId: e.id, nodeId: t.id },
      );
    }
    if (!hasBlock(s.type) || !hasBlock(t.type)) continue;
    if (getBlock(s.type).outputs.length === 0)
      err(`${nodeTitle(s)} has no output to wire from`, { edgeId: e.id, nodeId: s.id });
    const port = getBlock(t.type).inputs.find((p) => p.name === e.targetPort);
    if (!port) {
      err(`${nodeTitle(t)} has no input '${e.targetPort}'`, { edgeId: e.id, nodeId: t.id });
      continue;
    }
    const key = `${t.id}:${port.name}`;
    portCount.set(key, (portCount.get(key) ?? 0) + 1);
    if (!port.multi && portCount.get(key) === 2) {
      err(`${nodeTitle(t)} has more than one wire into its input '${port.name}'`, { nodeId: t.id, port: port.name });
    }
  }

  const shapes = inferShapes(g, data);
  // Only the nodes on a loop are blamed; those merely downstream of one have no shape and no message.
  if (shapes.cyclic.length) {
    for (const { members, loop } of findCycles(g)) {
      const onLoop = new Set(loop);
      for (const id of members) {
        const where = onLoop.has(id)
          ? `(${loop.join(' -> ')})`
          : `with ${members
              .filter((m) => m !== id)
              .slice(0, 8)
              .join(', ')}${members.length > 9 ? ', …' : ''}`;
        err(`${nodeTitle(byId.get(id)!)} is part of a cycle ${where}; a network must flow one way`, { nodeId: id });
      }
    }
  }
  problems.push(...shapes.problems);
  problems.push(...limitProblems(g, shapes, loss.batchSize ?? 1, loss.loss));

  // A layer whose output goes nowhere is wasted work, and usually a forgotten wire.
  const used = new Set(g.edges.map((e) => e.source));
  for (const n of g.nodes) {
    if (!hasBlock(n.type) || getBlock(n.type).outputs.length === 0 || used.has(n.id)) continue;
    warn(`${nodeTitle(n)}'s output is not connected to anything`, { nodeId: n.id });
  }

  // The GAN's fixed points: one G output, one D input, a real/fake head; codes need a Q head; and so on.
  const one = (net: NetworkId, role: { input?: InputRole; output?: OutputRole }, what: string) => {
    const found = byRole(g, net, role);
    if (found.length === 0) err(`the ${net} needs ${what}`);
    if (found.length > 1)
      for (const n of found.slice(1))
        err(`the ${net} can have only one ${what}; remove ${nodeTitle(n)}`, { nodeId: n.id });
    return found[0];
  };
  one('generator', { output: 'generated' }, "a 'Fake samples' output");
  one('discriminator', { input: 'data' }, "an 'Images: real | fake' input");
  const rf = one('discriminator', { output: 'realFake' }, 'a real/fake head');
  if (byRole(g, 'generator', { input: 'noise' }).length === 0)
    warn('the generator has no latent noise input; every sample will look the same');
  const codes = [
    ...byRole(g, 'generator', { input: 'categoricalCode' }),
    ...byRole(g, 'generator', { input: 'continuousCode' }),
  ];
  if (codes.length && byRole(g, 'discriminator', { output: 'qCodes' }).length === 0) {
    err("the generator has InfoGAN codes but the discriminator has no 'Q codes' head to recover them", {
      nodeId: codes[0].id,
    });
  }
  if (byRole(g, 'discriminator', { output: 'qCodes' }).length && !codes.length) {
    err("the discriminator has a 'Q codes' head but the generator has no categorical or continuous code input");
  }
  const gLabels = byRole(g, 'generator', { input: 'label' });
  const dLabels = byRole(g, 'discriminator', { input: 'label' });
  const auxHead = byRole(g, 'discriminator', { output: 'auxClass' });
  if ((gLabels.length || dLabels.length || auxHead.length) && !data.numClasses) {
    err('this graph uses class labels but the dataset has none');
  }
  if (gLabels.length && !dLabels.length && !auxHead.length) {
    warn(
      'the generator gets a class label but the discriminator never sees it: add a class label input to D (cGAN) or a class head (AC-GAN)',
      { nodeId: gLabels[0].id },
    );
  }
  const lossDef = hasLoss(loss.loss) ? getLoss(loss.loss) : undefined;
  if (rf && lossDef?.unboundedCritic && getBlock(rf.type).headOutput?.(rf.params) === 'sigmoid') {
    err('a Wasserstein critic must output an unbounded score: set the real/fake head to logit', {
      nodeId: rf.id,
      param: 'output',
    });
  }
  if (lossDef?.gradientPenalty) {
    for (const n of g.nodes) {
      if (n.network === 'discriminator' && hasBlock(n.type) && getBlock(n.type).batchDependent) {
        warn(
          `${nodeTitle(n)}: batch normalisation in a WGAN-GP critic breaks the per-sample gradient penalty; use LayerNorm`,
          { nodeId: n.id },
        );
      }
    }
  }
  return { ...shapes, problems, ok: !problems.some((p) => p.severity === 'error') };
}
