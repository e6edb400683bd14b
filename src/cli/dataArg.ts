/**
 * The CLI's data: the project's own dataset, or --data naming another — a built-in kind (`--data sprites64`,
 * `--data ring8`: the same generator the app runs, so both train on the same samples) or a file or folder
 * (a zip or folder of images, IDX, CSV or .npy points; core/data/sources.ts). Imported data is recorded in
 * the project the way the app records it: name, shape, classes, count and content hash.
 */
import { readFileSync, statSync } from 'node:fs';
import { choiceOption, intOption, type Args } from './args';
import { getDatasetKind, hasDatasetKind, loadDataset } from '../core/datasets';
import { describeImported } from '../core/datasets/custom';
import { datasetHash } from '../core/data/hash';
import type { HostDataset } from '../core/data/host';
import { FITS } from '../core/data/images';
import type { DatasetSpec } from '../core/project/types';
import { importUserData } from './userData';

/** `hash`: the samples' content hash (core/data/hash.ts): the app and the CLI print the same one for the same data. */
export interface CliData {
  spec: DatasetSpec;
  host: HostDataset;
  report: string[];
  hash: string;
}

export async function dataFromArgs(args: Args, project: DatasetSpec, mnistPath: () => string): Promise<CliData> {
  const sources = {
    mnistBytes: async () => readFileSync(mnistPath()),
    custom: async (spec: DatasetSpec): Promise<HostDataset> => {
      throw new Error(
        `this project trains on ${describeImported(spec)}, which lives in the app's browser storage: pass the same files with --data`,
      );
    },
  };
  const arg = args.options.data;
  if (arg === undefined) {
    const host = await loadDataset(project, sources);
    return { spec: project, host, report: [], hash: await datasetHash(host) };
  }
  const data = String(arg);
  if (hasDatasetKind(data) && getDatasetKind(data).builtIn) {
    const spec: DatasetSpec = { kind: data, scale: project.scale };
    const count = intOption(args, 'data-count', undefined),
      seed = intOption(args, 'data-seed', undefined, 0);
    if (count !== undefined) spec.count = count;
    if (seed !== undefined) spec.seed = seed;
    // Through the project parser's rules for the kind (a kind without count/seed refuses them).
    for (const k of ['count', 'seed'] as const) {
      if (spec[k] !== undefined && !getDatasetKind(data).fields.includes(k))
        throw new Error(`--data-${k} does not apply to '${data}'`);
    }
    const host = await loadDataset(spec, sources);
    return { spec, host, report: [], hash: await datasetHash(host) };
  }
  const fit = choiceOption(args, 'fit', FITS, 'crop');
  const imported = await importUserData(data, {
    labels: args.options.labels ? String(args.options.labels) : undefined,
    size: intOption(args, 'image-size', 28)!,
    channels: choiceOption(args, 'channels', ['1', '3'] as const, '1') === '3' ? 3 : 1,
    fit,
    maxImages: intOption(args, 'max-images', undefined),
    normalise: choiceOption(args, 'normalise', ['yes', 'no'] as const, 'yes') === 'yes',
    scale: project.scale,
  });
  const host = imported.dataset;
  const hash = await datasetHash(host);
  const report = [...imported.report];
  if (project.kind === 'custom' && project.hash && project.hash !== hash) {
    report.push(
      `note: these samples differ from the ones the project was made with (${describeImported(project)}, hash ${project.hash.slice(0, 12)}…; now ${hash.slice(0, 12)}…)`,
    );
  }
  return {
    spec: {
      kind: 'custom',
      scale: project.scale,
      name: host.name,
      shape: host.shape,
      numClasses: host.numClasses,
      count: host.count,
      hash,
      // Images from a folder or zip were brought to square this way: the PyTorch export fits them alike.
      ...(/\.zip$/i.test(data) || statSync(data).isDirectory() ? { fit } : {}),
    },
    host,
    report,
    hash,
  };
}
