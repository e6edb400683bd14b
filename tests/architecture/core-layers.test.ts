/**
 * The layers of src/core, as a test: each sub-folder (and each single-file module at core's root) may
 * import only the folders its row lists. A new import across layers fails here with the file and line,
 * and each folder's README states the same "May import:" list, which this test checks too.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { relativeImports } from './imports';

/** Lowest layers first. Single-file modules at core's root are listed by name (core/limits is src/core/limits.ts). */
export const CORE_LAYERS: Record<string, readonly string[]> = {
  'core/tf': [],
  'core/messages': [],
  'core/codeText': [],
  'core/blocks': ['core/tf', 'core/codeText'],
  'core/losses': ['core/tf'],
  'core/kernels': ['core/tf'],
  'core/graph': ['core/blocks', 'core/messages'],
  'core/shapes': ['core/blocks', 'core/graph'],
  'core/limits': ['core/blocks', 'core/graph', 'core/shapes'],
  'core/validate': ['core/blocks', 'core/graph', 'core/shapes', 'core/losses', 'core/limits', 'core/messages'],
  'core/training': ['core/blocks', 'core/losses', 'core/messages'],
  'core/data': ['core/tf'],
  'core/datasets': ['core/data', 'core/shapes', 'core/messages'],
  'core/project': ['core/blocks', 'core/graph', 'core/limits', 'core/messages', 'core/training', 'core/datasets'],
  'core/compile': ['core/tf', 'core/blocks', 'core/graph', 'core/shapes', 'core/validate', 'core/training'],
  'core/train': ['core/tf', 'core/blocks', 'core/compile', 'core/data', 'core/kernels', 'core/losses', 'core/training'],
  'core/backend': ['core/blocks', 'core/compile'],
  'core/codegen': ['core/blocks', 'core/compile', 'core/losses', 'core/training', 'core/codeText'],
  'core/quality': ['core/tf', 'core/blocks', 'core/data', 'core/datasets', 'core/train'],
  'core/doctor': ['core/compile', 'core/losses', 'core/train'],
  'core/explore': ['core/blocks', 'core/compile', 'core/data', 'core/train'],
  'core/docs': ['core/blocks', 'core/datasets', 'core/losses', 'core/training'],
};

/** `src/core/blocks/dense.ts` -> `core/blocks`; `src/core/limits.ts` -> `core/limits`; anything else -> undefined. */
function layerOf(path: string): string | undefined {
  const m = /^src\/core\/([^/]+?)(?:\.tsx?)?(?:\/|$)/.exec(path);
  return m ? `core/${m[1]}` : undefined;
}

describe('the layers of src/core', () => {
  const imports = relativeImports('.', ['src/core']);

  it('every folder of src/core has a row in the table', () => {
    const seen = new Set(imports.map((i) => layerOf(i.from)!));
    expect([...seen].filter((l) => !(l in CORE_LAYERS))).toEqual([]);
  });

  it('no file imports a layer its folder may not import', () => {
    const bad = imports.flatMap((i) => {
      const a = layerOf(i.from)!, b = layerOf(i.to);
      if (!b || a === b || (CORE_LAYERS[a] ?? []).includes(b)) return [];
      return [`${i.from}:${i.line} imports ${i.to}: ${a} may import only ${(CORE_LAYERS[a] ?? []).join(', ') || 'nothing of core'}`];
    });
    expect(bad).toEqual([]);
  });

  it("each folder's README says what it may import, as the table does", () => {
    const wrong: string[] = [];
    for (const [layer, allowed] of Object.entries(CORE_LAYERS)) {
      const readme = `src/${layer}/README.md`;
      if (!existsSync(readme)) continue; // single-file modules document themselves in their header
      const line = /^May import: (.*)$/m.exec(readFileSync(readme, 'utf8'))?.[1] ?? '';
      const listed = line.split('.')[0].split(',').map((s) => s.trim()).filter((s) => s && s !== 'nothing');
      if ([...listed].sort().join() !== [...allowed].sort().join()) wrong.push(`${readme}: "May import: ${line}" but the table allows ${allowed.join(', ') || 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  });
});
