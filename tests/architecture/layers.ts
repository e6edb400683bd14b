/**
 * The layering as data (issue 16): which folder or file may import which. Every relative import of
 * every .ts/.tsx file under a row's folder (import, `import type`, `export … from`, `import()`) is
 * resolved to a path and must land in the file's own row or in one its row allows. The longest
 * matching row wins, so src/core's sub-folders (and its single-file modules) have rows of their own.
 * Each folder's README.md says the same in its "May import:" sentence; layers.test.ts checks both.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

export const CORE = 'src/core';
/** What the training UI and the trainer read of the worker: its typed contract, nothing else. */
const WORKER_API = 'workers/api.ts';
/** What the Datasets feature reads of the import worker: its typed contract. */
const IMPORT_API = 'workers/importApi.ts';
/** What features read of the run's state (the worker's door, src/trainer/client.ts, is the run controller's alone). */
const TRAINING_STORE = 'src/trainer/store.ts';
/**
 * The one store's slices that live next to their owners outside src/state. Each is a row of its own, below
 * src/state (which composes them in store.ts) and below its owner's folder (which reads its types).
 */
const TRAINING_SLICE = 'src/trainer/trainingSlice.ts';
const WORKSPACE_SLICE = 'src/editor/workspaceSlice.ts';
const DOCTOR_SLICE = 'src/doctor-ui/doctorSlice.ts';
const TRACE_SLICE = 'src/training-ui/traceSlice.ts';
const HOVER_SLICE = 'src/training-ui/activationHoverSlice.ts';
const PROJECTS_SLICE = 'src/projects/projectsSlice.ts';
const DATASETS_SLICE = 'src/datasets-ui/datasetsSlice.ts';
const SLICES = [
  TRAINING_SLICE,
  WORKSPACE_SLICE,
  DOCTOR_SLICE,
  TRACE_SLICE,
  HOVER_SLICE,
  PROJECTS_SLICE,
  DATASETS_SLICE,
];

/** Folder (or file) -> the folders and files it may import besides its own. */
export const ALLOWED: Record<string, readonly string[]> = {
  // The engine: pure TypeScript (no React, no DOM). Its sub-folders (and single-file modules at its root) are layered
  // too, lowest first; each row lists the parts of core it may import.
  [CORE]: [],
  'src/core/tf.ts': [],
  'src/core/messages.ts': [],
  'src/core/codeText.ts': [],
  'src/core/blocks': ['src/core/tf.ts', 'src/core/codeText.ts'],
  'src/core/losses': ['src/core/tf.ts'],
  'src/core/kernels': ['src/core/tf.ts'],
  'src/core/graph': ['src/core/blocks', 'src/core/messages.ts'],
  'src/core/shapes': ['src/core/blocks', 'src/core/graph'],
  // A leaf: the limits' values (the model-size Problems are core/validate/limitProblems.ts), so core/data's readers can check them.
  'src/core/limits.ts': [],
  'src/core/validate': [
    'src/core/blocks',
    'src/core/graph',
    'src/core/shapes',
    'src/core/losses',
    'src/core/limits.ts',
    'src/core/messages.ts',
  ],
  'src/core/training': ['src/core/blocks', 'src/core/losses', 'src/core/messages.ts'],
  'src/core/data': ['src/core/tf.ts', 'src/core/limits.ts'],
  'src/core/datasets': ['src/core/data', 'src/core/shapes', 'src/core/messages.ts'],
  // The templates are the project module's data.
  'src/core/project': [
    'src/core/blocks',
    'src/core/graph',
    'src/core/limits.ts',
    'src/core/messages.ts',
    'src/core/training',
    'src/core/datasets',
    'templates',
  ],
  'src/core/compile': [
    'src/core/tf.ts',
    'src/core/blocks',
    'src/core/graph',
    'src/core/shapes',
    'src/core/validate',
    'src/core/training',
  ],
  'src/core/train': [
    'src/core/tf.ts',
    'src/core/blocks',
    'src/core/compile',
    'src/core/data',
    'src/core/kernels',
    'src/core/losses',
    'src/core/training',
  ],
  'src/core/backend': ['src/core/blocks', 'src/core/compile'],
  'src/core/codegen': [
    'src/core/blocks',
    'src/core/compile',
    'src/core/losses',
    'src/core/training',
    'src/core/codeText.ts',
  ],
  // The PyTorch project also writes project.json and the dataset kind's loader.
  'src/core/codegen/pytorch': [
    'src/core/blocks',
    'src/core/compile',
    'src/core/losses',
    'src/core/training',
    'src/core/codeText.ts',
    'src/core/datasets',
    'src/core/project',
  ],
  'src/core/quality': ['src/core/tf.ts', 'src/core/blocks', 'src/core/data', 'src/core/datasets', 'src/core/train'],
  'src/core/doctor': ['src/core/compile', 'src/core/losses', 'src/core/train'],
  'src/core/explore': ['src/core/blocks', 'src/core/compile', 'src/core/data', 'src/core/train'],
  'src/core/docs': ['src/core/blocks', 'src/core/datasets', 'src/core/losses', 'src/core/training'],
  // Node and the worker run the engine; the import and training workers keep and read datasets in the database themselves.
  workers: [CORE, 'src/storage'],
  'src/cli': [CORE],
  // The page's lower layers: the database, the one store (composed in src/state from the slices), the worker's client.
  'src/storage': [CORE],
  [TRAINING_SLICE]: [CORE, WORKER_API],
  [WORKSPACE_SLICE]: [],
  [DOCTOR_SLICE]: [CORE],
  [TRACE_SLICE]: [WORKER_API],
  [HOVER_SLICE]: [],
  [PROJECTS_SLICE]: [],
  [DATASETS_SLICE]: ['src/storage'],
  'src/state': [CORE, 'src/storage', ...SLICES],
  'src/trainer': [CORE, 'src/state', WORKER_API],
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
  'src/datasets-ui': [CORE, 'src/state', 'src/storage', 'src/trainer', 'src/ui', IMPORT_API],
  // The app shell: layout, commands, menus, files; composes the editor and the features.
  'src/app': [
    CORE,
    'src/state',
    'src/storage',
    'src/run',
    TRAINING_STORE,
    'src/ui',
    'src/editor',
    'src/projects',
    'src/training-ui',
    'src/doctor-ui',
    'src/explorer',
    'src/datasets-ui',
  ],
  // The entry point: boots the shell.
  'src/main.tsx': ['src/app', 'src/state', 'src/styles'],
};

const rows = Object.keys(ALLOWED).sort((a, b) => b.length - a.length);
const within = (path: string, place: string) => path === place || path.startsWith(`${place}/`);
/** The row a path belongs to: the longest key it is within. */
export const rowOf = (path: string): string | undefined => rows.find((r) => within(path, r));
const shortName = (row: string) => row.replace(/^src\//, '');

export function sourceFiles(dir: string): string[] {
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
  const bare = relative(ROOT, resolve(ROOT, dirname(file), spec.replace(/\?.*$/, '')))
    .split('\\')
    .join('/');
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const p = bare + ext;
    if (existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile()) return p;
  }
  return bare;
}

/** Every relative import of a file (static, type-only, re-exports, dynamic), resolved. */
export function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolveImport(file, s));
}

/** The broken rules of one file, as messages naming the file, the import and what its folder may import. */
export function violations(file: string, imports: readonly string[]): string[] {
  const row = rowOf(file);
  if (!row) return [`${file} is in no row of the layers table (tests/architecture/layers.test.ts): add its folder`];
  const allowed = ALLOWED[row];
  return imports
    .filter((t) => !within(t, row) && !allowed.some((a) => within(t, a)))
    .map((t) => `${file} imports ${t}: ${shortName(row)} may import only ${allowed.join(', ')}`);
}

/**
 * The folders and files named in a README's "May import:" sentence (from a line starting with it to the
 * first full stop; packages such as React are ignored). Core's READMEs name their neighbours short
 * (`core/tf` for src/core/tf.ts); names come back as the table writes them, without a .ts ending.
 */
export function mayImportLine(readme: string): string[] | undefined {
  const at = readme.search(/^May import:/m);
  if (at < 0) return undefined;
  const sentence = readme.slice(at).split(/\.(?:\s|$)/)[0];
  const names = [...sentence.matchAll(/(?:^|[\s`(,])((?:src|workers|templates|core)(?:\/[\w-]+)*(?:\.tsx?)?)/g)].map(
    (m) => m[1].replace(/^core\//, 'src/core/'),
  );
  return [...new Set(names.map(withoutTs))].sort();
}

export const withoutTs = (p: string): string => p.replace(/\.tsx?$/, '');
