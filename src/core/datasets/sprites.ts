import { spritesDataset, SPRITE_FACTORS, SPRITE_SHAPES } from '../data/sprites';
import { measureSprites } from '../data/spriteMeasure';
import { defineDataset, type DatasetKindDef } from './defineDataset';
import { wholeNumber } from './fields';
import { SPRITES_PY } from './spritesPy';

export const SPRITES_DEFAULT = { count: 10_000, seed: 1 } as const;

/** The generated colour sprites at one size (core/data/sprites.ts): both sizes share everything else. */
function spritesKind(size: 32 | 64): DatasetKindDef {
  const id = `sprites${size}`;
  return defineDataset({
    id,
    label: `Colour sprites ${size}×${size}`,
    builtIn: true,
    description:
      `Generated, no download: ${SPRITE_SHAPES.join(', ')} in any colour, size, rotation and place on black (${size}×${size} RGB). ` +
      `The shape is the class; every factor (${SPRITE_FACTORS.join(', ')}) is known, so InfoGAN's codes can be checked against them. Same seed, same images.`,
    example: { kind: id, scale: 'tanh', count: 2000, seed: 3 },
    fields: ['count', 'seed'],
    parseFields: (o, path) => ({
      ...(o.count === undefined ? {} : { count: wholeNumber(o.count, `${path}.count`, 1, 100_000) }),
      ...(o.seed === undefined ? {} : { seed: wholeNumber(o.seed, `${path}.seed`, 0, 2 ** 32 - 1) }),
    }),
    info: () => ({ shape: [size, size, 3], numClasses: SPRITE_SHAPES.length }),
    load: async (spec) =>
      spritesDataset({
        size,
        count: spec.count ?? SPRITES_DEFAULT.count,
        seed: spec.seed ?? SPRITES_DEFAULT.seed,
        scale: spec.scale,
      }),
    // The exported PyTorch project draws the same sprites from the same seed (spritesPy.ts).
    pytorchHelpers: SPRITES_PY,
    pytorch: (spec) =>
      [
        `    pixels, labels, _factors = draw_sprites(${size}, count=${Number(spec.count ?? SPRITES_DEFAULT.count)}, seed=${Number(spec.seed ?? SPRITES_DEFAULT.seed)})`,
        '    return scale_bytes(pixels), labels',
      ].join('\n'),
    // 'rotation' as measured is the share of the shape's own symmetry period (a square repeats every quarter turn).
    factors: {
      names: SPRITE_FACTORS,
      classes: SPRITE_SHAPES,
      circular: [false, true, false, true, false, false],
      measure: (images, n, scale) =>
        Float32Array.from(
          measureSprites(images, n, size, 3, scale).flatMap((m) => [
            m.shape,
            m.hue,
            m.scale,
            m.rotationPhase,
            m.x,
            m.y,
          ]),
        ),
    },
  });
}

export const sprites32 = spritesKind(32);
export const sprites64 = spritesKind(64);
