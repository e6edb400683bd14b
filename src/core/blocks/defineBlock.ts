/**
 * The block contract. A block is declared once, as data plus behaviour, and every part of Ganvas
 * (palette, inspector, validator, shape inference, compiler, code generator, training loop) reads it.
 * No other module switches on a block's type.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Params, ParamSpecs } from './params';
import { stringLiteral } from '../codeText';

import type { TF, Tensor } from '../tf';

export type { TF, Tensor };
export type Layer = tfNs.layers.Layer;
export type LayerFactory = {
  [K in keyof typeof tfNs.layers]: (typeof tfNs.layers)[K] extends (args: never) => Layer ? K : never
}[keyof typeof tfNs.layers];

/** A tensor shape without its batch dimension: [28, 28, 1] means [batch, 28, 28, 1]. */
export type Shape = number[];
/** Incoming shapes by port name; a `multi` port may carry several. */
export type InShapes = Record<string, Shape[]>;

export interface ShapeContext {
  /** Shape of one real sample, e.g. [28, 28, 1] for MNIST or [2] for 2-D points. */
  dataShape: Shape;
  /** Number of classes of the dataset's labels (0 when it has none). */
  numClasses: number;
  /** Sizes of the generator's InfoGAN codes, so the Q head can check its inputs. */
  codes: { categorical: number[]; continuous: number };
}

export type Category =
  | 'inputs' | 'heads' | 'core' | 'convolution' | 'normalization' | 'activation'
  | 'reshape' | 'pooling' | 'merge' | 'regularization';

export interface PortSpec { name: string; label?: string; multi?: boolean; optional?: boolean }

/** What an input block feeds into its network during training. */
export type InputRole = 'noise' | 'categoricalCode' | 'continuousCode' | 'label' | 'data';
/** What an output block marks: G's output, or one of D's heads. */
export type OutputRole = 'generated' | 'realFake' | 'auxClass' | 'qCodes';

export interface SampleContext {
  /** Class labels for this batch (int32, [batch]); the same labels feed G's and D's label inputs. */
  labels?: Tensor;
  seed?: number;
}
export interface Sampled {
  /** The tensor fed to the input. */
  value: Tensor;
  /** What the Q head must recover (class indices for categorical codes, values for continuous ones). */
  target?: Tensor;
}

export interface BlockDef {
  type: string;
  label: string;
  category: Category;
  description: string;
  params: ParamSpecs;
  inputs: PortSpec[];
  /** [] for output blocks, ['y'] for everything else. */
  outputs: string[];
  /** Which network the block may live in. */
  network: 'generator' | 'discriminator' | 'either';
  inputRole?: InputRole;
  outputRole?: OutputRole;
  /** Output shape, or throws ShapeError explaining what input the block expects. Output blocks return their input shape. */
  inferShape(inputs: InShapes, p: Params, ctx: ShapeContext): Shape;
  paramCount(inputs: InShapes, p: Params, out: Shape): number;
  /** Multiply-accumulates per sample. */
  macs(inputs: InShapes, p: Params, out: Shape): number;
  /**
   * The tfjs layer, as the name of a `tf.layers` factory and its config. Absent for input and output
   * blocks (the compiler makes tf.input / passes through). `build` and `emit` are both derived from it,
   * so exported code always matches the compiled model.
   */
  layer?: { fn: LayerFactory | ((p: Params) => LayerFactory); args(p: Params, name: string): Record<string, unknown> };
  build?(tf: TF, p: Params, name: string): Layer;
  /** TypeScript source of the same layer constructor, for the code exporter. */
  emit?(p: Params, name: string): string;
  /** For generator inputs: draw a batch. */
  sample?(tf: TF, p: Params, batch: number, ctx: SampleContext): Sampled;
  /**
   * The same draw as TypeScript for the code exporter: expressions over `batch`, `labels` and `seed`
   * (`value`, and `target` when the Q head must recover it). Must match `sample`.
   */
  emitSample?(p: Params): { value: string; target?: string };
  /** Mixes samples of a batch (batch norm): breaks per-sample gradient penalties. */
  batchDependent?: boolean;
  /** One line of key params shown on the node, e.g. "64 × 5×5 /2 same". */
  summary(p: Params): string;
}

type Optional = 'paramCount' | 'macs' | 'summary' | 'outputs' | 'network';
export type BlockInit = Omit<BlockDef, Optional> & Partial<Pick<BlockDef, Optional>>;

export function defineBlock(init: BlockInit): BlockDef {
  const def: BlockDef = {
    outputs: ['y'],
    network: 'either',
    paramCount: () => 0,
    macs: () => 0,
    summary: () => '',
    ...init,
  };
  const layer = init.layer;
  if (layer) {
    const fnOf = (p: Params): LayerFactory => (typeof layer.fn === 'function' ? layer.fn(p) : layer.fn);
    def.build ??= (tf, p, name) =>
      (tf.layers[fnOf(p)] as unknown as (a: Record<string, unknown>) => Layer)(layer.args(p, name));
    def.emit ??= (p, name) => `tf.layers.${fnOf(p)}(${objLiteral(layer.args(p, name))})`;
  }
  return def;
}

export class ShapeError extends Error {
  /**
   * @param port the input port at fault
   * @param missing true when an input is absent rather than wrong (the editor still accepts a wire then)
   */
  constructor(message: string, readonly port?: string, readonly missing = false) { super(message); this.name = 'ShapeError'; }
}

export const fmtShape = (s: Shape): string => `[batch${s.map((d) => `, ${d}`).join('')}]`;
export const prod = (s: Shape): number => s.reduce((a, b) => a * b, 1);

/** The single shape on `port`, throwing when it is missing. */
export function one(inputs: InShapes, port = 'x'): Shape {
  const s = inputs[port]?.[0];
  if (!s) throw new ShapeError(`has nothing connected to its input '${port}'`, port, true);
  return s;
}

/** Checks the rank (without batch) and says what was expected in the user's terms. */
export function expectRank(s: Shape, rank: number, what: string, port = 'x'): Shape {
  if (s.length !== rank) {
    throw new ShapeError(`expects a ${rank + 1}-D input ${what} but receives ${fmtShape(s)}`, port);
  }
  return s;
}

/** A value of a layer's config as TypeScript: strings only through `stringLiteral` (a layer name is the user's text). */
function codeValue(v: unknown): string {
  if (typeof v === 'string') return stringLiteral(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return `[${v.map(codeValue).join(', ')}]`;
  if (typeof v === 'object') return objLiteral(v as Record<string, unknown>);
  throw new Error(`cannot write ${typeof v} into generated code`);
}

/** Stable, readable object literal for generated code: keys in the given order, values through codeValue. */
export function objLiteral(o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : stringLiteral(k)}: ${codeValue(v)}`);
  return `{ ${parts.join(', ')} }`;
}

/** Conv / pooling output length along one axis (Keras/tfjs formulas). */
export function convOut(len: number, k: number, s: number, padding: string): number {
  return padding === 'same' ? Math.ceil(len / s) : Math.floor((len - k) / s) + 1;
}
/** Transposed conv output length along one axis (tfjs deconvLength). */
export function deconvOut(len: number, k: number, s: number, padding: string): number {
  return padding === 'same' ? len * s : len * s + Math.max(k - s, 0);
}
