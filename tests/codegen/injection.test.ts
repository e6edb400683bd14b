/**
 * Issue 18's injection files: a project whose name or description tries to close the exported
 * module's doc comment and run code. Each is loaded, compiled and exported exactly as `npm run export`
 * and the app's Export do; the module is transpiled in-process (TypeScript's transpileModule) and run
 * in Node with @tensorflow/tfjs (build G and D, train a step, sample): nothing of the payload runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { parseProject } from '../../src/core/project/schema';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { emitModule, emitPackageJson } from '../../src/core/codegen/emit';

// Inside the repo, so the module resolves @tensorflow/tfjs from its node_modules.
const dir = resolve('.cache', 'injection-test');
const ring = JSON.parse(readFileSync('templates/gan-2d-ring.json', 'utf8'));

const PAYLOAD = 'globalThis.PWNED = 1; console.log("PWNED"); process.stdout.write("PWNED")';
const FILES: Record<string, { name?: string; description?: string }> = {
  'payload in the name': { name: `x */ ${PAYLOAD}; /*` },
  'payload in the description': { description: `fine */ ${PAYLOAD}; /* more` },
  'line breaks and a star-slash in the description': {
    description: `a\n */ ${PAYLOAD};\n/** b\u2028 */ ${PAYLOAD} /*`,
  },
  'a single-line comment escape in the name': { name: `x\r\n${PAYLOAD}\u2029${PAYLOAD}//` },
};

/** The exported module for a project file text, transpiled to JavaScript (no type errors from the syntax). */
function exported(fileText: string): { ts: string; js: string; pkg: string } {
  const project = parseProject(fileText);
  const res = compileGraph(project.graph, datasetInfo(project.dataset), { ...project.training, batchSize: 8 });
  if (!res.ok) throw new Error(res.problems.map((p) => p.message).join('; '));
  const code = emitModule(res.plan, project.name, project.description);
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  expect(out.diagnostics ?? []).toEqual([]);
  return { ts: code, js: out.outputText, pkg: emitPackageJson('x.ts', project.name) };
}

describe('exported code never runs what a project says', () => {
  beforeAll(() => mkdirSync(dir, { recursive: true }));

  for (const [what, fields] of Object.entries(FILES)) {
    it(`${what}: the module compiles, runs (build, train a step, sample) and prints nothing of the payload`, () => {
      const text = JSON.stringify({ ...ring, ...fields });
      const { ts: code, js, pkg } = exported(text);
      // The user's words are still there, as comment text.
      expect(code).toContain('PWNED');
      const file = join(dir, `${what.replace(/\W+/g, '-')}.mjs`);
      writeFileSync(file, js);
      const runner = [
        `const m = await import(${JSON.stringify(`file://${file}`)});`,
        'const tf = await import("@tensorflow/tfjs");',
        'await tf.setBackend("cpu");',
        'const gan = m.createGan();',
        'const images = tf.randomNormal([16, 2]);',
        'const { dLoss, gLoss } = m.trainStep(gan, { images });',
        'const s = m.sample(4, gan);',
        'console.log(JSON.stringify({ ok: true, pwned: globalThis.PWNED ?? null, d: (await dLoss.data())[0], g: (await gLoss.data())[0], shape: s.shape }));',
      ].join('\n');
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', runner], {
        encoding: 'utf8',
        cwd: resolve('.'),
        timeout: 120_000,
      });
      const output = r.stdout + r.stderr;
      expect(output).not.toContain('PWNED');
      expect(r.status).toBe(0);
      const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
      expect(result).toMatchObject({ ok: true, pwned: null, shape: [4, 2] });
      expect(Number.isFinite(result.d) && Number.isFinite(result.g)).toBe(true);
      // package.json stays JSON: the name only as data, the npm package name made of [a-z0-9-].
      const meta = JSON.parse(pkg);
      expect(meta.name).toMatch(/^[a-z0-9-]+$/);
      expect(meta.scripts.typecheck.endsWith(' x.ts')).toBe(true);
    });
  }
});
