import { defineDataset } from './defineDataset';
import { list, text, wholeNumber } from './fields';

/** Data the user imported (the CLI's --data; the app's stored datasets): the file keeps only what it looked like. */
export const custom = defineDataset({
  id: 'custom', label: 'Imported data', builtIn: false,
  description: 'Your own images or IDX files, imported; the project records their name, shape and number of classes, not the data.',
  example: { kind: 'custom', scale: 'tanh', name: 'sketches', shape: [32, 32, 3], numClasses: 4 },
  fields: ['name', 'shape', 'numClasses'],
  parseFields: (o, path) => ({
    name: text(o.name, `${path}.name`),
    shape: list(o.shape, `${path}.shape`).map((d, i) => wholeNumber(d, `${path}.shape[${i}]`, 1, 4096)),
    numClasses: wholeNumber(o.numClasses ?? 0, `${path}.numClasses`, 0, 100_000),
  }),
  info: (spec) => ({ shape: [...(spec.shape ?? [])], numClasses: spec.numClasses ?? 0 }),
  load: async (spec, sources) => {
    if (!sources.custom) throw new Error(`the imported dataset '${spec.name}' is not loaded; import it again`);
    return sources.custom();
  },
  pytorch: () => [
    '    # Imported data stays where it was imported (the browser, or the files given to the CLI): pass it with --data.',
    '    d = read_project()["dataset"]',
    '    raise SystemExit(f"this project was trained on imported data {d.get(\'name\')!r} of shape {d.get(\'shape\')}: pass it with --data "',
    '                     "(an IDX file with --labels, or a folder or zip of images)")',
  ].join('\n'),
});
