/**
 * The project as code: the same text `npm run export` writes (emitModule of the compiled plan), or
 * the reason it cannot be exported yet (the graph does not compile). Pure: no DOM, memoised per graph.
 */
import { strToU8, zipSync } from 'fflate';
import { compileGraph, type GanPlan } from '../../core/compile/plan';
import { emitModule, emitPackageJson } from '../../core/codegen/emit';
import { datasetInfo } from '../../core/datasets';
import type { Doc } from '../../state/document';
import { slugOf } from '../files';

export type Compiled = { ok: true; plan: GanPlan } | { ok: false; reason: string };

let last: { graph: Doc['graph']; dataset: Doc['dataset']; training: Doc['training']; out: Compiled } | undefined;

/** The compiled plan of a document, or why there is none (the first error, and how many more). */
export function compiledPlan(doc: Doc): Compiled {
  if (last && last.graph === doc.graph && last.dataset === doc.dataset && last.training === doc.training)
    return last.out;
  const res = compileGraph(doc.graph, datasetInfo(doc.dataset), doc.training);
  const errors = res.problems.filter((p) => p.severity === 'error');
  const out: Compiled = res.ok
    ? { ok: true, plan: res.plan }
    : {
        ok: false,
        reason: `The graph does not compile: ${errors[0]?.message ?? 'see the problems list'}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`,
      };
  last = { graph: doc.graph, dataset: doc.dataset, training: doc.training, out };
  return out;
}

export interface CodeFiles {
  moduleName: string;
  module: string;
  packageJson: string;
}

/** `<slug>.ts` and its package.json, exactly as the CLI's export writes them. */
export function codeFiles(doc: Doc, plan: GanPlan): CodeFiles {
  const moduleName = `${slugOf(doc.name)}.ts`;
  return {
    moduleName,
    module: emitModule(plan, doc.name, doc.description),
    packageJson: emitPackageJson(moduleName, doc.name),
  };
}

/** The module and package.json in one zip, ready for `npm install && npm run typecheck`. */
export const codeZip = (c: CodeFiles): Uint8Array =>
  zipSync({ [c.moduleName]: strToU8(c.module), 'package.json': strToU8(c.packageJson) });
