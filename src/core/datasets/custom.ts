import { FITS, type Fit } from '../data/images';
import { defineDataset } from './defineDataset';
import { fail, list, text, wholeNumber } from './fields';

/**
 * Data the user imported (images, IDX files, point clouds): the project file keeps only what it looked like
 * and its content hash; the samples live elsewhere (IndexedDB in the app, a file or folder for the CLI's --data).
 */
export const custom = defineDataset({
  id: 'custom',
  label: 'Imported data',
  builtIn: false,
  description:
    'Your own images, IDX files or 2-D points, imported; the project records their name, shape, number of classes, count, content hash (SHA-256 of the samples) and, for images, how they were fitted to square (crop, pad or stretch), not the data.',
  example: {
    kind: 'custom',
    scale: 'tanh',
    name: 'sketches',
    shape: [32, 32, 3],
    numClasses: 4,
    count: 5,
    hash: 'f'.repeat(64),
  },
  fields: ['name', 'shape', 'numClasses', 'hash', 'count', 'fit'],
  parseFields: (o, path) => ({
    name: text(o.name, `${path}.name`),
    shape: list(o.shape, `${path}.shape`).map((d, i) => wholeNumber(d, `${path}.shape[${i}]`, 1, 4096)),
    numClasses: wholeNumber(o.numClasses ?? 0, `${path}.numClasses`, 0, 100_000),
    ...(o.hash === undefined ? {} : { hash: hashField(o.hash, `${path}.hash`) }),
    ...(o.count === undefined ? {} : { count: wholeNumber(o.count, `${path}.count`, 1, 10_000_000) }),
    ...(o.fit === undefined ? {} : { fit: fitField(o.fit, `${path}.fit`) }),
  }),
  info: (spec) => ({ shape: [...(spec.shape ?? [])], numClasses: spec.numClasses ?? 0 }),
  load: async (spec, sources) => {
    if (!sources.custom) throw new Error(`${describeImported(spec)} is not loaded here; load it again`);
    return sources.custom(spec);
  },
  pytorch: () =>
    [
      '    # Imported data stays where it was imported (the browser, or the files given to the CLI): pass it with --data.',
      '    d = read_project()["dataset"]',
      "    raise SystemExit(f\"this project was trained on imported data {d.get('name')!r} of shape {d.get('shape')}: pass it with --data \"",
      '                     "(an IDX file with --labels, or a folder or zip of images)")',
    ].join('\n'),
});

/** How imported images were brought to square. */
function fitField(v: unknown, path: string): Fit {
  const s = text(v, path);
  return (FITS as readonly string[]).includes(s)
    ? (s as Fit)
    : fail(path, `expected one of ${FITS.join(', ')}, got '${s}'`);
}

/** A SHA-256 in hex, as datasetHash writes it. */
function hashField(v: unknown, path: string): string {
  const s = text(v, path);
  return /^[0-9a-f]{64}$/.test(s) ? s : fail(path, 'expected a SHA-256 content hash (64 hex digits)');
}

/** How messages name an imported dataset: its name, shape and count, as the user saw it when importing. */
export function describeImported(spec: { name?: string; shape?: number[]; count?: number }): string {
  const count = spec.count ? `${spec.count.toLocaleString('en-US')} × ` : '';
  return `the imported dataset '${spec.name ?? '?'}' (${count}${(spec.shape ?? []).join('×')})`;
}
