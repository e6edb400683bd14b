import { defineBlock, fmtShape, prod, ShapeError, type BlockDef, type LayerFactory } from '../defineBlock';

/** Add and Multiply: two or more inputs of one shape, combined element by element. */
export function elementwiseBlock(type: string, label: string, fn: LayerFactory, description: string): BlockDef {
  return defineBlock({
    type,
    label,
    category: 'merge',
    description,
    params: {},
    inputs: [{ name: 'x', label: 'inputs (2+)', multi: true }],
    inferShape: (i) => {
      const xs = i.x ?? [];
      if (xs.length < 2) throw new ShapeError(`needs at least 2 inputs, has ${xs.length}`, 'x', true);
      const first = xs[0];
      for (const s of xs.slice(1)) {
        if (fmtShape(s) !== fmtShape(first)) {
          throw new ShapeError(`needs inputs of one shape but receives ${xs.map(fmtShape).join(' and ')}`, 'x');
        }
      }
      return first;
    },
    macs: (i, _p, out) => prod(out) * ((i.x?.length ?? 1) - 1),
    layer: { fn, args: (_p, name) => ({ name }) },
    torch: { forward: ({ inputs }) => `(${inputs.map((i) => i.expr).join(fn === 'add' ? ' + ' : ' * ')})` },
  });
}
