import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject, tryParseProject } from '../../src/core/project/schema';
import { TEMPLATE_IDS, loadTemplate, templateList } from '../../src/core/project/templates';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { planSummary } from '../../src/core/compile/summary';

const dcgan = () => JSON.parse(serializeProject(loadTemplate('dcgan-mnist')));

describe('the project file', () => {
  it('round-trips every template unchanged', () => {
    for (const id of TEMPLATE_IDS) {
      const p = loadTemplate(id);
      expect(parseProject(serializeProject(p))).toEqual(p);
    }
    expect(templateList().map((t) => t.id)).toEqual(TEMPLATE_IDS);
  });

  it('rejects a bad field with its path', () => {
    const bad = dcgan();
    bad.graph.nodes[3].params.alpha = -2;
    expect(() => parseProject(bad)).toThrow('graph.nodes[3].params.alpha: must be at least 0, got -2');
    const unknown = dcgan();
    unknown.graph.nodes[5].type = 'conv9d';
    expect(() => parseProject(unknown)).toThrow("graph.nodes[5].type: unknown block type 'conv9d'");
    const wire = dcgan();
    wire.graph.edges[2].target = 'nowhere';
    expect(() => parseProject(wire)).toThrow("graph.edges[2].target: no node named 'nowhere'");
    const lr = dcgan();
    lr.training.generator.learningRate = 'fast';
    expect(() => parseProject(lr)).toThrow('training.generator.learningRate: expected a number, got "fast"');
  });

  it('rejects files that are not Ganvas projects, or from a newer Ganvas, without throwing at the caller', () => {
    expect(tryParseProject('{"nodes": [')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not valid JSON/) },
    });
    expect(tryParseProject({ format: 'keras' })).toMatchObject({ ok: false, error: { path: 'format' } });
    expect(tryParseProject({ ...dcgan(), version: 99 })).toMatchObject({
      ok: false,
      error: { path: 'version', reason: expect.stringMatching(/newer Ganvas/) },
    });
  });

  it('migrates a version-0 file up to the current version', () => {
    const old = dcgan();
    delete old.description;
    old.version = 0;
    const p = parseProject(old);
    expect(p.version).toBe(1);
    expect(p.description).toBe('');
  });
});

describe('the TF-tutorial DCGAN template', () => {
  it('has the parameter counts Keras reports for the TF tutorial models: G 2,330,944 / D 212,865', () => {
    const p = loadTemplate('dcgan-tf-tutorial');
    const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
    if (!res.ok) throw new Error('does not compile');
    expect(res.plan.generator.params).toBe(2_330_944);
    expect(res.plan.discriminator.params).toBe(212_865);
    expect(planSummary(res.plan)).toMatch(/^generator: 2,330,944 params/m);
    expect(planSummary(res.plan)).toMatch(/^discriminator: 212,865 params/m);
  });
});
