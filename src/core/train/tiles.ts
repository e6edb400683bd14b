/**
 * The plain data of live activations: what one node's tile looks like once it has left the device.
 * Shared by the worker (which packs it), the client store and the canvas (which draw it). No tf here.
 */

/**
 * How a node's output is drawn:
 *  - mosaic:  the first channels of one sample's feature map, each normalised on its own;
 *  - strip:   rows = samples of the fixed batch, columns = the first units (dense outputs);
 *  - image:   G's samples as a grid, in the data's own value range (the sample grid);
 *  - scatter: 2-D data: a 2-D histogram with channel 0 = fake points and channel 1 = real points.
 */
export type TileKind = 'mosaic' | 'strip' | 'image' | 'scatter';

/** Statistics over the whole fixed batch, computed on the device. */
export interface NodeStats {
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Fraction of units that are <= 0 for every sample of the batch (dead ReLUs, when the node is a ReLU). */
  dead: number;
  /** Fraction of values with |x| > 0.97 (a saturated tanh). */
  saturatedTanh: number;
  /** Fraction of values below 0.03 or above 0.97 (a saturated sigmoid). */
  saturatedSigmoid: number;
  /** Fraction of values that are NaN or infinite. */
  nonFinite: number;
}
export const STAT_NAMES = [
  'mean',
  'std',
  'min',
  'max',
  'dead',
  'saturatedTanh',
  'saturatedSigmoid',
  'nonFinite',
] as const;

export interface TileLayout {
  nodeId: string;
  network: 'generator' | 'discriminator';
  kind: TileKind;
  /** The node's output shape without the batch dimension. */
  shape: number[];
  width: number;
  height: number;
  /** Values per pixel: 1 (gray), 2 (scatter: fake, real) or 3 (RGB). */
  channels: number;
  /** For mosaics: how many of the node's channels the tile shows, and how many it has. */
  shown: number;
  total: number;
  /** Scatter tiles: points per set (the packed data are 2 × points cell indices, binned on the host). */
  points?: number;
  /** The node's activation ('relu', 'tanh', ...) when its params name one; says which stats matter. */
  activation?: string;
}

export interface ActivationTile extends TileLayout {
  /** width × height × channels bytes, row-major; its buffer is transferred, never copied. */
  pixels: Uint8Array;
  stats: NodeStats;
}

/** Which saturation figure applies to a node, if any. */
export function saturationOf(t: Pick<ActivationTile, 'activation' | 'stats'>): number | undefined {
  if (t.activation === 'tanh') return t.stats.saturatedTanh;
  if (t.activation === 'sigmoid') return t.stats.saturatedSigmoid;
  return undefined;
}

/** ReLU-like activations, where a unit that is never positive is dead. */
export const isRelu = (activation?: string): boolean => activation === 'relu' || activation === 'relu6';

/** Intensity a single point adds to its scatter cell. */
const SCATTER_STEP = 96;

/** Splits one downloaded buffer (pixels then stats per node, in layout order) into tiles. */
export function unpackTiles(values: ArrayLike<number>, layouts: TileLayout[]): ActivationTile[] {
  let off = 0;
  return layouts.map((l) => {
    const n = l.width * l.height * l.channels;
    const pixels = new Uint8Array(n);
    if (l.kind === 'scatter') {
      // Cell indices of the fake points (channel 0), then of the real ones (channel 1).
      const k = l.points ?? 0;
      for (let i = 0; i < 2 * k; i++) {
        const cell = values[off + i];
        if (!Number.isFinite(cell)) continue;
        const j = Math.round(cell) * 2 + (i < k ? 0 : 1);
        pixels[j] = Math.min(255, pixels[j] + SCATTER_STEP);
      }
      off += 2 * k;
    } else {
      for (let i = 0; i < n; i++) {
        const v = values[off + i];
        pixels[i] = Number.isFinite(v) ? Math.max(0, Math.min(255, Math.round(v))) : 0;
      }
      off += n;
    }
    const stats = {} as NodeStats;
    STAT_NAMES.forEach((name, j) => {
      stats[name] = values[off + j];
    });
    off += STAT_NAMES.length;
    return { ...l, pixels, stats };
  });
}
