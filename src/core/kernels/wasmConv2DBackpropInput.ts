/**
 * Conv2DBackpropInput for the wasm backend (the input gradient of a convolution, and the forward pass
 * of every Conv2D Transpose block, so half of a DCGAN generator). tfjs's own wasm kernel is a plain
 * loop and took about half of a DCGAN step; this one runs XNNPACK's convolution once per output phase
 * ("sub-pixel" decomposition: no multiply by an inserted zero, no output row computed and thrown away).
 *
 * Per axis, the forward conv reads x[o·s + k − P] (P its top padding). For an output row of dx
 * i = q·s + p (p the phase), write i + P = (q + c)·s + r with r = (p + P) mod s, c = ⌊(p + P) / s⌋; the
 * taps that reach it are k = r + t·s (t < T = ⌈(kH − r) / s⌉), from dy[q + c − t]:
 *   dx[q·s + p] = Σ_u dy[q + c − (T−1) + u] · W[r + (T−1−u)·s]
 * a stride-1 correlation of dy with the flipped sub-filter, dy padded by T−1−c rows before (or cut, if
 * that is negative) and by as many after as make exactly ⌈h / s⌉ rows; the padding goes to XNNPACK as
 * explicit convolution padding (no padded copy of dy). The phases are interleaved back (reshape +
 * concat) and cut to h rows when s does not divide h.
 *
 * Every phase's flipped, channel-swapped sub-filter comes from one product of the filter with a 0/1
 * permutation of its taps (exact, and far faster on wasm than StridedSlice + Reverse, which cost
 * more than the convolutions themselves), then contiguous slices.
 */
import type { TF } from '../tf';
import { registerComposite, type Info, type KernelCall, type WasmBackend } from './composite';

type Attrs = {
  strides: [number, number] | number;
  pad: 'same' | 'valid' | number;
  dataFormat: string;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
};

/** One axis of one phase: the sub-filter's first tap r and tap count, and the rows of dy it reads. */
export interface AxisPlan {
  r: number;
  taps: number;
  begin: number;
  size: number;
  before: number;
  after: number;
}

/** Phase p of one axis: dx has `len` rows, dy `outLen`, the kernel `k` taps, stride `s`, forward padding `pad`. */
export function axisPlan(p: number, len: number, outLen: number, k: number, s: number, pad: number): AxisPlan {
  const r = (p + pad) % s,
    c = Math.floor((p + pad) / s);
  const taps = Math.max(0, Math.ceil((k - r) / s));
  const rows = Math.ceil(len / s);
  // Output row q reads dy rows q + c − (T−1) … q + c, for q < rows: `first` to `last` in all.
  const first = c - (taps - 1),
    last = rows - 1 + c;
  const begin = Math.max(0, first),
    end = Math.min(outLen - 1, last);
  return { r, taps, begin, size: end - begin + 1, before: begin - first, after: last - end };
}

/**
 * The [kH·kW, kH·kW] 0/1 matrix taking the filter's taps (row kh·kW + kw) to every phase's flipped
 * sub-filter, phase after phase (column offset + uh·tw + uw), and each phase's column offset.
 */
export function tapPermutation(
  kH: number,
  kW: number,
  sh: number,
  sw: number,
  phases: { y: AxisPlan; x: AxisPlan }[],
): { matrix: Float32Array; offsets: number[] } {
  const n = kH * kW,
    matrix = new Float32Array(n * n),
    offsets: number[] = [];
  let col = 0;
  for (const { y, x } of phases) {
    offsets.push(col);
    for (let uh = 0; uh < y.taps; uh++) {
      for (let uw = 0; uw < x.taps; uw++) {
        const kh = y.r + (y.taps - 1 - uh) * sh,
          kw = x.r + (x.taps - 1 - uw) * sw;
        matrix[(kh * kW + kw) * n + col + uh * x.taps + uw] = 1;
      }
    }
    col += y.taps * x.taps;
  }
  return { matrix, offsets };
}

export function registerConv2DBackpropInput(tf: TF): void {
  const name = 'Conv2DBackpropInput';
  registerComposite(
    tf,
    name,
    (k, { inputs, backend, attrs }) => {
      const { dy, filter } = inputs as unknown as { dy: Info; filter: Info };
      const a = attrs as unknown as Attrs;
      if (a.dataFormat === 'NCHW') throw new Error(`${name} on wasm: NCHW is not supported`);
      const b = backend as unknown as WasmBackend;
      const [kH, kW, inC, outC] = filter.shape as [number, number, number, number];
      const info = tf.backend_util.computeConv2DInfo(
        a.inputShape,
        [kH, kW, inC, outC],
        a.strides,
        1,
        a.pad,
        a.dimRoundingMode,
        false,
        'channelsLast',
      );
      const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw, padInfo, inHeight: h, inWidth: w } = info;
      const batch = a.inputShape[0];
      const rows = Math.ceil(h / sh),
        cols = Math.ceil(w / sw);
      const temps: Info[] = [];
      const keep = (t: Info) => {
        temps.push(t);
        return t;
      };
      const call = (kernel: string, i: Record<string, unknown> | Info[], at: Record<string, unknown>) =>
        keep((k(kernel) as KernelCall)({ inputs: i, backend, attrs: at }));
      const reshape = (x: Info, shape: number[]) => call('Reshape', { x }, { shape });

      const phases: { y: AxisPlan; x: AxisPlan }[] = [];
      for (let ph = 0; ph < sh; ph++) {
        for (let pw = 0; pw < sw; pw++)
          phases.push({ y: axisPlan(ph, h, oh, kH, sh, padInfo.top), x: axisPlan(pw, w, ow, kW, sw, padInfo.left) });
      }
      // All sub-filters at once: W as [(co, ci), taps] times the tap permutation, then taps first:
      // rows offset … offset + th·tw − 1 are phase p's filter [th, tw, outC, inC].
      const { matrix, offsets } = tapPermutation(kH, kW, sh, sw, phases);
      const perm = keep(b.makeOutput([1, kH * kW, kH * kW], 'float32', undefined, matrix));
      const byChannel = call('Transpose', { x: reshape(filter, [kH * kW, inC, outC]) }, { perm: [2, 1, 0] }); // [co, ci, taps]
      const permuted = call(
        'BatchMatMul',
        { a: reshape(byChannel, [1, outC * inC, kH * kW]), b: perm },
        { transposeA: false, transposeB: false },
      );
      const subFilters = call('Transpose', { x: reshape(permuted, [outC * inC, kH * kW]) }, { perm: [1, 0] }); // [taps, (co, ci)]

      const phase = ({ y, x }: { y: AxisPlan; x: AxisPlan }, p: number): Info => {
        if (y.taps <= 0 || x.taps <= 0 || y.size <= 0 || x.size <= 0) {
          return call('Fill', {}, { shape: [batch, rows, cols, inC], value: 0, dtype: 'float32' });
        }
        const taps = y.taps * x.taps;
        const sub =
          taps === kH * kW
            ? subFilters
            : call('Slice', { x: subFilters }, { begin: [offsets[p], 0], size: [taps, outC * inC] });
        const src =
          y.begin === 0 && x.begin === 0 && y.size === oh && x.size === ow
            ? dy
            : call('Slice', { x: dy }, { begin: [0, y.begin, x.begin, 0], size: [batch, y.size, x.size, outC] });
        return call(
          'Conv2D',
          { x: src, filter: reshape(sub, [y.taps, x.taps, outC, inC]) },
          {
            strides: [1, 1],
            pad: [
              [0, 0],
              [y.before, y.after],
              [x.before, x.after],
              [0, 0],
            ],
            dataFormat: 'NHWC',
            dilations: [1, 1],
            dimRoundingMode: undefined,
          },
        );
      };

      let full: Info;
      if (phases.length === 1) {
        full = phase(phases[0], 0);
      } else {
        // Interleave: rows of phase p go to i = q·sh + p: [N, rows, sh, cols, sw, inC] → [N, rows·sh, cols·sw, inC].
        const byRow: Info[] = [];
        for (let ph = 0; ph < sh; ph++) {
          const byCol: Info[] = [];
          for (let pw = 0; pw < sw; pw++)
            byCol.push(reshape(phase(phases[ph * sw + pw], ph * sw + pw), [batch, rows, 1, cols, 1, inC]));
          byRow.push(byCol.length === 1 ? byCol[0] : call('Concat', byCol, { axis: 4 }));
        }
        const woven = byRow.length === 1 ? byRow[0] : call('Concat', byRow, { axis: 2 });
        full = reshape(woven, [batch, rows * sh, cols * sw, inC]);
      }
      const exact = rows * sh === h && cols * sw === w;
      const dx = exact
        ? (k('Reshape') as KernelCall)({ inputs: { x: full }, backend, attrs: { shape: [batch, h, w, inC] } })
        : (k('Slice') as KernelCall)({
            inputs: { x: full },
            backend,
            attrs: { begin: [0, 0, 0, 0], size: [batch, h, w, inC] },
          });
      for (const t of temps) b.disposeData(t.dataId);
      return dx;
    },
    true,
  );
}
