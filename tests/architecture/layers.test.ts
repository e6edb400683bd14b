/**
 * The layering as a test (issue 16), over the table in layers.ts: every relative import of every file
 * goes where its row allows, every folder has a row, and each folder's README says what its row says.
 * Shown failing on a forbidden import in the note (a core/losses file importing core/blocks).
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALLOWED, CORE, ROOT, importsOf, mayImportLine, rowOf, sourceFiles, violations, withoutTs } from './layers';

const CHECKED = Object.keys(ALLOWED);

describe('layers', () => {
  test("every relative import of every file goes where its folder's row allows", () => {
    const files = CHECKED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(200);
    const broken = [...new Set(files)].flatMap((f) => violations(f, importsOf(f)));
    expect(broken).toEqual([]);
  });

  test('every folder under src/ with TypeScript in it has a row', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `src/${e.name}`);
    const unlisted = folders.filter((f) => sourceFiles(f).length && !rowOf(f));
    expect(unlisted).toEqual([]);
  });

  test('every file of src/core is in a row of its own layer, not only in core as a whole', () => {
    expect(sourceFiles(CORE).filter((f) => rowOf(f) === CORE)).toEqual([]);
  });

  // Every folder row has a README (single-file modules document themselves in their header).
  const documented = CHECKED.filter((r) => r !== CORE && !/\.tsx?$/.test(r) && existsSync(join(ROOT, r)));
  test.each(documented)('%s/README.md says in its "May import:" sentence what the table allows', (row) => {
    const path = join(ROOT, row, 'README.md');
    expect(existsSync(path), `${row}/README.md is missing`).toBe(true);
    const named = mayImportLine(readFileSync(path, 'utf8'));
    expect(named, `${row}/README.md has no line starting with "May import:"`).toBeDefined();
    expect(named, `${row}/README.md's "May import:" sentence differs from the table`).toEqual(
      ALLOWED[row].map(withoutTs).sort(),
    );
  });
});

describe('the checker itself', () => {
  test('a feature imported by the editor is named with the file, the import and the rule', () => {
    expect(
      violations('src/editor/canvas/BlockNode.tsx', [
        'src/training-ui/NodeActivation.tsx',
        'src/state/store.ts',
        'src/editor/format.ts',
      ]),
    ).toEqual([
      'src/editor/canvas/BlockNode.tsx imports src/training-ui/NodeActivation.tsx: editor may import only src/core, src/state, src/ui',
    ]);
  });

  test('every kind of import statement is seen, comments and strings are not', () => {
    const text = [
      "import { a } from '../state/store';",
      "import type { B } from '../../workers/api';",
      "export * from './x';",
      "export { c } from '../trainer/client';",
      "const m = import('../app/App');",
      "import './own.css';",
      "// import { no } from '../app/commands';",
      'const s = "import x from \'../app/files\'";',
    ].join('\n');
    expect(importsOf('src/explorer/Fake.tsx', text)).toEqual([
      'src/state/store.ts',
      'workers/api.ts',
      'src/explorer/x',
      'src/trainer/client.ts',
      'src/app/App.tsx',
      'src/explorer/own.css',
    ]);
  });

  test('the longest row wins, and a README line names folders, not packages', () => {
    expect(rowOf('src/core/graph/ops.ts')).toBe('src/core/graph');
    expect(rowOf('src/core/tf.ts')).toBe('src/core/tf.ts');
    expect(rowOf('src/main.tsx')).toBe('src/main.tsx');
    expect(rowOf('src/editor/canvas/Canvas.tsx')).toBe('src/editor');
    expect(
      mayImportLine(
        '# x\n\nMay import: `src/core/**`, `src/state`, React, `@xyflow/react`,\n`workers/api.ts`. Not `src/app`.\n',
      ),
    ).toEqual(['src/core', 'src/state', 'workers/api']);
    expect(mayImportLine('May import: core/tf, core/blocks. tf is passed in.')).toEqual([
      'src/core/blocks',
      'src/core/tf',
    ]);
  });
});
