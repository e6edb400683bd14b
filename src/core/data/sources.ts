/**
 * One entry point for a user's data, shared by the CLI (files and folders on disk) and the app's import
 * worker (dropped files): the format is found from the bytes (core/data/formats.ts), then images (a zip, a
 * folder, several files), an IDX file (with an optional labels file) or a point cloud (CSV, .npy) become a
 * dataset and a short report of what was done. The platform reads files and decodes images; sizes are
 * checked against the limits before anything is read whole.
 */
import type { ArchiveFile } from './archive';
import { readZip } from './archive';
import { detectFormat, READABLE } from './formats';
import type { ByteDataset, HostDataset, Scale } from './host';
import { idxDataset } from './idx';
import { gunzipLimited } from './gzip';
import {
  describeImport,
  IMAGE_FILE,
  importImages,
  spread,
  type ImageDecoder,
  type ImageImportReport,
} from './imageImport';
import type { Fit } from './images';
import { fmtInt } from '../limits';
import { parsePointsCsv, parsePointsNpy, pointsDataset } from './points';

export interface ImportOptions {
  /** Images: the square size, grey or RGB, how to make them square, at most how many. */
  size: number;
  channels: 1 | 3;
  fit: Fit;
  maxImages?: number;
  scale: Scale;
  /** Point clouds: centre and scale into [-2, 2]² (default true). */
  normalise?: boolean;
  /** IDX: the labels file that goes with the images file. */
  labels?: { name: string; bytes: Uint8Array };
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

export interface Imported {
  dataset: HostDataset;
  what: 'images' | 'idx' | 'points';
  /** What was done, in a few lines (skipped images, resizing, classes, normalisation). */
  report: string[];
  /** Images: the details behind the report. */
  images?: ImageImportReport;
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '');

/**
 * A set of files (a folder, or several dropped files): images; or one file of another kind; or an IDX
 * images file and its labels file (told apart by their headers: images have 3 dimensions, labels 1).
 */
export async function importFiles(
  name: string,
  files: ArchiveFile[],
  decode: ImageDecoder,
  o: ImportOptions,
): Promise<Imported> {
  if (files.length === 2 && !files.some((f) => IMAGE_FILE.test(f.path))) {
    const pair = await idxPair(files);
    if (pair)
      return importFile(pair.images.path, pair.images.bytes, decode, {
        ...o,
        labels: { name: pair.labels.path, bytes: pair.labels.bytes },
      });
  }
  if (files.some((f) => IMAGE_FILE.test(f.path)) || files.length !== 1) {
    const { dataset, report } = await importImages(files, decode, { ...o, name });
    return { dataset, what: 'images', report: describeImport(report, o), images: report };
  }
  return importFile(files[0].path, await files[0].bytes(), decode, o);
}

/** Two IDX files (gzipped or not), images and labels, in either order; undefined when they are not that. */
async function idxPair(
  files: ArchiveFile[],
): Promise<{ images: { path: string; bytes: Uint8Array }; labels: { path: string; bytes: Uint8Array } } | undefined> {
  const read = await Promise.all(
    files.map(async (f) => {
      const raw = await f.bytes();
      const format = detectFormat(f.path, raw.subarray(0, 16));
      if (format !== 'idx' && format !== 'gzip') return undefined;
      const bytes = format === 'gzip' ? await gunzipLimited(raw, f.path) : raw;
      return { path: f.path, bytes, rank: bytes[3] };
    }),
  );
  const images = read.find((r) => r?.rank === 3),
    labels = read.find((r) => r?.rank === 1);
  return images && labels ? { images, labels } : undefined;
}

/** One file: a zip of images, an IDX file (gzipped or not), a CSV or .npy of points. */
export async function importFile(
  path: string,
  bytes: Uint8Array,
  decode: ImageDecoder,
  o: ImportOptions,
): Promise<Imported> {
  const name = baseName(path);
  const format = detectFormat(path, bytes.subarray(0, 16));
  switch (format) {
    case 'zip': {
      const { files, others } = readZip(bytes, path, (p) => IMAGE_FILE.test(p));
      if (!files.length) {
        const what = others.length
          ? `it has ${fmtInt(others.length)} other file${others.length === 1 ? '' : 's'}: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}`
          : 'it is empty';
        throw new Error(`${path} holds no PNG or JPEG images (${what})`);
      }
      const all = [...files, ...others.map((p) => ({ path: p, bytes: () => new Uint8Array(0) }))];
      const { dataset, report } = await importImages(all, decode, { ...o, name: name.replace(/\.zip$/i, '') });
      return { dataset, what: 'images', report: describeImport(report, o), images: report };
    }
    case 'png':
    case 'jpeg':
      throw new Error(`${path} is one image; a dataset needs many: pick several images, a folder or a zip of them`);
    case 'gzip':
    case 'idx': {
      const d = await idxDataset(
        bytes,
        o.labels?.bytes,
        o.scale,
        name.replace(/\.gz$/i, '').replace(/\.idx\d?-ubyte$|\.idx$/i, ''),
        { images: path, labels: o.labels?.name },
      );
      const kept = keepSome(d, o.maxImages);
      const report = [
        `${fmtInt(kept.count)} of ${fmtInt(d.count)} images, ${d.shape[0]}×${d.shape[1]} grey (IDX images keep their size)`,
      ];
      if (d.labels) report.push(`${d.numClasses} classes from ${o.labels!.name}`);
      return { dataset: kept, what: 'idx', report };
    }
    case 'csv':
    case 'npy': {
      const pts =
        format === 'csv' ? parsePointsCsv(new TextDecoder().decode(bytes), path) : parsePointsNpy(bytes, path);
      const { dataset, centre, factor } = pointsDataset(pts, name.replace(/\.(csv|tsv|txt|npy)$/i, ''), {
        normalise: o.normalise,
      });
      const report = [`${fmtInt(dataset.count)} points`];
      if (o.normalise !== false)
        report.push(
          `centred on (${centre.map((c) => +c.toPrecision(4)).join(', ')}) and scaled ×${+factor.toPrecision(4)} to fit [-2, 2]²`,
        );
      return { dataset, what: 'points', report };
    }
    default:
      throw new Error(`${path}: Ganvas reads ${READABLE}`);
  }
}

/** At most k samples of an IDX dataset, evenly spread. */
function keepSome(d: ByteDataset, k: number | undefined): ByteDataset {
  if (k === undefined || k >= d.count) return d;
  const idx = spread(d.count, k),
    per = d.pixels.length / d.count;
  const pixels = new Uint8Array(idx.length * per);
  idx.forEach((i, j) => pixels.set(d.pixels.subarray(i * per, (i + 1) * per), j * per));
  return { ...d, count: idx.length, pixels, labels: d.labels && Int32Array.from(idx, (i) => d.labels![i]) };
}
