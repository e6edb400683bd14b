/**
 * Reading a project file: migrate it up to the current version, then check every field. The first
 * bad field is reported with its path (e.g. `graph.nodes[3].params.filters: must be at least 1`),
 * and nothing is returned, so a caller never swaps a good project for a half-read one.
 */
import { getBlock, hasBlock } from '../blocks';
import { checkParam, withDefaults } from '../blocks/params';
import { NETWORKS, edgeId, type Graph, type GraphEdge, type GraphNode } from '../graph/types';
import { migrate } from './migrate';
import { ProjectError } from './errors';
import { parseTraining } from '../training/parse';
import { DATASET_KIND_IDS, getDatasetKind } from '../datasets';
import { PROJECT_VERSION, type DatasetSpec, type Project } from './types';

export { ProjectError };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: string, reason: string): never => { throw new ProjectError(path, reason); };
const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 60);

function obj(v: unknown, path: string): Obj { return isObj(v) ? v : fail(path, `expected an object, got ${show(v)}`); }
function arr(v: unknown, path: string): unknown[] { return Array.isArray(v) ? v : fail(path, `expected a list, got ${show(v)}`); }
function str(v: unknown, path: string): string { return typeof v === 'string' ? v : fail(path, `expected text, got ${show(v)}`); }
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

function parseNode(v: unknown, path: string): GraphNode {
  const o = obj(v, path);
  const id = str(o.id, `${path}.id`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) fail(`${path}.id`, `'${id}' is not a valid name (letters, digits and _)`);
  const type = str(o.type, `${path}.type`);
  if (!hasBlock(type)) fail(`${path}.type`, `unknown block type '${type}'`);
  const network = oneOf(o.network, NETWORKS, `${path}.network`);
  const block = getBlock(type);
  const given = o.params === undefined ? {} : obj(o.params, `${path}.params`);
  for (const k of Object.keys(given)) if (!(k in block.params)) fail(`${path}.params.${k}`, `${block.label} has no parameter '${k}'`);
  const params = withDefaults(block.params, given as GraphNode['params']);
  for (const [k, spec] of Object.entries(block.params)) {
    const why = checkParam(spec, params[k]);
    if (why) fail(`${path}.params.${k}`, why);
  }
  const pos = o.position === undefined ? { x: 0, y: 0 } : obj(o.position, `${path}.position`);
  return { id, type, network, params, position: { x: num(pos.x, `${path}.position.x`), y: num(pos.y, `${path}.position.y`) } };
}

function parseGraph(v: unknown, path: string): Graph {
  const o = obj(v, path);
  const nodes = arr(o.nodes, `${path}.nodes`).map((n, i) => parseNode(n, `${path}.nodes[${i}]`));
  const byId = new Map<string, GraphNode>();
  nodes.forEach((n, i) => {
    if (byId.has(n.id)) fail(`${path}.nodes[${i}].id`, `'${n.id}' is used by two nodes`);
    byId.set(n.id, n);
  });
  const edges: GraphEdge[] = arr(o.edges, `${path}.edges`).map((e, i) => {
    const p = `${path}.edges[${i}]`;
    const eo = obj(e, p);
    const source = str(eo.source, `${p}.source`), target = str(eo.target, `${p}.target`);
    if (!byId.has(source)) fail(`${p}.source`, `no node named '${source}'`);
    const t = byId.get(target) ?? fail(`${p}.target`, `no node named '${target}'`);
    const targetPort = eo.targetPort === undefined ? 'x' : str(eo.targetPort, `${p}.targetPort`);
    if (!getBlock(t.type).inputs.some((q) => q.name === targetPort)) fail(`${p}.targetPort`, `'${target}' has no input '${targetPort}'`);
    return { id: edgeId(source, target, targetPort), source, target, targetPort };
  });
  return { nodes, edges };
}

export { parseTraining };

function parseDataset(v: unknown, path: string): DatasetSpec {
  const o = obj(v, path);
  const kind = getDatasetKind(oneOf(o.kind, DATASET_KIND_IDS, `${path}.kind`));
  for (const k of Object.keys(o)) {
    if (k !== 'kind' && k !== 'scale' && !kind.fields.includes(k)) fail(`${path}.${k}`, `a '${kind.id}' dataset has no field '${k}'`);
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
    try { raw = JSON.parse(input); } catch (e) { fail('', `not valid JSON (${(e as Error).message})`); }
  }
  const top = obj(raw, '(file)');
  if (top.format !== 'ganvas') fail('format', `expected "ganvas" (is this a Ganvas project file?), got ${show(top.format)}`);
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
    ...(vp ? { viewport: { x: num(vp.x, 'viewport.x'), y: num(vp.y, 'viewport.y'), zoom: num(vp.zoom, 'viewport.zoom', 0.01, 100) } } : {}),
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
