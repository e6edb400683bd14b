/**
 * A set of image files (a folder, a zip, a drop) -> a dataset and a report of what happened to each file.
 * The platform decodes (pngjs/jpeg-js in the CLI, createImageBitmap in the browser's worker); everything
 * else is here, so the app and the CLI import the same files into the same bytes:
 * - classes: the first folder under the folders all images share, when every image has one;
 * - an image that cannot be read is skipped and counted, with the reason (the import fails only when none can);
 * - an image too large is skipped by its header's size, before it is decoded;
 * - images of different sizes are all brought to size×size (crop, pad or stretch) and the sizes reported;
 * - at most N images, evenly spread over the sorted list, so every class keeps its share;
 * - decoded one at a time and written straight into the dataset's bytes: memory is the dataset plus one image.
 */
import { imageHeaderSize } from './formats';
import type { ByteDataset, Scale } from './host';
import { resizeTo, type DecodedImage, type Fit } from './images';
import { LIMITS, fmtInt } from '../limits';
import type { ArchiveFile } from './archive';

export const IMAGE_FILE = /\.(png|jpe?g)$/i;

export type ImageDecoder = (name: string, bytes: Uint8Array) => DecodedImage | Promise<DecodedImage>;

export interface ImageImportOptions {
  size: number;
  channels: 1 | 3;
  fit: Fit;
  scale: Scale;
  /** Keep at most this many images (evenly spread over the sorted list). */
  maxImages?: number;
  name: string;
  /** Called every few images with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Asked between images; true stops the import with a 'cancelled' error. */
  shouldStop?: () => boolean;
}

export interface ImageImportReport {
  /** Image files found (PNG/JPEG by name). */
  found: number;
  /** Images in the dataset. */
  used: number;
  /** Images left out by the at-most-N option. */
  leftOut: number;
  /** Images that could not be read, with why; they are not in the dataset. */
  skipped: { path: string; reason: string }[];
  /** Files that are not PNG/JPEG (ignored). */
  ignored: string[];
  /** Sizes found, most common first ("40×30"), and how many images had each. */
  sizes: { size: string; count: number }[];
  /** Images whose size was not size×size, so were resized (and cropped or padded). */
  resized: number;
  classes: string[];
  classCounts: number[];
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** The folders every path starts with (so a zip of 'set/cats/1.png' has classes cats, not set). */
function commonFolder(paths: string[]): string {
  if (!paths.length) return '';
  let parts = paths[0].split('/').slice(0, -1);
  for (const p of paths) {
    const q = p.split('/').slice(0, -1);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? `${parts.join('/')}/` : '';
}

/** k of n indices, evenly spread (all of them when k >= n). */
export function spread(n: number, k: number | undefined): number[] {
  if (k === undefined || k >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: Math.max(0, k) }, (_, i) => Math.floor((i * n) / k));
}

export async function importImages(
  files: ArchiveFile[],
  decode: ImageDecoder,
  o: ImageImportOptions,
): Promise<{ dataset: ByteDataset; report: ImageImportReport }> {
  const images = files
    .filter((f) => IMAGE_FILE.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const ignored = files.filter((f) => !IMAGE_FILE.test(f.path)).map((f) => f.path);
  if (!images.length) {
    const what = ignored.length
      ? `it has ${fmtInt(ignored.length)} other file${ignored.length === 1 ? '' : 's'}: ${ignored.slice(0, 3).join(', ')}${ignored.length > 3 ? ', ...' : ''}`
      : 'it is empty';
    throw new Error(`${o.name} holds no PNG or JPEG images (${what})`);
  }
  if (images.length > LIMITS.images.value && (o.maxImages ?? Infinity) > LIMITS.images.value) {
    throw new Error(
      `${o.name} holds ${fmtInt(images.length)} images; the limit is ${fmtInt(LIMITS.images.value)} ${LIMITS.images.what}: set at most N images`,
    );
  }
  const prefix = commonFolder(images.map((f) => f.path));
  const folders = images.map((f) => {
    const rest = f.path.slice(prefix.length);
    return rest.includes('/') ? rest.split('/')[0] : undefined;
  });
  const classes = folders.every((f) => f !== undefined) ? [...new Set(folders as string[])].sort() : [];
  const chosen = spread(images.length, o.maxImages);
  const per = o.size * o.size * o.channels;
  const pixels = new Uint8Array(chosen.length * per);
  const labels = new Int32Array(chosen.length);
  const skipped: ImageImportReport['skipped'] = [];
  const sizes = new Map<string, number>();
  let used = 0,
    resized = 0;
  for (let j = 0; j < chosen.length; j++) {
    if (o.shouldStop?.()) throw new ImportCancelled();
    const f = images[chosen[j]];
    try {
      const bytes = await f.bytes();
      const head = imageHeaderSize(bytes);
      if (head && head.width * head.height > LIMITS.imagePixels.value) {
        throw new Error(
          `${head.width}×${head.height} pixels; the limit is ${fmtInt(LIMITS.imagePixels.value)} ${LIMITS.imagePixels.what}`,
        );
      }
      const img = await decode(f.path, bytes);
      if (img.width < 1 || img.height < 1 || img.rgba.length !== img.width * img.height * 4)
        throw new Error('its pixels could not be read');
      resizeTo(img, o.size, o.channels, o.fit, pixels, used * per);
      const key = `${img.width}×${img.height}`;
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
      if (img.width !== o.size || img.height !== o.size) resized++;
      labels[used] = classes.length ? classes.indexOf(folders[chosen[j]]!) : 0;
      used++;
    } catch (e) {
      if (e instanceof ImportCancelled) throw e;
      skipped.push({ path: f.path, reason: (e as Error).message.replace(`${f.path}: `, '') });
    }
    if (j % 16 === 15 || j === chosen.length - 1) o.onProgress?.(j + 1, chosen.length);
  }
  if (!used)
    throw new Error(
      `none of the ${fmtInt(chosen.length)} images in ${o.name} could be read (${skipped[0].path}: ${skipped[0].reason})`,
    );
  const classCounts = classes.map(() => 0);
  if (classes.length) for (let i = 0; i < used; i++) classCounts[labels[i]]++;
  const dataset: ByteDataset = {
    name: o.name,
    shape: [o.size, o.size, o.channels],
    count: used,
    numClasses: classes.length,
    pixels: used === chosen.length ? pixels : pixels.slice(0, used * per),
    scale: o.scale,
    labels: classes.length ? labels.slice(0, used) : undefined,
  };
  const report: ImageImportReport = {
    found: images.length,
    used,
    leftOut: images.length - chosen.length,
    skipped,
    ignored,
    sizes: [...sizes].map(([size, count]) => ({ size, count })).sort((a, b) => b.count - a.count),
    resized,
    classes,
    classCounts,
  };
  return { dataset, report };
}

/** The report in a few lines, as the CLI prints it and the panel shows it. */
export function describeImport(
  r: ImageImportReport,
  o: Pick<ImageImportOptions, 'size' | 'fit' | 'channels'>,
): string[] {
  const lines = [
    `${fmtInt(r.used)} of ${fmtInt(r.found)} images, ${o.size}×${o.size} ${o.channels === 3 ? 'RGB' : 'grey'}`,
  ];
  if (r.classes.length)
    lines.push(`classes: ${r.classes.map((c, i) => `${c} (${fmtInt(r.classCounts[i])})`).join(', ')}`);
  if (r.leftOut) lines.push(`${fmtInt(r.leftOut)} left out (at most ${fmtInt(r.found - r.leftOut)} images)`);
  if (r.resized) {
    const how = o.fit === 'crop' ? 'cropped to square' : o.fit === 'pad' ? 'padded to square' : 'stretched to square';
    const sizes =
      r.sizes
        .slice(0, 4)
        .map((s) => `${s.size} ×${fmtInt(s.count)}`)
        .join(', ') + (r.sizes.length > 4 ? ', ...' : '');
    lines.push(`${fmtInt(r.resized)} resized to ${o.size}×${o.size} (${how}); sizes found: ${sizes}`);
  }
  if (r.skipped.length) {
    lines.push(
      `${fmtInt(r.skipped.length)} could not be read and ${r.skipped.length === 1 ? 'was' : 'were'} skipped: ` +
        r.skipped
          .slice(0, 3)
          .map((s) => `${s.path} (${s.reason})`)
          .join('; ') +
        (r.skipped.length > 3 ? '; ...' : ''),
    );
  }
  if (r.ignored.length)
    lines.push(`${fmtInt(r.ignored.length)} other file${r.ignored.length === 1 ? '' : 's'} ignored (not PNG or JPEG)`);
  return lines;
}
