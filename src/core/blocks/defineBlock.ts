/**
 * The block contract. A block is declared once, as data plus behaviour, and every part of Ganvas
 * (palette, inspector, validator, shape inference, compiler, code generator, training loop) reads it.
 * No other module switches on a block's type.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Params, ParamSpecs, ParamsOf } from './params';
import { stringLiteral } from '../codeText';

import type { TF, Tensor } from '../tf';

export type { TF, Tensor };
export type Layer = tfNs.layers.Layer;
export type LayerFactory = {
  [K in keyof typeof tfNs.layers]: (typeof tfNs.layers)[K] extends (args: never) => Layer ? K : never;
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
  | 'inputs'
  | 'heads'
  | 'core'
  | 'convolution'
  | 'normalization'
  | 'activation'
  | 'reshape'
  | 'pooling'
  | 'merge'
  | 'regularization';

export interface PortSpec {
  name: string;
  label?: string;
  multi?: boolean;
  optional?: boolean;
}

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

export interface BlockDef<P extends Params = Params> {
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
  inferShape(inputs: InShapes, p: P, ctx: ShapeContext): Shape;
  paramCount(inputs: InShapes, p: P, out: Shape): number;
  /** Multiply-accumulates per sample. */
  macs(inputs: InShapes, p: P, out: Shape): number;
  /**
   * The tfjs layer, as the name of a `tf.layers` factory and its config. Absent for input and output
   * blocks (the compiler makes tf.input / passes through). `build` and `emit` are both derived from it,
   * so exported code always matches the compiled model.
   */
  layer?: { fn: LayerFactory | ((p: P) => LayerFactory); args(p: P, name: string): Record<string, unknown> };
  build?(tf: TF, p: P, name: string): Layer;
  /** TypeScript source of the same layer constructor, for the code exporter. */
  emit?(p: P, name: string): string;
  /** For generator inputs: draw a batch. */
  sample?(tf: TF, p: P, batch: number, ctx: SampleContext): Sampled;
  /**
   * The same draw as TypeScript for the code exporter: expressions over `batch`, `labels` and `seed`
   * (`value`, and `target` when the Q head must recover it). Must match `sample`.
   */
  emitSample?(p: P): { value: string; target?: string };
  /**
   * Roles other modules need, as accessors (nobody else reads a block's params by name): the size of an
   * InfoGAN code input; a latent input's distribution; the function a layer applies to its output (the
   * probe judges dead ReLUs and saturated tanh/sigmoid by it); a head's output (logit, probability, ...).
   */
  codeSize?(p: P): number;
  latentDistribution?(p: P): 'normal' | 'uniform';
  activationOf?(p: P): string | undefined;
  headOutput?(p: P): string;
  /** The same block in PyTorch, for the PyTorch project generator (see TorchForm). */
  torch?: TorchForm<P>;
  /** Mixes samples of a batch (batch norm): breaks per-sample gradient penalties. */
  batchDependent?: boolean;
  /** One line of key params shown on the node, e.g. "64 × 5×5 /2 same". */
  summary(p: P): string;
}

/**
 * A block's PyTorch form, declared beside its tfjs form so the PyTorch generator never switches on a
 * block's type. Tensors follow one layout rule: a tensor whose Ganvas shape (without batch) has rank 3
 * is an image [h, w, c] and lives channels-first in PyTorch ([batch, c, h, w]); every other tensor has
 * the same layout in both engines. Forms that read or write an image's last axis convert explicitly.
 */
export interface TorchForm<P extends Params = Params> {
  /**
   * Python expression constructing the block's nn.Module (tfjs/Keras semantics, not PyTorch's defaults).
   * Absent for blocks that are a function of their inputs (reshape, add, ...).
   */
  module?(c: TorchContext<P>): string;
  /**
   * Python expression of the block's output over its inputs' expressions. `c.self` is the module
   * (`self.g_dense`); `self.training` says whether the network is in training mode.
   */
  forward?(c: TorchContext<P> & { self: string }): string;
  /** How the layer's tfjs weights map onto the module's parameters and buffers, in tfjs's order. */
  weights?(c: TorchContext<P>): TorchWeight[];
  /** Python definitions (classes, functions) the module or forward text uses, by name; emitted once into layers.py. */
  helpers?: Record<string, string>;
  /**
   * For inputs that feed the generator or a label to D: the draw, as Python expressions over `batch`,
   * `labels` (int64 class indices [batch]), `rng` (a torch.Generator) and `device`; `target` is what the
   * Q head must recover (`value` may be referred to). Must match `sample`'s distribution.
   */
  sample?(p: P): { value: string; target?: string };
}

/** What a PyTorch form knows about one use of the block. */
export interface TorchContext<P extends Params = Params> {
  p: P;
  /** The block's inputs in port order (a multi port's wires in order): Python expressions and Ganvas shapes. */
  inputs: { expr: string; shape: Shape }[];
  /** The block's output shape (without batch). */
  out: Shape;
}

/**
 * One tfjs weight of a layer and the PyTorch tensor that holds it: `<layer>/<tfjs>` in the tfjs layers
 * format is `<module>.<torch>` in the state_dict, transposed by `perm` (numpy.transpose order from the
 * tfjs array to the torch tensor; absent when the layouts agree).
 */
export interface TorchWeight {
  tfjs: string;
  torch: string;
  /** The tfjs shape (fixes the torch shape through `perm`, and the fans of glorot initialisers). */
  shape: number[];
  perm?: number[];
  /** tfjs's default initialiser for it, which the generated project draws from too. */
  init: TorchInit;
  /** Not trained (BatchNorm's moving statistics): a registered buffer in PyTorch. */
  buffer?: boolean;
}
export type TorchInit = 'glorotNormal' | 'zeros' | 'ones' | 'uniform';

type Optional = 'paramCount' | 'macs' | 'summary' | 'outputs' | 'network';
/** A block as declared: its params schema `S` types the `p` every one of its functions receives. */
export type BlockInit<S extends ParamSpecs = ParamSpecs> = Omit<BlockDef<ParamsOf<S>>, Optional | 'params'> &
  Partial<Pick<BlockDef<ParamsOf<S>>, Optional>> & { params: S };

export function defineBlock<const S extends ParamSpecs>(init: BlockInit<S>): BlockDef {
  type P = ParamsOf<S>;
  const def: BlockDef<P> = {
    outputs: ['y'],
    network: 'either',
    paramCount: () => 0,
    macs: () => 0,
    summary: () => '',
    ...init,
  };
  const layer = init.layer;
  if (layer) {
    const fnOf = (p: P): LayerFactory => (typeof layer.fn === 'function' ? layer.fn(p) : layer.fn);
    def.build ??= (tf, p, name) =>
      (tf.layers[fnOf(p)] as unknown as (a: Record<string, unknown>) => Layer)(layer.args(p, name));
    def.emit ??= (p, name) => `tf.layers.${fnOf(p)}(${objLiteral(layer.args(p, name))})`;
  }
  // Erased to the registry's type: the registry calls these functions only with params the schema checked
  // (the project parser and the inspector both validate against `params`), so `p` has the declared types.
  return def as unknown as BlockDef;
}

export class ShapeError extends Error {
  /**
   * @param port the input port at fault
   * @param missing true when an input is absent rather than wrong (the editor still accepts a wire then)
   */
  constructor(
    message: string,
    readonly port?: string,
    readonly missing = false,
  ) {
    super(message);
    this.name = 'ShapeError';
  }
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
