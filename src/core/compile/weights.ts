/**
 * Loads exported weights (tf.io artifacts: weight specs + one buffer per network) into built models,
 * all or nothing: every name, shape, dtype and byte count is checked before any variable changes, so a
 * file from another graph leaves the models exactly as they were.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
}
/** One network's weights as tf.io artifacts carry them (the specs come from JSON, so unknown). */
export interface NetworkWeights {
  weightSpecs: unknown;
  weightData: ArrayBuffer;
}
export type GanWeights = Record<'generator' | 'discriminator', NetworkWeights>;
export type GanModels = Record<'generator' | 'discriminator', tfNs.LayersModel>;

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** A model's weights as specs, named as tf.io saves them (the layer name, not the uniquified variable). */
export const specsOf = (model: tfNs.LayersModel): WeightSpec[] =>
  model.weights.map((w) => ({ name: w.originalName, shape: [...w.shape] as number[], dtype: w.dtype }));

function parseSpecs(network: string, raw: unknown): WeightSpec[] {
  const ok =
    Array.isArray(raw) &&
    raw.every((s) => s && typeof s.name === 'string' && Array.isArray(s.shape) && typeof s.dtype === 'string');
  if (!ok) throw new Error(`${network}: the weight list is not in the tfjs format (name, shape, dtype per weight)`);
  return raw as WeightSpec[];
}

/** The first difference between the project's weights and a file's, in words (in the project's layer order). */
export function firstMismatch(
  network: string,
  expected: readonly WeightSpec[],
  got: readonly WeightSpec[],
): string | undefined {
  const byName = new Map(got.map((g) => [g.name, g]));
  for (const e of expected) {
    const g = byName.get(e.name);
    if (!g) return `${network}: the file has no weights '${e.name}' (${fmt(e.shape)} in this project)`;
    if (fmt(g.shape) !== fmt(e.shape))
      return `${network}: '${e.name}' is ${fmt(g.shape)} in the file but ${fmt(e.shape)} in this project`;
    if (g.dtype !== e.dtype) return `${network}: '${e.name}' is ${g.dtype} in the file but ${e.dtype} in this project`;
  }
  const extra = got.find((g) => !expected.some((e) => e.name === g.name));
  return extra ? `${network}: the file has weights '${extra.name}' that no layer of this project has` : undefined;
}

function byteLength(specs: readonly WeightSpec[]): number {
  return specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * (BYTES[s.dtype] ?? 4), 0);
}

/** Throws the first problem of `w` for these models; returns the parsed specs when everything matches. */
export function checkWeights(models: GanModels, w: GanWeights): Record<keyof GanModels, WeightSpec[]> {
  const out = {} as Record<keyof GanModels, WeightSpec[]>;
  for (const net of ['generator', 'discriminator'] as const) {
    const specs = parseSpecs(net, w[net]?.weightSpecs);
    const problem = firstMismatch(net, specsOf(models[net]), specs);
    if (problem) throw new Error(problem);
    const need = byteLength(specs),
      have = w[net].weightData.byteLength;
    if (need !== have) throw new Error(`${net}: weights.bin holds ${have} bytes but its weights need ${need}`);
    out[net] = specs;
  }
  return out;
}

/** Checks both networks, then sets every weight (BatchNorm's moving statistics included). */
export function loadWeights(tf: TF, models: GanModels, w: GanWeights): void {
  const specs = checkWeights(models, w);
  for (const net of ['generator', 'discriminator'] as const) {
    const named = tf.io.decodeWeights(w[net].weightData, specs[net] as tfNs.io.WeightsManifestEntry[]);
    const m = models[net];
    m.setWeights(m.weights.map((v) => named[v.originalName]));
    // The variables now share the decoded data (reference-counted): disposing our handles keeps it alive for them.
    Object.values(named).forEach((t) => t.dispose());
  }
}
