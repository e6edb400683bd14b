import { defineBlock, fmtShape, one, ShapeError } from './defineBlock';

export const generatorOutput = defineBlock({
  type: 'generatorOutput',
  label: 'Fake samples G(z)',
  category: 'heads',
  network: 'generator',
  outputRole: 'generated',
  description: "The generator's output. Its shape must equal one real sample's, since D judges both.",
  params: {},
  inputs: [{ name: 'x' }],
  outputs: [],
  inferShape: (i, _p, ctx) => {
    const x = one(i);
    if (fmtShape(x) !== fmtShape(ctx.dataShape)) {
      throw new ShapeError(
        `receives ${fmtShape(x)} but the real data is ${fmtShape(ctx.dataShape)}; the generator must produce samples of the real data's shape`,
        'x',
      );
    }
    return x;
  },
  summary: () => 'to D as fake',
});
