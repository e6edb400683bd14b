/**
 * Saving and loading tf.LayersModels as tfjs's model format (model.json + weights.bin) on disk
 * without tfjs-node (which cannot be installed here): tfjs's own artifacts, written with fs.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';

type TF = typeof tfNs;

function joinWeights(tf: TF, data: tfNs.io.WeightData | undefined): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  return Array.isArray(data) ? tf.io.CompositeArrayBuffer.join(data) : data;
}

export async function saveModel(tf: TF, model: tfNs.LayersModel, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await model.save(tf.io.withSaveHandler(async (a) => {
    const json = {
      format: 'layers-model', generatedBy: `TensorFlow.js tfjs-layers v${tf.version['tfjs-layers']}`, convertedBy: 'Ganvas',
      modelTopology: a.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
    };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'weights.bin'), Buffer.from(joinWeights(tf, a.weightData)));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
}

export async function loadModel(tf: TF, dir: string): Promise<tfNs.LayersModel> {
  const file = join(dir, 'model.json');
  if (!existsSync(file)) throw new Error(`no model.json in '${dir}'`);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const manifest = json.weightsManifest?.[0];
  if (!json.modelTopology || !manifest) throw new Error(`'${file}' is not a tfjs layers model`);
  const bin = readFileSync(join(dir, manifest.paths[0]));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: manifest.weights, weightData }));
}
