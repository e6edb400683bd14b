/**
 * Property-based fuzzing of the project loader and the exporter (fast-check, fixed seed): malformed
 * and hostile project files built from the templates by random mutations — truncation, wrong types,
 * hostile strings in every string field, prototype-named keys and ids, ids that collide with the
 * exported module's own names, deep nesting, huge numbers, real cycles, duplicate ids, missing fields
 * — given as file text or as an object. For every case:
 * - the loader refuses with a ProjectError naming the field (only "not valid JSON" has no path), whose
 *   message holds no raw control character, or it accepts the file; nothing else is ever thrown;
 * - an accepted file validates and compiles without throwing (compile may refuse, with problems);
 * - the exported TypeScript of every compiled file parses without a diagnostic, and its tokens are
 *   those of the export of the same graph with neutral text (name "N", description "D", ids n0, n1,
 *   ...) except for the text of identifiers and string literals: the user's words change comments,
 *   string contents and variable names only, never code;
 * - Object.prototype keeps its own properties and their descriptors (checked after every case).
 * A few exports with hostile ids and text are then type-checked together (tsc --strict, in-process).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { ProjectError, parseProject } from '../../src/core/project/schema';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { emitModule } from '../../src/core/codegen/emit';
import { PROTOTYPE_NAMES } from '../../src/core/graph/ids';
import { MODULE_NAMES } from '../../src/core/codegen/names';
import type { Project } from '../../src/core/project/types';

const SEED = 18_2026;
const RUNS = 1_200;
const TEMPLATES = [
  'dcgan-mnist',
  'infogan-mnist',
  'acgan-mnist',
  'vanilla-gan-mnist',
  'cgan-mnist',
  'wgan-gp-mnist',
  'lsgan-mnist',
  'gan-2d-ring',
];
const BASES = new Map(TEMPLATES.map((id) => [id, readFileSync(`templates/${id}.json`, 'utf8')]));
const PARSED = new Map(TEMPLATES.map((id) => [id, parseProject(BASES.get(id)!)]));

const PAYLOADS = [
  'x */ console.log("PWNED"); /*',
  '*/ process.exit(3) /*',
  '\n */ globalThis.PWNED = 1 /*',
  '\u2028*/ throw 1 //',
  '\u001b[2J\u001b[31m',
  '"; process.exit(2); "',
  "'; process.exit(2); '",
  '`${process.exit(2)}`',
  '\\',
  '</script>',
  '\u202e}\u2066',
  '\ud800',
  '😀',
  '',
  '__proto__',
  'constructor',
  'toString',
  '"""',
  '#',
  '-rf /',
  '$(reboot)',
];
const TRICKY_IDS = [
  ...PROTOTYPE_NAMES,
  ...MODULE_NAMES,
  '_x',
  'class',
  'await',
  'yield',
  'let',
  'default',
  'new',
  'undefined',
  'NaN',
  'arguments',
  'eval',
  'z_target',
  'c_target',
  'n_tf',
  'n_n_tf',
  'x1',
  'A',
  'ünïcode',
  '1abc',
  'a-b',
  '',
];
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];
const HUGE = [
  1e308,
  -1e308,
  1e9,
  3e6,
  2 ** 53 + 1,
  1e21,
  1e-320,
  -0,
  4096,
  65536,
  Infinity,
  -Infinity,
  NaN,
  0,
  -1,
  0.5,
];

const hostileText = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...PAYLOADS, '*', '/', 'a'), { maxLength: 6 }).map((p) => p.join('')),
);

type Json = Record<string, unknown> | unknown[];
type Mutation =
  | { kind: 'wrongType'; at: number; value: unknown }
  | { kind: 'hostileStrings'; mask: number; texts: string[] }
  | { kind: 'hostileText'; name: string; description: string }
  | { kind: 'protoKey'; at: number; key: string; value: unknown }
  | { kind: 'id'; node: number; id: string }
  | { kind: 'deep'; at: number; depth: number; objects: boolean }
  | { kind: 'huge'; at: number; value: number }
  | { kind: 'hugeParam'; node: number; param: number; value: number }
  | { kind: 'cycle'; edge: number; long: boolean }
  | { kind: 'duplicateId'; from: number; to: number }
  | { kind: 'drop'; at: number }
  | { kind: 'customData'; name: string; shape: number[]; classes: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('wrongType' as const),
    at: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, true, '', [], {}, 'x', 0)),
  }),
  fc.record({
    kind: fc.constant('hostileStrings' as const),
    mask: fc.nat(),
    texts: fc.array(hostileText, { minLength: 1, maxLength: 6 }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('hostileText' as const), name: hostileText, description: hostileText }),
  },
  fc.record({
    kind: fc.constant('protoKey' as const),
    at: fc.nat(),
    key: fc.constantFrom(...PROTO_KEYS),
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('id' as const),
      node: fc.nat(),
      id: fc.oneof(fc.constantFrom(...TRICKY_IDS), hostileText),
    }),
  },
  fc.record({
    kind: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 20, max: 5000 }),
    objects: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), value: fc.constantFrom(...HUGE) }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('hugeParam' as const),
      node: fc.nat(),
      param: fc.nat(),
      value: fc.constantFrom(...HUGE),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cycle' as const), edge: fc.nat(), long: fc.boolean() }) },
  fc.record({ kind: fc.constant('duplicateId' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('customData' as const),
    name: hostileText,
    shape: fc.array(fc.constantFrom(1, 2, 28, 3, 1e6, 1e9), { minLength: 1, maxLength: 4 }),
    classes: fc.constantFrom(0, 10, 1e9),
  }),
);

const fuzzCase = fc.record({
  base: fc.constantFrom(...TEMPLATES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  asText: fc.boolean(),
  // One case in six is a file cut short somewhere.
  truncate: fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  ),
});

/** Every (container, key) pair under `root`, in a fixed order. */
function slots(root: Json): [Json, string | number][] {
  const out: [Json, string | number][] = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const c = stack.pop()!;
    const keys: (string | number)[] = Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
    for (const k of keys) {
      out.push([c, k]);
      const v = (c as Record<string | number, unknown>)[k];
      if (typeof v === 'object' && v !== null) stack.push(v as Json);
    }
  }
  return out;
}
const set = (c: Json, k: string | number, v: unknown) =>
  Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
const pick = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

function renameNode(p: Record<string, any>, node: number, id: string): void {
  const n = pick<any>(p.graph?.nodes ?? [], node);
  if (!n || typeof n !== 'object') return;
  const old = n.id;
  n.id = id;
  for (const e of p.graph.edges ?? []) {
    if (e?.source === old) e.source = id;
    if (e?.target === old) e.target = id;
  }
}

function apply(p: Record<string, any>, m: Mutation): void {
  const all = slots(p);
  switch (m.kind) {
    case 'wrongType': {
      const s = pick(all, m.at);
      if (s) set(s[0], s[1], m.value);
      break;
    }
    case 'hostileStrings': {
      const strings = all.filter(([c, k]) => typeof (c as any)[k] === 'string');
      strings.forEach(([c, k], i) => {
        if ((m.mask >> (i % 30)) & 1) set(c, k, m.texts[i % m.texts.length]);
      });
      break;
    }
    case 'hostileText':
      p.name = m.name;
      p.description = m.description;
      break;
    case 'protoKey': {
      const objects = [
        p,
        ...all.map(([c, k]) => (c as any)[k]).filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
      ];
      set(pick(objects, m.at)!, m.key, m.value);
      break;
    }
    case 'id':
      renameNode(p, m.node, m.id);
      break;
    case 'deep': {
      let v: unknown = 1;
      for (let i = 0; i < m.depth; i++) v = m.objects ? { a: v } : [v];
      const s = pick(all, m.at);
      if (s) set(s[0], s[1], v);
      break;
    }
    case 'huge': {
      const s = pick(
        all.filter(([c, k]) => typeof (c as any)[k] === 'number'),
        m.at,
      );
      if (s) set(s[0], s[1], m.value);
      break;
    }
    case 'hugeParam': {
      const n = pick<any>(p.graph?.nodes ?? [], m.node);
      const params = n?.params && typeof n.params === 'object' ? Object.keys(n.params) : [];
      const key = pick(params, m.param);
      if (key) n.params[key] = m.value;
      break;
    }
    case 'cycle': {
      // Close a loop over existing wires: s -> t becomes s -> t -> s (or s -> t -> u -> s).
      const edges: any[] = p.graph?.edges ?? [];
      const e = pick(edges, m.edge);
      if (!e) break;
      const next = m.long ? edges.find((x) => x?.source === e.target) : undefined;
      edges.push({ source: next ? next.target : e.target, target: e.source, targetPort: 'x' });
      break;
    }
    case 'duplicateId': {
      const nodes: any[] = p.graph?.nodes ?? [];
      const a = pick(nodes, m.from),
        b = pick(nodes, m.to);
      if (a && b && a !== b) b.id = a.id;
      break;
    }
    case 'drop': {
      const s = pick(all, m.at);
      if (s && !Array.isArray(s[0])) delete (s[0] as any)[s[1]];
      break;
    }
    case 'customData':
      p.dataset = { kind: 'custom', scale: 'tanh', name: m.name, shape: m.shape, numClasses: m.classes };
      break;
  }
}

/**
 * The module as tokens (comments and whitespace left out): each token's kind, and its text unless it is
 * an identifier or a string literal. The generated code has no regular expressions or template
 * strings, so the scanner reads it exactly; injected code would show up as other tokens.
 */
function tokens(code: string): { tokens: string[]; diagnostics: number } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const out: string[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    out.push(
      k === ts.SyntaxKind.Identifier || k === ts.SyntaxKind.StringLiteral ? `${k}` : `${k}:${scanner.getTokenText()}`,
    );
  }
  const sf = ts.createSourceFile('m.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return { tokens: out, diagnostics: (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.length };
}

/** The same project with neutral words: name N, description D, ids n0, n1, ... (wires renamed with them). */
function neutral(p: Project): Project {
  const ids = new Map(p.graph.nodes.map((n, i) => [n.id, `n${i}`]));
  return {
    ...p,
    name: 'N',
    description: 'D',
    dataset: p.dataset.kind === 'custom' ? { ...p.dataset, name: 'X' } : p.dataset,
    graph: {
      nodes: p.graph.nodes.map((n) => ({ ...n, id: ids.get(n.id)! })),
      edges: p.graph.edges.map((e) => ({ ...e, source: ids.get(e.source)!, target: ids.get(e.target)! })),
    },
  };
}

const exportOf = (p: Project): string | undefined => {
  const res = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  return res.ok ? emitModule(res.plan, p.name, p.description) : undefined;
};

const prototypeSnapshot = () =>
  Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)]);
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('fuzzing the project loader and the exporter', () => {
  it(`${RUNS} malformed and hostile files: refused with a field path, or accepted and exported as data only`, () => {
    const counts = {
      cases: 0,
      refused: 0,
      refusedWithPath: 0,
      accepted: 0,
      compiled: 0,
      notCompiled: 0,
      exported: 0,
      exportedWithHostileText: 0,
    };
    const reasons = new Map<string, number>();
    const hostileExports: string[] = [];
    const before = prototypeSnapshot();
    const others = [Array.prototype, Function.prototype, String.prototype].map((o) =>
      Object.getOwnPropertyNames(o).sort().join(),
    );

    fc.assert(
      fc.property(fuzzCase, (c) => {
        counts.cases++;
        const raw = JSON.parse(BASES.get(c.base)!);
        for (const m of c.mutations) apply(raw, m);
        let input: unknown = raw;
        if (c.asText || c.truncate !== null) {
          let text: string;
          try {
            text = JSON.stringify(raw);
          } catch {
            text = BASES.get(c.base)!;
          } // too deep to write: use the original text
          input = c.truncate === null ? text : text.slice(0, Math.floor(text.length * c.truncate));
        }

        let project: Project | undefined;
        try {
          project = parseProject(input);
        } catch (e) {
          // Only ProjectError escapes; it names the field unless the text is not JSON at all.
          if (!(e instanceof ProjectError))
            throw new Error(
              `${c.base}: ${(e as Error)?.constructor?.name} escaped the loader: ${(e as Error)?.message}`,
            );
          expect(e.path !== '' || e.reason.startsWith('not valid JSON')).toBe(true);
          expect(UNPRINTABLE.test(e.message)).toBe(false);
          counts.refused++;
          if (e.path) counts.refusedWithPath++;
          const kind =
            e.path === ''
              ? '(not valid JSON)'
              : e.path
                  .replace(/\[\d+\]/g, '[i]')
                  .replace(/\.params(\.\w+|\[.*)$/, '.params.*')
                  .replace(/(\[i\]|\.a){3,}$/, '(deep)');
          reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
        }
        expect(prototypeSnapshot()).toEqual(before);
        if (!project) return;

        counts.accepted++;
        const code = exportOf(project);
        if (code === undefined) {
          counts.notCompiled++;
          return;
        }
        counts.compiled++;
        const ours = tokens(code);
        expect(ours.diagnostics).toBe(0);
        const plain = exportOf(neutral(project));
        expect(plain).toBeDefined();
        expect(ours.tokens).toEqual(tokens(plain!).tokens);
        counts.exported++;
        const template = PARSED.get(c.base)!;
        const hostile =
          project.name !== template.name ||
          project.description !== template.description ||
          project.graph.nodes.some((n, i) => n.id !== template.graph.nodes[i]?.id);
        if (hostile) {
          counts.exportedWithHostileText++;
          if (
            hostileExports.length < 4 &&
            project.graph.nodes.some((n) => MODULE_NAMES.includes(n.id) || n.id === 'class')
          )
            hostileExports.push(code);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    expect(
      [Array.prototype, Function.prototype, String.prototype].map((o) => Object.getOwnPropertyNames(o).sort().join()),
    ).toEqual(others);
    console.log(`project fuzz (seed ${SEED}): ${JSON.stringify(counts)}`);
    console.log(`refusals by field: ${JSON.stringify(Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])))}`);
    expect(counts.cases).toBeGreaterThanOrEqual(1000);
    // The fuzzer must reach both sides, and exports with hostile text and ids.
    expect(counts.refused).toBeGreaterThan(200);
    expect(counts.exportedWithHostileText).toBeGreaterThan(100);
    expect(hostileExports.length).toBeGreaterThan(0);

    // Those exports (ids such as tf, batch, sample, class; hostile names) type-check with tsc --strict.
    const dir = resolve('.cache', 'fuzz-export');
    mkdirSync(dir, { recursive: true });
    const files = hostileExports.map((code, i) => {
      const f = join(dir, `m${i}.ts`);
      writeFileSync(f, code);
      return f;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
