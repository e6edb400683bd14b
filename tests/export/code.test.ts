import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { codeFiles, codeZip, compiledPlan } from '../../src/app/export/code';
import { emitModule, emitPackageJson } from '../../src/core/codegen/emit';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { TEMPLATE_IDS, loadTemplate } from '../../src/core/project/templates';
import { docOf } from '../../src/state/document';

/** What `npm run export` writes for a template (src/cli/export.ts). */
function cliText(id: string): string {
  const p = loadTemplate(id);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  if (!res.ok) throw new Error(id);
  return emitModule(res.plan, p.name, p.description);
}

describe('Export code (in-app)', () => {
  for (const id of TEMPLATE_IDS) {
    it(`${id}: the module is the CLI's text, named after the project`, () => {
      const doc = docOf(loadTemplate(id));
      const c = compiledPlan(doc);
      if (!c.ok) throw new Error(c.reason);
      const f = codeFiles(doc, c.plan);
      expect(f.module).toBe(cliText(id));
      expect(f.moduleName).toMatch(/^[a-z0-9-]+\.ts$/);
      expect(f.packageJson).toBe(emitPackageJson(f.moduleName, doc.name));
    });
  }

  it('names the file after the project: "DCGAN (MNIST)" -> dcgan-mnist.ts', () => {
    const doc = docOf(loadTemplate('dcgan-mnist'));
    const c = compiledPlan(doc);
    if (!c.ok) throw new Error(c.reason);
    expect(codeFiles({ ...doc, name: 'DCGAN (MNIST)' }, c.plan).moduleName).toBe('dcgan-mnist.ts');
  });

  it('zips the module with its package.json', () => {
    const doc = docOf(loadTemplate('gan-2d-ring'));
    const c = compiledPlan(doc);
    if (!c.ok) throw new Error(c.reason);
    const f = codeFiles(doc, c.plan);
    const files = unzipSync(codeZip(f));
    expect(Object.keys(files).sort()).toEqual(['package.json', f.moduleName].sort());
    expect(strFromU8(files[f.moduleName])).toBe(f.module);
    expect(JSON.parse(strFromU8(files['package.json'])).dependencies['@tensorflow/tfjs']).toBeTruthy();
  });

  it('gives the reason instead of a plan when the graph does not compile', () => {
    const doc = docOf(loadTemplate('gan-2d-ring'));
    const broken = { ...doc, graph: { ...doc.graph, edges: doc.graph.edges.filter((e) => e.target !== 'g_out') } };
    const c = compiledPlan(broken);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toMatch(/^The graph does not compile: .+/);
    // Memoised per graph: the same document gives the same object.
    expect(compiledPlan(broken)).toBe(c);
  });
});
