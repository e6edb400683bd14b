/**
 * Saving and loading tf.LayersModels as tfjs's model format (model.json + weights.bin) on disk
 * without tfjs-node (which cannot be installed here): tfjs's own artifacts, written with fs.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';

type TF = typeof tfNs;

function joinWeights(tf: TF, data: tfNs.io.WeightData | undefined): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  return Array.isArray(data) ? tf.io.CompositeArrayBuffer.join(data) : data;
}

export async function saveModel(tf: TF, model: tfNs.LayersModel, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const json = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version['tfjs-layers']}`,
        convertedBy: 'Ganvas',
        modelTopology: a.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      writeFileSync(join(dir, 'weights.bin'), Buffer.from(joinWeights(tf, a.weightData)));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

/** A model folder's files as tf.io artifacts, checked; any failure names the file it came from. */
export function readModelFiles(dir: string): {
  modelTopology: object;
  weightSpecs: tfNs.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
  file: string;
} {
  const file = join(dir, 'model.json');
  if (!existsSync(file)) throw new Error(`no model.json in '${dir}'`);
  let json: {
    modelTopology?: unknown;
    weightsManifest?: { paths?: unknown[]; weights?: tfNs.io.WeightsManifestEntry[] }[];
  };
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const manifest = json?.weightsManifest?.[0];
  const weightsName = manifest?.paths?.[0];
  // The weights file must sit beside model.json: a name from the file never leads elsewhere.
  if (
    !json?.modelTopology ||
    !manifest?.weights ||
    typeof weightsName !== 'string' ||
    basename(weightsName) !== weightsName
  ) {
    throw new Error(`${file}: not a tfjs layers model written by Ganvas`);
  }
  const weightsFile = join(dir, weightsName);
  if (!existsSync(weightsFile)) throw new Error(`${file}: its weights file '${weightsName}' is missing`);
  const bin = readFileSync(weightsFile);
  return {
    modelTopology: json.modelTopology as object,
    weightSpecs: manifest.weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    file,
  };
}

/** Loads model.json + its weights file from `dir`; any failure names the file it came from. */
export async function loadModel(tf: TF, dir: string): Promise<tfNs.LayersModel> {
  const { modelTopology, weightSpecs, weightData, file } = readModelFiles(dir);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}
