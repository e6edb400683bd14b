/**
 * Templates follow the data. When a project's data changes shape or classes, the blocks whose sizes only
 * say "what the data looks like" follow it; what cannot follow (a convolutional generator's image size) is
 * left alone and the problem names the block to change.
 * Follows:
 * - class labels (G's and D's Class label blocks) take the data's number of classes, and so do an Embedding
 *   of a label (its inputDim) and the Dense that feeds an AC-GAN class head (its units);
 * - G's last layer takes the data's channels (a convolution's filters) or, when G ends in Dense → Reshape
 *   (or plain Dense, for 2-D points), its whole shape (units, target shape).
 * The D side needs nothing: its data input takes the data's shape from the dataset.
 */
import type { Graph, GraphNode, Problem } from '../graph/types';
import type { DataInfo } from './infer';

const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Layers a shape passes through unchanged on the way to G's output. */
const PASS_THROUGH = new Set(['activation', 'batchNormalization', 'layerNormalization', 'dropout', 'gaussianNoise']);

export interface Followed {
  graph: Graph;
  changed: string[];
}

export function followData(g: Graph, info: DataInfo): Followed {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const sources = (id: string) =>
    g.edges
      .filter((e) => e.target === id)
      .map((e) => byId.get(e.source)!)
      .filter(Boolean);
  const targets = (id: string) =>
    g.edges
      .filter((e) => e.source === id)
      .map((e) => byId.get(e.target)!)
      .filter(Boolean);
  const patches = new Map<string, GraphNode['params']>();
  const set = (n: GraphNode, key: string, v: GraphNode['params'][string]) => {
    if (same(n.params[key], v)) return;
    patches.set(n.id, { ...(patches.get(n.id) ?? {}), [key]: v });
  };
  const k = info.numClasses;
  if (k >= 2) {
    for (const n of g.nodes) {
      if (n.type === 'classLabel') {
        set(n, 'classes', k);
        for (const t of targets(n.id)) if (t.type === 'embedding') set(t, 'inputDim', k);
      }
      if (n.type === 'auxClassHead') for (const s of sources(n.id)) if (s.type === 'dense') set(s, 'units', k);
    }
  }
  const out = g.nodes.find((n) => n.type === 'generatorOutput');
  let last = out && sources(out.id)[0];
  while (last && PASS_THROUGH.has(last.type)) last = sources(last.id)[0];
  const shape = info.shape;
  if (last && shape.length) {
    if ((last.type === 'conv2dTranspose' || last.type === 'conv2d') && shape.length === 3)
      set(last, 'filters', shape[2]);
    if (last.type === 'reshape') {
      const before = sources(last.id)[0];
      // Dense → Reshape: the whole sample shape can follow.
      if (before?.type === 'dense') {
        set(before, 'units', prod(shape));
        set(last, 'targetShape', [...shape]);
      }
    }
    if (last.type === 'dense' && shape.length === 1) set(last, 'units', shape[0]);
  }
  if (!patches.size) return { graph: g, changed: [] };
  return {
    graph: {
      ...g,
      nodes: g.nodes.map((n) => (patches.has(n.id) ? { ...n, params: { ...n.params, ...patches.get(n.id)! } } : n)),
    },
    changed: [...patches.keys()],
  };
}

/**
 * Where G's output still does not fit the data, the problem on G's output says which block decides the
 * size G draws at (its first spatial shape: a Reshape, or the input of its first upsampling) and, when one
 * exists, the template made for this shape.
 */
export function explainShapeProblems(
  g: Graph,
  info: DataInfo,
  problems: readonly Problem[],
  templateFor?: (shape: number[]) => string | undefined,
): Problem[] {
  const out = g.nodes.find((n) => n.type === 'generatorOutput');
  if (!out || info.shape.length !== 3) return [...problems];
  const start = g.nodes.find((n) => n.network === 'generator' && n.type === 'reshape');
  const upsampling = g.nodes
    .filter((n) => n.network === 'generator' && (n.type === 'conv2dTranspose' || n.type === 'upSampling2d'))
    .map((n) => n.id);
  const template = templateFor?.(info.shape);
  return problems.map((p) => {
    if (p.nodeId !== out.id || !p.message.includes("the real data's shape")) return p;
    const where = start
      ? `change where G's images start ('${start.id}', ${(start.params.targetShape as number[] | undefined)?.join('×') ?? '?'})${upsampling.length ? ` or its upsampling (${upsampling.map((id) => `'${id}'`).join(', ')})` : ''}`
      : upsampling.length
        ? `change G's upsampling (${upsampling.map((id) => `'${id}'`).join(', ')})`
        : "change G's last layers";
    return {
      ...p,
      message: `${p.message}: ${where} so that it ends at ${info.shape.slice(0, 2).join('×')}${template ? `, or start from the template '${template}'` : ''}`,
    };
  });
}
