/**
 * May the user drop a wire from `source` onto `target.port`? Called on hover by the editor, so it
 * only checks what the new wire changes, and says why not in one sentence.
 */
import { getBlock, hasBlock, ShapeError, type Shape } from '../blocks';
import { connect, findNode, incoming, wouldCycle } from '../graph/ops';
import { inferShapes, nodeTitle, shapeContext, type DataInfo } from '../shapes/infer';
import type { Graph } from '../graph/types';

export type Connectable = { ok: true; shape?: Shape } | { ok: false; reason: string };

export function canConnect(g: Graph, source: string, target: string, port: string, data: DataInfo): Connectable {
  const s = findNode(g, source),
    t = findNode(g, target);
  if (!s || !t) return { ok: false, reason: 'no such node' };
  if (!hasBlock(s.type) || !hasBlock(t.type)) return { ok: false, reason: 'unknown block type' };
  if (getBlock(s.type).outputs.length === 0) return { ok: false, reason: `${nodeTitle(s)} has no output` };
  const spec = getBlock(t.type).inputs.find((p) => p.name === port);
  if (!spec) return { ok: false, reason: `${nodeTitle(t)} has no input '${port}'` };
  if (s.network !== t.network) {
    return {
      ok: false,
      reason: `wires cannot cross from the ${s.network} into the ${t.network}; G's samples reach D through 'Fake samples'`,
    };
  }
  if (wouldCycle(g, source, target))
    return { ok: false, reason: `this wire would make a cycle through ${nodeTitle(t)}` };

  const trial = connect(g, source, target, port);
  const shapes = inferShapes(trial, data);
  const srcShape = shapes.nodes[source]?.shape;
  if (!srcShape) return { ok: true }; // upstream is broken already; do not blame this wire
  // Ask the target block directly so that a missing *other* input is not held against this wire.
  const inputs: Record<string, Shape[]> = Object.create(null);
  for (const [p, srcs] of Object.entries(incoming(trial, target))) {
    inputs[p] = srcs.map((id) => shapes.nodes[id]?.shape).filter((x): x is Shape => !!x);
  }
  try {
    return { ok: true, shape: getBlock(t.type).inferShape(inputs, t.params, shapeContext(trial, data)) };
  } catch (e) {
    if (e instanceof ShapeError && e.missing) return { ok: true };
    return { ok: false, reason: `${nodeTitle(t)} ${(e as Error).message}` };
  }
}
