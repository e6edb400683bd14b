/**
 * The graph's validation (problems, shapes, params, MACs), computed once per document change and
 * shared by every component that reads it.
 */
import { validateGraph, type Validation } from '../core/validate/validate';
import { datasetInfo } from '../core/datasets';
import { explainShapeProblems } from '../core/shapes/follow';
import { templateForShape } from '../core/project/templates';
import type { DataInfo } from '../core/shapes/infer';
import type { Problem } from '../core/graph/types';
import { useEditor } from './store';
import type { Doc } from './document';

let last: {
  graph: Doc['graph'];
  dataset: Doc['dataset'];
  loss: string;
  batch: number;
  out: Validation;
  data: DataInfo;
} | null = null;

export function validationOf(doc: Doc): Validation {
  const { loss, batchSize: batch } = doc.training;
  if (last && last.graph === doc.graph && last.dataset === doc.dataset && last.loss === loss && last.batch === batch)
    return last.out;
  const data = datasetInfo(doc.dataset);
  // The batch size decides the memory estimate, which is checked against core/limits.ts.
  const checked = validateGraph(doc.graph, data, { loss, batchSize: batch });
  // Where G cannot follow the data's shape, the problem says which block decides it (core/shapes/follow.ts).
  const out = { ...checked, problems: explainShapeProblems(doc.graph, data, checked.problems, templateForShape) };
  last = { graph: doc.graph, dataset: doc.dataset, loss, batch, out, data };
  return out;
}

export const useValidation = (): Validation => useEditor((s) => validationOf(s.doc));
export const useDataInfo = (): DataInfo => {
  const dataset = useEditor((s) => s.doc.dataset);
  return datasetInfo(dataset);
};

/** Problems grouped by the node they are about. */
export function problemsByNode(problems: readonly Problem[]): Map<string, Problem[]> {
  const m = new Map<string, Problem[]>();
  for (const p of problems) if (p.nodeId) (m.get(p.nodeId) ?? m.set(p.nodeId, []).get(p.nodeId)!).push(p);
  return m;
}
