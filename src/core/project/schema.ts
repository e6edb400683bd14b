/**
 * Reading a project file: migrate it up to the current version, then check every field. The first
 * bad field is reported with its path (e.g. `graph.nodes[3].params.filters: must be at least 1`),
 * and nothing is returned, so a caller never swaps a good project for a half-read one.
 *
 * Everything in the file is data: its nesting is measured (without recursion) before anything else
 * reads it; keys are looked up with Object.hasOwn, never `in`; the project returned is built from
 * fresh objects, never the file's own; text echoed in a message is escaped (errors.ts).
 */
import { getBlock, hasBlock } from '../blocks';
import { checkParam, withDefaults } from '../blocks/params';
import { NETWORKS, edgeId, type Graph, type GraphEdge, type GraphNode } from '../graph/types';
import { idError } from '../graph/ids';
import { LIMITS, fmtInt } from '../limits';
import { migrate } from './migrate';
import { ProjectError, pathKey, quoteName, showValue } from '../messages';
import { parseTraining } from '../training/parse';
import { DATASET_KIND_IDS, getDatasetKind } from '../datasets';
import { PROJECT_VERSION, type DatasetSpec, type Project } from './types';

export { ProjectError };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: string, reason: string): never => {
  throw new ProjectError(path, reason);
};
const show = (v: unknown) => showValue(v);

function obj(v: unknown, path: string): Obj {
  return isObj(v) ? v : fail(path, `expected an object, got ${show(v)}`);
}
function arr(v: unknown, path: string): unknown[] {
  return Array.isArray(v) ? v : fail(path, `expected a list, got ${show(v)}`);
}
function str(v: unknown, path: string): string {
  return typeof v === 'string' ? v : fail(path, `expected text, got ${show(v)}`);
}
function num(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, `expected a number, got ${show(v)}`);
  const n = v as number;
  if (n < min) fail(path, `must be at least ${min}, got ${n}`);
  if (n > max) fail(path, `must be at most ${max}, got ${n}`);
  return n;
}
function intIn(v: unknown, path: string, min: number, max = Infinity): number {
  const n = num(v, path, min, max);
  return Number.isInteger(n) ? n : fail(path, `expected a whole number, got ${n}`);
}
function oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T {
  return options.includes(v as T) ? (v as T) : fail(path, `must be one of ${options.join(', ')}, got ${show(v)}`);
}

/**
 * Nesting of the raw input, measured with an explicit stack before anything recursive (JSON.stringify
 * in a message, structuredClone, the parsers below) touches it. Names the path of the first value
 * too deep. A cyclic object (possible only for in-memory input) is infinitely deep and refused too.
 */
function checkNesting(root: unknown): void {
  const max = LIMITS.nesting.value;
  const stack: { v: object; depth: number; path: string }[] = [];
  const push = (v: unknown, depth: number, path: string) => {
    if (typeof v === 'object' && v !== null) stack.push({ v, depth, path });
  };
  push(root, 1, '');
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (depth > max)
      fail(
        path || '(file)',
        `nested more than ${max} levels deep; the limit is ${max} ${LIMITS.nesting.what} (a project nests 6)`,
      );
    if (Array.isArray(v)) v.forEach((c, i) => push(c, depth + 1, `${path}[${i}]`));
    else
      for (const k of Object.keys(v))
        push((v as Obj)[k], depth + 1, path ? `${path}${pathKey(k)}` : pathKey(k).replace(/^\./, ''));
  }
}

function parseNode(v: unknown, path: string): GraphNode {
  const o = obj(v, path);
  const id = str(o.id, `${path}.id`);
  const bad = idError(id);
  if (bad) fail(`${path}.id`, bad);
  const type = str(o.type, `${path}.type`);
  if (!hasBlock(type)) fail(`${path}.type`, `unknown block type ${quoteName(type)}`);
  const network = oneOf(o.network, NETWORKS, `${path}.network`);
  const block = getBlock(type);
  const given = o.params === undefined ? {} : obj(o.params, `${path}.params`);
  for (const k of Object.keys(given)) {
    if (!Object.hasOwn(block.params, k))
      fail(`${path}.params${pathKey(k)}`, `${block.label} has no parameter ${quoteName(k)}`);
  }
  const params = withDefaults(block.params, given as GraphNode['params']);
  for (const [k, spec] of Object.entries(block.params)) {
    const why = checkParam(spec, params[k]);
    if (why) fail(`${path}.params.${k}`, why);
  }
  const pos = o.position === undefined ? { x: 0, y: 0 } : obj(o.position, `${path}.position`);
  return {
    id,
    type,
    network,
    params,
    position: { x: num(pos.x, `${path}.position.x`), y: num(pos.y, `${path}.position.y`) },
  };
}

/** A list no longer than `limit` allows. */
function capped(v: unknown, path: string, limit: { value: number; what: string }): unknown[] {
  const a = arr(v, path);
  if (a.length > limit.value)
    fail(path, `${fmtInt(a.length)} entries; the limit is ${fmtInt(limit.value)} ${limit.what}`);
  return a;
}

function parseGraph(v: unknown, path: string): Graph {
  const o = obj(v, path);
  const nodes = capped(o.nodes, `${path}.nodes`, LIMITS.nodes).map((n, i) => parseNode(n, `${path}.nodes[${i}]`));
  const byId = new Map<string, GraphNode>();
  nodes.forEach((n, i) => {
    if (byId.has(n.id)) fail(`${path}.nodes[${i}].id`, `'${n.id}' is used by two nodes`);
    byId.set(n.id, n);
  });
  const edges: GraphEdge[] = capped(o.edges, `${path}.edges`, LIMITS.edges).map((e, i) => {
    const p = `${path}.edges[${i}]`;
    const eo = obj(e, p);
    const source = str(eo.source, `${p}.source`),
      target = str(eo.target, `${p}.target`);
    if (!byId.has(source)) fail(`${p}.source`, `no node named ${quoteName(source)}`);
    const t = byId.get(target) ?? fail(`${p}.target`, `no node named ${quoteName(target)}`);
    const targetPort = eo.targetPort === undefined ? 'x' : str(eo.targetPort, `${p}.targetPort`);
    if (!getBlock(t.type).inputs.some((q) => q.name === targetPort))
      fail(`${p}.targetPort`, `'${target}' has no input ${quoteName(targetPort)}`);
    return { id: edgeId(source, target, targetPort), source, target, targetPort };
  });
  return { nodes, edges };
}

export { parseTraining };

function parseDataset(v: unknown, path: string): DatasetSpec {
  const o = obj(v, path);
  const kind = getDatasetKind(oneOf(o.kind, DATASET_KIND_IDS, `${path}.kind`));
  for (const k of Object.keys(o)) {
    if (k !== 'kind' && k !== 'scale' && !kind.fields.includes(k))
      fail(`${path}${pathKey(k)}`, `a '${kind.id}' dataset has no field ${quoteName(k)}`);
  }
  return {
    kind: kind.id,
    scale: o.scale === undefined ? 'tanh' : oneOf(o.scale, ['tanh', 'sigmoid'] as const, `${path}.scale`),
    ...kind.parseFields(o, path),
  };
}

/** Parses (and migrates) a project; throws ProjectError naming the bad field. */
export function parseProject(input: unknown): Project {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      fail('', `not valid JSON (${(e as Error).message})`);
    }
  }
  checkNesting(raw);
  const top = obj(raw, '(file)');
  if (top.format !== 'ganvas')
    fail('format', `expected "ganvas" (is this a Ganvas project file?), got ${show(top.format)}`);
  const migrated = migrate(top);
  const vp = migrated.viewport === undefined ? undefined : obj(migrated.viewport, 'viewport');
  return {
    format: 'ganvas',
    version: PROJECT_VERSION,
    name: migrated.name === undefined ? 'Untitled' : str(migrated.name, 'name'),
    description: migrated.description === undefined ? '' : str(migrated.description, 'description'),
    graph: parseGraph(migrated.graph, 'graph'),
    training: parseTraining(migrated.training),
    dataset: parseDataset(migrated.dataset, 'dataset'),
    ...(vp
      ? {
          viewport: {
            x: num(vp.x, 'viewport.x'),
            y: num(vp.y, 'viewport.y'),
            zoom: num(vp.zoom, 'viewport.zoom', 0.01, 100),
          },
        }
      : {}),
  };
}

/** The same check without throwing, for UIs. */
export function tryParseProject(input: unknown): { ok: true; project: Project } | { ok: false; error: ProjectError } {
  try {
    return { ok: true, project: parseProject(input) };
  } catch (e) {
    if (e instanceof ProjectError) return { ok: false, error: e };
    return { ok: false, error: new ProjectError('', (e as Error).message) };
  }
}

export const serializeProject = (p: Project): string => `${JSON.stringify(p, null, 2)}\n`;
