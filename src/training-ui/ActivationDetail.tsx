/**
 * One node's activations, readable: every channel of one sample on one colour scale with its legend,
 * the histogram of the values, and the statistics of the sample and of the whole fixed batch. Used by
 * the hover preview (small), the large view and the layer view.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ActivationTile, LayerValues } from '../../workers/api';
import { isRelu, saturationOf } from '../core/train/tiles';
import {
  channelsRgba,
  colourRgba,
  colorOf,
  histogram,
  sampleStats,
  scaleFor,
  type ColorScale,
} from './activationImage';
import { statNumber } from './statsText';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Draws RGBA pixels into a canvas shown at `w` × `h` CSS pixels with crisp pixels. */
function PixelCanvas({
  rgba,
  width,
  height,
  w,
  h,
  testId,
  label,
}: {
  rgba: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  w: number;
  h: number;
  testId?: string;
  label?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    if (c.width !== width) c.width = width;
    if (c.height !== height) c.height = height;
    c.getContext('2d')?.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={ref}
      className="pixelated act-canvas"
      style={{ width: w, height: h }}
      data-testid={testId}
      aria-label={label}
      role="img"
    />
  );
}

/** The colour bar of a scale, with its ends (and 0 for a diverging scale). */
export function ColorLegend({ scale, width }: { scale: ColorScale; width: number }) {
  const rgba = useMemo(() => {
    const px = new Uint8ClampedArray(64 * 4);
    for (let i = 0; i < 64; i++) {
      const [r, g, b] = colorOf(scale, scale.lo + ((scale.hi - scale.lo) * i) / 63);
      px.set([r, g, b, 255], i * 4);
    }
    return px;
  }, [scale]);
  return (
    <div className="color-legend" style={{ width }} data-testid="color-legend" data-kind={scale.kind}>
      <PixelCanvas
        rgba={rgba}
        width={64}
        height={1}
        w={width}
        h={10}
        label={`colour scale from ${statNumber(scale.lo)} to ${statNumber(scale.hi)}`}
      />
      <div className="legend-ticks">
        <span>{statNumber(scale.lo)}</span>
        {scale.kind === 'diverging' && <span>0</span>}
        <span>{statNumber(scale.hi)}</span>
      </div>
    </div>
  );
}

/** Bars of the value histogram, 0 marked when it is inside the range. */
function HistogramChart({ values, width, height }: { values: ArrayLike<number>; width: number; height: number }) {
  const h = useMemo(() => histogram(values, 40), [values]);
  const max = Math.max(1, ...h.counts);
  const bw = width / h.counts.length;
  const zero = h.hi > h.lo && h.lo < 0 && h.hi > 0 ? ((0 - h.lo) / (h.hi - h.lo)) * width : undefined;
  return (
    <figure className="act-histogram" data-testid="act-histogram" data-bins={h.counts.length}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Histogram of ${values.length} values from ${statNumber(h.lo)} to ${statNumber(h.hi)}`}
      >
        {h.counts.map(
          (c, i) =>
            c > 0 && (
              <rect
                key={i}
                x={i * bw + 0.5}
                width={Math.max(1, bw - 1)}
                y={height - (c / max) * height}
                height={(c / max) * height}
              />
            ),
        )}
        {zero !== undefined && <line x1={zero} x2={zero} y1={0} y2={height} className="zero" />}
      </svg>
      <figcaption>
        <span>{statNumber(h.lo)}</span>
        <span>values of this sample</span>
        <span>{statNumber(h.hi)}</span>
      </figcaption>
    </figure>
  );
}

export interface ActivationDetailProps {
  layer: LayerValues;
  /** The node's tile from the probe: statistics over the whole fixed batch. */
  tile?: ActivationTile;
  /** Largest size of the channel picture (CSS px). */
  size: number;
  /** Draw as an image (G's output, D's data input) in grey over the data's range. */
  image?: boolean;
  /** Which sample of the fixed batch this is (0-based). */
  sample: number;
  /** The phase of a step being shown, if any: D's tiles come from the real batch, or from the fake one in phase 2. */
  phase?: 'dReal' | 'dFake' | 'g';
}

/** What the batch statistics were measured on: G on the fixed latents; D on the fixed real images (fake ones in phase 2). */
const batchLabel = (network: string, phase?: string) =>
  network === 'generator' ? 'latent batch' : phase === 'dFake' ? 'fake batch' : 'real batch';

export function ActivationDetail({ layer, tile, size, image, sample, phase }: ActivationDetailProps) {
  const scale = useMemo(() => scaleFor(layer.values, image), [layer.values, image]);
  const { grid, rgba } = useMemo(
    () => channelsRgba(layer.values, layer.shape, scale),
    [layer.values, layer.shape, scale],
  );
  // A colour image (RGB data, a colour G's output) is also shown as the picture it is, above its three channels.
  const colour = useMemo(
    () =>
      image && layer.shape.length === 3 && layer.shape[2] === 3
        ? colourRgba(layer.values, layer.shape, scale)
        : undefined,
    [image, layer.values, layer.shape, scale],
  );
  // Small maps are enlarged (a 1-unit head would otherwise fill the whole box with one colour).
  const zoom = Math.min(size / grid.width, size / grid.height, 24);
  const s = useMemo(() => sampleStats(layer.values), [layer.values]);
  const relu = isRelu(tile?.activation);
  const sat = tile ? saturationOf(tile) : undefined;
  return (
    <div className="act-detail" data-testid={`act-detail-${layer.nodeId}`}>
      <div className="act-picture">
        {colour && (
          <PixelCanvas
            rgba={colour}
            width={layer.shape[1]}
            height={layer.shape[0]}
            w={Math.round(layer.shape[1] * Math.min(zoom, 4))}
            h={Math.round(layer.shape[0] * Math.min(zoom, 4))}
            testId="act-colour"
            label={`${layer.nodeId} in colour`}
          />
        )}
        <PixelCanvas
          rgba={rgba}
          width={grid.width}
          height={grid.height}
          w={Math.round(grid.width * zoom)}
          h={Math.round(grid.height * zoom)}
          testId="act-channels"
          label={`${grid.channels} channels of ${layer.nodeId}`}
        />
        <ColorLegend scale={scale} width={Math.max(160, Math.min(size, Math.round(grid.width * zoom)))} />
      </div>
      <div className="act-side">
        <p className="muted act-caption" data-testid="act-caption" data-channels={grid.channels}>
          {layer.shape.length === 3
            ? `all ${grid.channels} channels (${layer.shape[0]}×${layer.shape[1]} each)`
            : `all ${layer.values.length} units`}
          {layer.network === 'generator' ? ` of G on latent sample ${sample + 1}` : ` of D on G's sample ${sample + 1}`}
        </p>
        <HistogramChart values={layer.values} width={220} height={56} />
        <table className="act-stats" data-testid="act-stats">
          <thead>
            <tr>
              <th />
              <th>this sample</th>
              {tile && (
                <th title="Statistics the live probe measured over its whole fixed batch">
                  {batchLabel(layer.network, phase)}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>mean</th>
              <td>{statNumber(s.mean)}</td>
              {tile && <td>{statNumber(tile.stats.mean)}</td>}
            </tr>
            <tr>
              <th>std</th>
              <td>{statNumber(s.std)}</td>
              {tile && <td>{statNumber(tile.stats.std)}</td>}
            </tr>
            <tr>
              <th>min</th>
              <td>{statNumber(s.min)}</td>
              {tile && <td>{statNumber(tile.stats.min)}</td>}
            </tr>
            <tr>
              <th>max</th>
              <td>{statNumber(s.max)}</td>
              {tile && <td>{statNumber(tile.stats.max)}</td>}
            </tr>
            <tr>
              <th title="share of values at or below 0">≤ 0</th>
              <td>{pct(s.nonPositive)}</td>
              {tile && <td>{relu ? `dead ${pct(tile.stats.dead)}` : ''}</td>}
            </tr>
            {sat !== undefined && (
              <tr>
                <th>saturated</th>
                <td />
                <td>{pct(sat)}</td>
              </tr>
            )}
            {(s.nonFinite > 0 || (tile?.stats.nonFinite ?? 0) > 0) && (
              <tr className="bad">
                <th>NaN/Inf</th>
                <td>{pct(s.nonFinite)}</td>
                {tile && <td>{pct(tile.stats.nonFinite)}</td>}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
