/**
 * The layering as a test (issue 16): which folder may import which, as data. Every relative import of
 * every .ts/.tsx file under a row's folder (import, `import type`, `export … from`, `import()`) is
 * resolved to a path and must land in the file's own folder or in one its row allows. Each folder's
 * README.md says the same in its "May import:" sentence, and this test compares the two.
 *
 * The longest matching row wins, so a row for a sub-folder (e.g. `src/core/graph`) overrides its
 * parent's. For now `src/core` is one row, allowed to the UI folders as a whole; rows for core's
 * sub-folders go in the same table.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

const CORE = 'src/core';
/** What the training UI and the trainer read of the worker: its typed contract, nothing else. */
const WORKER_API = 'workers/api.ts';
/** What features read of the run's state (the worker's door, src/trainer/client.ts, is the run controller's alone). */
const TRAINING_STORE = 'src/trainer/store.ts';

/** Folder (or file) -> the folders and files it may import besides its own. */
export const ALLOWED: Record<string, readonly string[]> = {
  // The engine: pure TypeScript (no React, no DOM); the templates are its data.
  [CORE]: ['templates'],
  // Node and the worker run the engine.
  'workers': [CORE],
  'src/cli': [CORE],
  // The page's lower layers: the database, the editor's store, the worker's client.
  'src/storage': [CORE],
  'src/state': [CORE, 'src/storage'],
  'src/trainer': [CORE, WORKER_API],
  // The run controller: owns the built run and the trainer client; the features ask it.
  'src/run': [CORE, 'src/state', 'src/trainer', WORKER_API],
  // Widgets and DOM helpers that several features draw with (no store, no feature).
  'src/ui': [CORE],
  // The editor: canvas, palette, inspector. What features draw on its nodes comes from the app shell.
  'src/editor': [CORE, 'src/state', 'src/ui'],
  // Features: each reads the lower layers, none another feature (the app shell puts them together).
  'src/training-ui': [CORE, 'src/state', 'src/run', TRAINING_STORE, 'src/ui', WORKER_API],
  'src/doctor-ui': [CORE, 'src/state', 'src/run', TRAINING_STORE],
  'src/explorer': [CORE, 'src/run', TRAINING_STORE, 'src/ui'],
  'src/projects': [CORE, 'src/state', 'src/storage'],
  'src/datasets-ui': [CORE, 'src/state', 'src/storage', 'src/trainer', 'src/ui'],
  // The app shell: layout, commands, menus, files; composes the editor and the features.
  'src/app': [CORE, 'src/state', 'src/storage', 'src/run', TRAINING_STORE, 'src/ui', 'src/editor', 'src/projects',
    'src/training-ui', 'src/doctor-ui', 'src/explorer', 'src/datasets-ui'],
  // The entry point: boots the shell.
  'src/main.tsx': ['src/app', 'src/state', 'src/styles'],
};

const rows = Object.keys(ALLOWED).sort((a, b) => b.length - a.length);
const within = (path: string, place: string) => path === place || path.startsWith(`${place}/`);
/** The row a path belongs to: the longest key it is within. */
export const rowOf = (path: string): string | undefined => rows.find((r) => within(path, r));
const shortName = (row: string) => row.replace(/^src\//, '');

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [dir];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** A relative specifier from `file`, as a repo path with its extension when the file exists. */
function resolveImport(file: string, spec: string): string {
  const bare = relative(ROOT, resolve(ROOT, dirname(file), spec.replace(/\?.*$/, ''))).split('\\').join('/');
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const p = bare + ext;
    if (existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile()) return p;
  }
  return bare;
}

/** Every relative import of a file (static, type-only, re-exports, dynamic), resolved. */
export function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  return ts.preProcessFile(text, true, true).importedFiles
    .map((f) => f.fileName).filter((s) => s.startsWith('.')).map((s) => resolveImport(file, s));
}

/** The broken rules of one file, as messages naming the file, the import and what its folder may import. */
export function violations(file: string, imports: readonly string[]): string[] {
  const row = rowOf(file);
  if (!row) return [`${file} is in no row of the layers table (tests/architecture/layers.test.ts): add its folder`];
  const allowed = ALLOWED[row];
  return imports.filter((t) => !within(t, row) && !allowed.some((a) => within(t, a)))
    .map((t) => `${file} imports ${t}: ${shortName(row)} may import only ${allowed.join(', ')}`);
}

/**
 * The folders and files named in a README's "May import:" sentence (from a line starting with it to the
 * first full stop; packages such as React are ignored).
 */
export function mayImportLine(readme: string): string[] | undefined {
  const at = readme.search(/^May import:/m);
  if (at < 0) return undefined;
  const sentence = readme.slice(at).split(/\.(?:\s|$)/)[0];
  const names = [...sentence.matchAll(/(?:^|[\s`(,])((?:src|workers|templates)(?:\/[\w-]+)*(?:\.tsx?)?)/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

const CHECKED = Object.keys(ALLOWED);

describe('layers', () => {
  test('every relative import of every file goes where its folder\'s row allows', () => {
    const files = CHECKED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(200);
    const broken = [...new Set(files)].flatMap((f) => violations(f, importsOf(f)));
    expect(broken).toEqual([]);
  });

  test('every folder under src/ with TypeScript in it has a row', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}`);
    const unlisted = folders.filter((f) => sourceFiles(f).length && !rowOf(f));
    expect(unlisted).toEqual([]);
  });

  // src/core is the one row whose sub-folders keep their own READMEs; its rows come with the lead's table.
  const documented = CHECKED.filter((r) => r !== CORE && !/\.tsx?$/.test(r) && existsSync(join(ROOT, r)));
  test.each(documented)('%s/README.md says in its "May import:" sentence what the table allows', (row) => {
    const path = join(ROOT, row, 'README.md');
    expect(existsSync(path), `${row}/README.md is missing`).toBe(true);
    const named = mayImportLine(readFileSync(path, 'utf8'));
    expect(named, `${row}/README.md has no line starting with "May import:"`).toBeDefined();
    expect(named, `${row}/README.md's "May import:" sentence differs from the table`).toEqual([...ALLOWED[row]].sort());
  });
});

describe('the checker itself', () => {
  test('a feature imported by the editor is named with the file, the import and the rule', () => {
    expect(violations('src/editor/canvas/BlockNode.tsx', ['src/training-ui/NodeActivation.tsx', 'src/state/store.ts', 'src/editor/format.ts'])).toEqual([
      'src/editor/canvas/BlockNode.tsx imports src/training-ui/NodeActivation.tsx: editor may import only src/core, src/state, src/ui',
    ]);
  });

  test('every kind of import statement is seen, comments and strings are not', () => {
    const text = [
      "import { a } from '../state/store';", "import type { B } from '../../workers/api';", "export * from './x';",
      "export { c } from '../trainer/client';", "const m = import('../app/App');", "import './own.css';",
      "// import { no } from '../app/commands';", "const s = \"import x from '../app/files'\";",
    ].join('\n');
    expect(importsOf('src/explorer/Fake.tsx', text)).toEqual([
      'src/state/store.ts', 'workers/api.ts', 'src/explorer/x', 'src/trainer/client.ts', 'src/app/App.tsx', 'src/explorer/own.css',
    ]);
  });

  test('the longest row wins, and a README line names folders, not packages', () => {
    expect(rowOf('src/core/graph/ops.ts')).toBe('src/core');
    expect(rowOf('src/main.tsx')).toBe('src/main.tsx');
    expect(rowOf('src/editor/canvas/Canvas.tsx')).toBe('src/editor');
    expect(mayImportLine('# x\n\nMay import: `src/core/**`, `src/state`, React, `@xyflow/react`,\n`workers/api.ts`. Not `src/app`.\n'))
      .toEqual(['src/core', 'src/state', 'workers/api.ts']);
  });
});
