/**
 * Small pieces of Python the blocks' PyTorch forms share: the layout rule (a rank-3 Ganvas shape is an
 * image, channels-first in PyTorch), Keras's `same` padding, activations, number literals.
 * Only numbers and block parameters chosen from fixed lists reach this text; never user text.
 */
import type { Shape } from '../defineBlock';

/** A Python number literal (JavaScript's shortest round-trip text is valid Python for finite numbers). */
export function py(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}
/**
 * A Python float literal (0.0, not 0) where PyTorch checks the type: torch.optim.Adam refuses betas=(0, 0.9)
 * ("betas must be either both floats or both Tensors"), so the optimizers' hyperparameters are written with this.
 */
export const pyFloat = (n: number): string => {
  const t = py(n);
  return /[.eE]/.test(t) ? t : `${t}.0`;
};
export const pyBool = (b: unknown): string => (b ? 'True' : 'False');

/** Images ([h, w, c] without batch) are [batch, c, h, w] in PyTorch. */
export const isImage = (s: Shape): boolean => s.length === 3;
/** The PyTorch dim of Ganvas's last axis (channels of an image) for a tensor of this shape. */
export const lastDim = (s: Shape): number => (isImage(s) ? 1 : -1);
/** An image in channels-last order (as Ganvas and tfjs hold it), for reshapes that must keep tfjs's element order. */
export const channelsLast = (x: string, s: Shape): string => (isImage(s) ? `${x}.permute(0, 2, 3, 1)` : x);
/** Back from channels-last order when the result is an image. */
export const channelsFirst = (x: string, s: Shape): string => (isImage(s) ? `${x}.permute(0, 3, 1, 2)` : x);
/** Applies `f` (which works on the last dim) to Ganvas's last axis: an image moves its channels last and back. */
export const onLastAxis = (x: string, s: Shape, f: (x: string) => string): string =>
  isImage(s) ? `${f(`${x}.movedim(1, -1)`)}.movedim(-1, 1)` : f(x);

/** Keras/tfjs `same` padding of one axis: [before, after]; the odd pixel goes after (bottom/right). */
export function samePads(len: number, k: number, s: number): [number, number] {
  const out = Math.ceil(len / s);
  const total = Math.max((out - 1) * s + k - len, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Padding of a 2-D window op on an image [h, w, c]: symmetric pads (PyTorch's `padding=`) or F.pad's (left, right, top, bottom). */
export function windowPads(
  shape: Shape,
  k: number,
  s: number,
  padding: unknown,
): { symmetric: [number, number] } | { explicit: [number, number, number, number] } {
  if (padding !== 'same') return { symmetric: [0, 0] };
  const [t, b] = samePads(shape[0], k, s),
    [l, r] = samePads(shape[1], k, s);
  return t === b && l === r ? { symmetric: [t, l] } : { explicit: [l, r, t, b] };
}

/** An activation (tfjs names, plus leakyRelu) applied to `x`, whose Ganvas shape is `s` (softmax uses its last axis). */
export function activationPy(fn: string, x: string, s: Shape, alpha?: number): string {
  switch (fn) {
    case 'linear':
      return x;
    case 'relu':
      return `torch.relu(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'elu':
      return `F.elu(${x})`;
    case 'softmax':
      return `torch.softmax(${x}, dim=${lastDim(s)})`;
    case 'leakyRelu':
      if (alpha === undefined) throw new Error('leakyRelu needs its alpha');
      return `F.leaky_relu(${x}, ${py(alpha)})`;
    default:
      throw new Error(`no PyTorch form for the activation '${String(fn)}'`);
  }
}
