import { defineBlock } from './defineBlock';

export const realData = defineBlock({
  type: 'realData',
  label: 'Images: real | fake',
  category: 'inputs',
  network: 'discriminator',
  inputRole: 'data',
  description: "The discriminator's input. It sees a batch of real data, then a batch of the generator's samples.",
  params: {},
  inputs: [],
  inferShape: (_i, _p, ctx) => [...ctx.dataShape],
  summary: () => 'real batch, then fake batch',
});
