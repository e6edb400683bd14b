/**
 * What the Export menu's items do. Each reads the current document (src/state) or training store
 * (src/trainer), builds the file with a pure helper of this folder and hands it to downloadBlob;
 * problems go to the editor's toast, and nothing in the project changes.
 */
import { serializeProject } from '../../core/project/schema';
import { projectOf } from '../../state/document';
import { useEditor } from '../../state/store';
import { run } from '../../run';
import { useTraining } from '../../trainer/store';
import { downloadBlob, slugOf } from '../files';
import { codeFiles, codeZip, compiledPlan } from './code';
import { metricsCsv } from '../../core/train/metricsCsv';
import { samplePng } from '../../ui/samplePng';
import { weightsToZip } from './weightsZip';
import { pytorchZip } from './pytorch';
import { pytorchDataFiles } from '../../core/codegen/pytorch';
import { MNIST_BIN_PATH } from '../../core/data/mnist';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const notify = (text: string, kind: 'info' | 'error' = 'info') => useEditor.getState().notify(text, kind);
const stem = () => slugOf(useEditor.getState().doc.name);

function currentCode() {
  const doc = useEditor.getState().doc;
  const c = compiledPlan(doc);
  if (!c.ok) {
    notify(c.reason, 'error');
    return undefined;
  }
  return { doc, plan: c.plan, files: codeFiles(doc, c.plan) };
}

export function exportCodeCommand(): void {
  const c = currentCode();
  if (!c) return;
  downloadBlob(new Blob([c.files.module], { type: 'text/typescript' }), c.files.moduleName);
  notify(`Exported ${c.files.moduleName}: buildGenerator(), buildDiscriminator(), trainStep(), sample(n)`);
}

export function exportCodeZipCommand(): void {
  const c = currentCode();
  if (!c) return;
  const name = `${stem()}-code.zip`;
  downloadBlob(new Blob([codeZip(c.files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
  notify(`Exported ${name} (${c.files.moduleName} + package.json)`);
}

/** The project as a standalone PyTorch project (zip), as npm run export -- --target pytorch writes it. */
export async function exportPytorchCommand(): Promise<void> {
  const { doc, viewport } = useEditor.getState();
  const c = compiledPlan(doc);
  if (!c.ok) {
    notify(c.reason, 'error');
    return;
  }
  const project = projectOf(doc, viewport);
  // The data files the dataset kind bundles, from where the app reads them.
  const sources: Record<string, () => Promise<Uint8Array>> = {
    mnistBytes: async () => {
      const r = await fetch(new URL(MNIST_BIN_PATH, document.baseURI).href);
      if (!r.ok) throw new Error(`the bundled MNIST could not be read (${r.status})`);
      return new Uint8Array(await r.arrayBuffer());
    },
  };
  try {
    const data: Record<string, Uint8Array> = {};
    for (const [name, source] of Object.entries(pytorchDataFiles(project))) {
      const get = sources[source];
      if (!get) throw new Error(`${name} cannot be bundled from the app`);
      data[name] = await get();
    }
    const folder = `${stem()}-pytorch`;
    downloadBlob(
      new Blob([pytorchZip(folder, c.plan, project, data) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      `${folder}.zip`,
    );
    notify(
      `Exported ${folder}.zip: pip install -r requirements.txt, then python train.py (or torchrun) — see its README`,
    );
  } catch (e) {
    notify(`Could not export the PyTorch project: ${errorText(e)}`, 'error');
  }
}

export async function exportWeightsCommand(): Promise<void> {
  // Reading the weights while steps replace them could read freed tensors: pause around the read.
  const running = useTraining.getState().status === 'running';
  if (running) await run.pause();
  const w = await run.exportWeights();
  if (running) await run.start();
  if (!w) return; // the client has shown why
  const { doc, viewport } = useEditor.getState();
  const c = compiledPlan(doc);
  // plan.json + project.json make the unzipped folder a run folder for `npm run sample`.
  const step = useTraining.getState().step;
  const extra: Record<string, string> = c.ok
    ? { 'plan.json': JSON.stringify(c.plan, null, 2), 'project.json': serializeProject(projectOf(doc, viewport)) }
    : {};
  // run.json: how far this run trained, so Import weights continues from that step.
  extra['run.json'] = JSON.stringify({ step });
  const name = `${stem()}-weights-step${step}.zip`;
  downloadBlob(new Blob([weightsToZip(w, extra) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
  notify(`Exported ${name}: generator/ and discriminator/ as tfjs layers models (model.json + weights.bin)`);
}

export async function exportSamplesCommand(): Promise<void> {
  const s = useTraining.getState().samples;
  if (!s) {
    notify('No samples yet: train or step first', 'error');
    return;
  }
  try {
    const name = `${stem()}-samples-step${s.step}.png`;
    downloadBlob(await samplePng(s.tile), name);
    notify(`Exported ${name}`);
  } catch (e) {
    notify(`Could not export the samples: ${errorText(e)}`, 'error');
  }
}

export function exportMetricsCommand(): void {
  const h = useTraining.getState().history;
  if (!h.length) {
    notify('No metrics yet: train or step first', 'error');
    return;
  }
  const name = `${stem()}-metrics.csv`;
  downloadBlob(new Blob([metricsCsv(h)], { type: 'text/csv' }), name);
  notify(`Exported ${name} (${h.length} steps)`);
}
