/**
 * User datasets for the CLI: an MNIST-format IDX images file (optionally gzipped, with a labels file
 * beside it), or a folder or .zip of PNG/JPEG images (one subfolder per class gives labels).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { unzipSync } from 'fflate';
import { idxDataset } from '../core/data/idx';
import { imagesDataset, type DecodedImage } from '../core/data/images';
import type { HostDataset, Scale } from '../core/data/host';

const IMAGE = /\.(png|jpe?g)$/i;

export function decodeImage(name: string, bytes: Uint8Array): DecodedImage {
  try {
    if (/\.png$/i.test(name)) {
      const png = PNG.sync.read(Buffer.from(bytes));
      return { name, width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
    }
    const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { name, width: j.width, height: j.height, rgba: j.data };
  } catch (e) {
    throw new Error(`${name}: not a readable ${extname(name).slice(1).toUpperCase()} image (${(e as Error).message})`);
  }
}

/**
 * Files as (relative path, bytes); the class of a file is its first folder, when every file has one.
 * `where` says where they are (`folder/` or `archive.zip:`), so an unreadable image is named in full.
 */
function labelled(files: { path: string; bytes: () => Uint8Array }[], where: string): DecodedImage[] {
  const images = files.filter((f) => IMAGE.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  const folders = images.map((f) => (f.path.includes('/') ? f.path.split('/')[0] : undefined));
  const classes = folders.every((f) => f !== undefined) ? [...new Set(folders as string[])].sort() : undefined;
  return images.map((f, i) => ({ ...decodeImage(`${where}${f.path}`, f.bytes()), label: classes ? classes.indexOf(folders[i]!) : undefined }));
}

/** Runs `read`, naming `path` in its error unless the message already does. */
function naming<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    const m = (e as Error).message;
    throw new Error(m.startsWith(path) ? m : `${path}: ${m}`);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export interface UserDataOptions { labels?: string; size: number; channels: 1 | 3; scale: Scale }

export async function loadUserData(path: string, o: UserDataOptions): Promise<HostDataset> {
  if (!existsSync(path)) throw new Error(`no such file or folder: ${path}`);
  if (statSync(path).isDirectory()) {
    const files = walk(path).map((f) => ({ path: relative(path, f).split(sep).join('/'), bytes: () => readFileSync(f) }));
    return naming(path, () => imagesDataset(labelled(files, `${path.replace(/[\\/]+$/, '')}${sep}`), o.size, o.channels, o.scale, basename(path)));
  }
  if (/\.zip$/i.test(path)) {
    let entries: Record<string, Uint8Array>;
    try { entries = unzipSync(readFileSync(path)); } catch (e) { throw new Error(`${path}: not a readable zip file (${(e as Error).message})`); }
    const files = Object.entries(entries).filter(([p]) => !p.startsWith('__MACOSX/')).map(([p, b]) => ({ path: p, bytes: () => b }));
    return naming(path, () => imagesDataset(labelled(files, `${path}:`), o.size, o.channels, o.scale, basename(path)));
  }
  if (o.labels && !existsSync(o.labels)) throw new Error(`no such labels file: ${o.labels}`);
  return idxDataset(readFileSync(path), o.labels ? readFileSync(o.labels) : undefined, o.scale, basename(path), { images: path, labels: o.labels });
}
