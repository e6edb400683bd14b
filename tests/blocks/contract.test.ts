import { describe, expect, it } from 'vitest';
import { BLOCKS, type BlockDef, type InShapes, type ShapeContext } from '../../src/core/blocks';
import { paramErrors, withDefaults, type Params } from '../../src/core/blocks/params';
import { cpuTf } from '../helpers/tf';

const ctx: ShapeContext = { dataShape: [8, 8, 3], numClasses: 4, codes: { categorical: [4], continuous: 2 } };

/** Input shapes to try for a block, most specific first; the first one its inferShape accepts is used. */
const CANDIDATES: InShapes[] = [{ x: [[9, 7, 3]] }, { x: [[12]] }, { x: [[1]] }, { x: [[12], [12]] }];

function firstAccepted(b: BlockDef, p: Params): { inputs: InShapes; out: number[] } {
  for (const inputs of CANDIDATES) {
    const ins = b.inputs[0]?.multi ? inputs : { x: inputs.x.slice(0, 1) };
    try {
      return { inputs: ins, out: b.inferShape(ins, p, ctx) };
    } catch {
      /* try the next */
    }
  }
  throw new Error(`${b.type}: no candidate input shape accepted`);
}

const layerBlocks = BLOCKS.filter((b) => b.build);

describe('block registry', () => {
  it('has unique types and a label, description and category for each block', () => {
    expect(new Set(BLOCKS.map((b) => b.type)).size).toBe(BLOCKS.length);
    for (const b of BLOCKS) {
      expect(b.label.length).toBeGreaterThan(0);
      expect(b.description.length).toBeGreaterThan(10);
    }
  });

  it("declares the roles other modules read (no one reads a block's params by name)", () => {
    for (const b of BLOCKS) {
      const p = withDefaults(b.params, {});
      if (b.inputRole === 'categoricalCode' || b.inputRole === 'continuousCode') {
        // The code's size is what the block's sample draws and what shape inference gives.
        expect(b.codeSize?.(p), b.type).toBe(b.inferShape({}, p, ctx)[0]);
      }
      if (b.inputRole === 'noise' || b.inputRole === 'continuousCode')
        expect(['normal', 'uniform'], b.type).toContain(b.latentDistribution?.(p));
      if (b.outputRole === 'realFake' || b.outputRole === 'auxClass')
        expect(b.params.output?.kind === 'choice' && b.params.output.options, b.type).toContain(b.headOutput?.(p));
      if (b.params.activation || b.params.fn) expect(b.activationOf?.(p), b.type).toBe(p.activation ?? p.fn);
    }
  });

  it('lists every block the engine issue asks for', () => {
    const want = [
      'latentNoise',
      'categoricalCode',
      'continuousCode',
      'classLabel',
      'realData',
      'realFakeHead',
      'auxClassHead',
      'qCodesHead',
      'dense',
      'conv2d',
      'conv2dTranspose',
      'batchNormalization',
      'layerNormalization',
      'dropout',
      'activation',
      'reshape',
      'flatten',
      'upSampling2d',
      'maxPooling2d',
      'averagePooling2d',
      'zeroPadding2d',
      'concatenate',
      'add',
      'multiply',
      'embedding',
      'gaussianNoise',
    ];
    for (const t of want) expect(BLOCKS.map((b) => b.type)).toContain(t);
  });

  for (const b of BLOCKS) {
    it(`${b.type}: default params are valid`, () => {
      expect(paramErrors(b.params, withDefaults(b.params, {}))).toEqual([]);
    });
  }
});

describe('every layer block agrees with the tfjs layer it builds', () => {
  for (const b of layerBlocks) {
    it(`${b.type}: inferred shape, parameter count and emitted code match tfjs`, async () => {
      const tf = await cpuTf();
      const p = withDefaults(b.params, b.type === 'reshape' ? { targetShape: [3, 4] } : {});
      const { inputs, out } = firstAccepted(b, p);
      const ins = inputs.x.map((s) => tf.input({ shape: s }));
      const single = !b.inputs[0].multi;
      const layer = b.build!(tf, p, `t_${b.type}`);
      const y = layer.apply(single ? ins[0] : ins) as import('@tensorflow/tfjs').SymbolicTensor;
      expect(y.shape.slice(1)).toEqual(out);
      expect(layer.countParams()).toBe(b.paramCount(inputs, p, out));
      // The exported code builds an identical layer.
      const code = b.emit!(p, `e_${b.type}`);
      const emitted = new Function('tf', `return ${code};`)(tf) as import('@tensorflow/tfjs').layers.Layer;
      const y2 = emitted.apply(single ? ins[0] : ins) as import('@tensorflow/tfjs').SymbolicTensor;
      expect(y2.shape).toEqual(y.shape);
      expect(emitted.countParams()).toBe(layer.countParams());
    });
  }
});

describe('convolution shape formulas match tfjs on odd sizes, strides 1-3, kernels 1-5, same and valid', () => {
  for (const type of ['conv2d', 'conv2dTranspose', 'maxPooling2d', 'averagePooling2d']) {
    it(type, async () => {
      const tf = await cpuTf();
      const b = BLOCKS.find((x) => x.type === type)!;
      for (const size of [5, 7, 8, 13]) {
        for (const k of [1, 2, 3, 5]) {
          for (const s of [1, 2, 3]) {
            for (const padding of ['same', 'valid']) {
              const p = withDefaults(
                b.params,
                type.includes('Pool')
                  ? { poolSize: k, strides: s, padding }
                  : { kernelSize: k, strides: s, padding, filters: 2 },
              );
              let out: number[];
              try {
                out = b.inferShape({ x: [[size, size + 2, 3]] }, p, ctx);
              } catch {
                continue;
              } // kernel larger than input
              const y = b.build!(tf, p, `f_${type}_${size}_${k}_${s}_${padding}`).apply(
                tf.input({ shape: [size, size + 2, 3] }),
              ) as import('@tensorflow/tfjs').SymbolicTensor;
              expect({ size, k, s, padding, out }).toEqual({ size, k, s, padding, out: y.shape.slice(1) });
            }
          }
        }
      }
    });
  }
});
