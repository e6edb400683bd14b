/**
 * Trained weights <-> a zip of tfjs layers-model folders: generator/ and discriminator/, each with
 * model.json + weights.bin, exactly as `npm run train` writes them (src/cli/modelFiles.ts), so each
 * folder loads with `tf.loadLayersModel`. plan.json and project.json ride along, which makes the
 * unzipped folder a run folder that `npm run sample` reads.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { NetworkWeights } from '../../core/compile/weights';

const NETS = ['generator', 'discriminator'] as const;
/** One network as tf.io artifacts: what the worker's exportWeights returns and importWeights takes. */
export type NetworkArtifacts = NetworkWeights & { modelTopology: unknown };

/** model.json as tfjs writes it for a single weights file. */
function modelJson(w: { modelTopology?: unknown; weightSpecs: unknown }): string {
  return JSON.stringify({
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers',
    convertedBy: 'Ganvas',
    modelTopology: w.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: w.weightSpecs }],
  });
}

export function weightsToZip(
  w: Record<(typeof NETS)[number], NetworkWeights & { modelTopology?: unknown }>,
  extra: Record<string, string> = {},
): Uint8Array {
  const files: Zippable = {};
  for (const net of NETS) {
    files[`${net}/model.json`] = strToU8(modelJson(w[net]));
    // Weights barely compress; storing them keeps a large export fast.
    files[`${net}/weights.bin`] = [new Uint8Array(w[net].weightData), { level: 0 }];
  }
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

/** Finds `<net>/model.json` anywhere in the zip (a re-zipped folder adds a top-level directory). */
function entryFor(files: Record<string, Uint8Array>, net: string): { dir: string; json: Uint8Array } | undefined {
  const path = Object.keys(files).find((p) => new RegExp(`(^|/)${net}/model\\.json$`).test(p));
  return path ? { dir: path.slice(0, -'model.json'.length), json: files[path] } : undefined;
}

function readNet(files: Record<string, Uint8Array>, net: string): NetworkArtifacts {
  const e = entryFor(files, net);
  if (!e) throw new Error(`the zip has no ${net}/model.json`);
  let json: { modelTopology?: unknown; weightsManifest?: { paths?: string[]; weights?: unknown }[] };
  try {
    json = JSON.parse(strFromU8(e.json));
  } catch {
    throw new Error(`${net}/model.json is not JSON`);
  }
  const manifest = json.weightsManifest?.[0];
  if (!manifest?.paths?.length || !manifest.weights)
    throw new Error(`${net}/model.json has no weights manifest (is it a tfjs layers model?)`);
  // tfjs may shard weights over several files; they are concatenated in manifest order.
  const parts = manifest.paths.map((p) => {
    const bin = files[e.dir + p];
    if (!bin) throw new Error(`the zip has no ${e.dir}${p} (named in ${net}/model.json)`);
    return bin;
  });
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    data.set(p, off);
    off += p.length;
  }
  return { modelTopology: json.modelTopology, weightSpecs: manifest.weights, weightData: data.buffer };
}

/**
 * How many steps the zipped run had trained: `run.json` ({ "step": N }, written by Export weights), else the
 * largest step in `metrics.jsonl` (a zipped `npm run train` folder); undefined when neither says.
 */
export function runStepOfZip(bytes: Uint8Array): number | undefined {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /(^|\/)(run\.json|metrics\.jsonl)$/.test(f.name) });
  } catch {
    return undefined;
  }
  const find = (name: string) => Object.keys(files).find((p) => p === name || p.endsWith(`/${name}`));
  const ok = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : undefined);
  const run = find('run.json');
  if (run) {
    try {
      return ok(JSON.parse(strFromU8(files[run])).step);
    } catch {
      return undefined;
    }
  }
  const metrics = find('metrics.jsonl');
  if (!metrics) return undefined;
  let best: number | undefined;
  for (const line of strFromU8(files[metrics]).split('\n')) {
    try {
      const s = ok(JSON.parse(line).step);
      if (s !== undefined && (best === undefined || s > best)) best = s;
    } catch {
      /* a blank or cut line */
    }
  }
  return best;
}

/** Reads a weights zip; throws a sentence naming the missing or broken file. */
export function weightsFromZip(bytes: Uint8Array): Record<(typeof NETS)[number], NetworkArtifacts> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('the file is not a zip');
  }
  return { generator: readNet(files, 'generator'), discriminator: readNet(files, 'discriminator') };
}
