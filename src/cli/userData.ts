/**
 * User datasets for the CLI, read with the same core as the app's import (core/data/sources.ts): a folder
 * or .zip of PNG/JPEG images (one subfolder per class gives labels), an IDX images file (optionally gzipped,
 * with a labels file beside it), or 2-D points as CSV or .npy. A file's size is checked before it is read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import type { ArchiveFile } from '../core/data/archive';
import { isLitter } from '../core/data/archive';
import type { DecodedImage, Fit } from '../core/data/images';
import type { HostDataset, Scale } from '../core/data/host';
import { LIMITS } from '../core/limits';
import { checkFileSize } from '../core/data/limits';
import { importFile, importFiles, type Imported } from '../core/data/sources';

export function decodeImage(name: string, bytes: Uint8Array): DecodedImage {
  try {
    if (/\.png$/i.test(name)) {
      const png = PNG.sync.read(Buffer.from(bytes));
      return { name, width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
    }
    const j = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxMemoryUsageInMB: 256,
      maxResolutionInMP: LIMITS.imagePixels.value / 1e6,
    });
    return { name, width: j.width, height: j.height, rgba: j.data };
  } catch (e) {
    throw new Error(`not a readable ${extname(name).slice(1).toUpperCase()} image (${(e as Error).message})`);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Reads a file whole, after refusing it by its size alone. */
export function readLimited(path: string): Uint8Array {
  checkFileSize(path, statSync(path).size);
  return readFileSync(path);
}

export interface UserDataOptions {
  labels?: string;
  size: number;
  channels: 1 | 3;
  scale: Scale;
  fit?: Fit;
  maxImages?: number;
  normalise?: boolean;
}

/** A folder, zip, IDX, CSV or .npy as a dataset, with the report of what was done. */
export async function importUserData(path: string, o: UserDataOptions): Promise<Imported> {
  if (!existsSync(path)) throw new Error(`no such file or folder: ${path}`);
  const opts = {
    size: o.size,
    channels: o.channels,
    scale: o.scale,
    fit: o.fit ?? 'crop',
    maxImages: o.maxImages,
    normalise: o.normalise,
  };
  if (statSync(path).isDirectory()) {
    const files: ArchiveFile[] = walk(path)
      .map((f) => ({ path: relative(path, f).split(sep).join('/'), bytes: () => readLimited(f) }))
      .filter((f) => !isLitter(f.path));
    const folder = path.replace(/[\\/]+$/, '');
    // Skipped images are named by their path under the folder; the folder names the dataset.
    return importFiles(folder, files, decodeImage, opts).then((r) => ({
      ...r,
      dataset: { ...r.dataset, name: basename(folder) },
    }));
  }
  if (o.labels && !existsSync(o.labels)) throw new Error(`no such labels file: ${o.labels}`);
  const labels = o.labels ? { name: o.labels, bytes: readLimited(o.labels) } : undefined;
  return importFile(path, readLimited(path), decodeImage, { ...opts, labels });
}

export async function loadUserData(path: string, o: UserDataOptions): Promise<HostDataset> {
  return (await importUserData(path, o)).dataset;
}
