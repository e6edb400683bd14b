import { defineBlock, fmtShape, ShapeError } from './defineBlock';

export const qCodesHead = defineBlock({
  type: 'qCodesHead',
  label: 'Q codes head (InfoGAN)',
  category: 'heads',
  network: 'discriminator',
  outputRole: 'qCodes',
  description:
    "InfoGAN: Q's guess of the generator's codes: logits for the categorical codes, means for the continuous ones.",
  params: {},
  inputs: [
    { name: 'categorical', optional: true },
    { name: 'continuous', optional: true },
  ],
  outputs: [],
  inferShape: (i, _p, ctx) => {
    const cat = i.categorical?.[0],
      cont = i.continuous?.[0];
    const wantCat = ctx.codes.categorical.reduce((a, b) => a + b, 0),
      wantCont = ctx.codes.continuous;
    if (!cat && !cont) throw new ShapeError('needs a categorical or a continuous input', undefined, true);
    if (wantCat && !cat)
      throw new ShapeError(`needs the categorical logits [batch, ${wantCat}] on 'categorical'`, 'categorical', true);
    if (wantCont && !cont)
      throw new ShapeError(`needs the continuous means [batch, ${wantCont}] on 'continuous'`, 'continuous', true);
    if (cat && (cat.length !== 1 || cat[0] !== wantCat)) {
      throw new ShapeError(
        `expects [batch, ${wantCat}] on 'categorical' (the generator's categorical codes) but receives ${fmtShape(cat)}`,
        'categorical',
      );
    }
    if (cont && (cont.length !== 1 || cont[0] !== wantCont)) {
      throw new ShapeError(
        `expects [batch, ${wantCont}] on 'continuous' (the generator's continuous codes) but receives ${fmtShape(cont)}`,
        'continuous',
      );
    }
    return [wantCat + wantCont];
  },
});
