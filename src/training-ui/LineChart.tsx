/**
 * A line chart of a few series over training steps, drawn by uPlot (~50 kB, canvas, fast on thousands of
 * points): drag across it to zoom into a range of steps (double-click zooms out), hover to read every
 * series at one step, and switch the y axis to a log scale when every value is positive (losses and
 * gradient norms span decades). The caption keeps the latest values (and `data-last`, unrounded, for
 * the browser tests) and shows the hovered step's values instead while the pointer is over the chart.
 * uPlot is loaded with the first chart (it touches window.matchMedia when imported).
 */
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  color: string;
  values: readonly number[];
}
/** A step to mark with a dashed vertical line and a word (e.g. when samples first passed a threshold). */
export interface Marker {
  x: number;
  label: string;
  color: string;
}

const fmt = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : v.toFixed(2));

/** uPlot's columns: x, then one array per series; non-finite values become gaps (null). */
function columns(x: readonly number[], series: Series[]): uPlot.AlignedData {
  const n = x.length;
  return [
    x.slice(0, n),
    ...series.map((s) =>
      Array.from({ length: n }, (_, i) => {
        const v = s.values[i];
        return Number.isFinite(v) ? v : null;
      }),
    ),
  ] as uPlot.AlignedData;
}

const allPositive = (series: Series[]) => series.every((s) => s.values.every((v) => !Number.isFinite(v) || v > 0));

/** The marker as a dashed vertical line with its word, drawn after uPlot's own series (a draw hook). */
function drawMarker(u: uPlot, m: Marker | undefined): void {
  if (!m) return;
  const xs = u.scales.x;
  if (xs.min === undefined || xs.max === undefined || m.x < xs.min || m.x > xs.max) return;
  const dpr = globalThis.devicePixelRatio || 1;
  const px = u.valToPos(m.x, 'x', true),
    { top, height } = u.bbox,
    g = u.ctx;
  g.save();
  g.strokeStyle = m.color;
  g.fillStyle = m.color;
  g.lineWidth = dpr;
  g.setLineDash([3 * dpr, 3 * dpr]);
  g.beginPath();
  g.moveTo(px, top);
  g.lineTo(px, top + height);
  g.stroke();
  g.font = `${10 * dpr}px system-ui, sans-serif`;
  const tw = g.measureText(m.label).width;
  g.fillText(m.label, Math.min(u.bbox.left + u.bbox.width - tw, px + 3 * dpr), top + 10 * dpr);
  g.restore();
}

function options(
  width: number,
  height: number,
  series: Series[],
  log: boolean,
  onHover: (idx: number | null) => void,
  marker: () => Marker | undefined,
): uPlot.Options {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 5 } },
    scales: { x: { time: false }, y: log ? { distr: 3 } : { auto: true } },
    axes: [
      {
        size: 18,
        font: '10px system-ui, sans-serif',
        stroke: '#6b7480',
        grid: { stroke: '#eef0f3', width: 1 },
        ticks: { show: false },
      },
      {
        size: 40,
        font: '10px system-ui, sans-serif',
        stroke: '#6b7480',
        grid: { stroke: '#e3e6ea', width: 1 },
        ticks: { show: false },
        // log axes hand over null for the ticks they skip
        values: (_u, ticks) => ticks.map((t) => (t == null ? '' : fmt(t))),
      },
    ],
    series: [
      { label: 'step' },
      ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, points: { show: false } })),
    ],
    hooks: { setCursor: [(u) => onHover(u.cursor.idx ?? null)], draw: [(u) => drawMarker(u, marker())] },
  };
}

export function LineChart({
  title,
  x,
  series,
  version,
  height = 110,
  marker,
}: {
  title: string;
  x: readonly number[];
  series: Series[];
  version: number;
  height?: number;
  marker?: Marker;
}) {
  const box = useRef<HTMLDivElement>(null);
  // The draw hook reads the latest marker (it appears mid-run without a new uPlot).
  const markerRef = useRef(marker);
  markerRef.current = marker;
  const plot = useRef<uPlot | null>(null);
  const [width, setWidth] = useState(0);
  const [log, setLog] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const canLog = allPositive(series);
  const useLog = log && canLog;
  const labels = series.map((s) => `${s.label}:${s.color}`).join();

  // Width from a ResizeObserver (never read in a frame: that forces layout). jsdom has none: no plot there.
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new uPlot only when its shape changes (series, scale, height); a resize is setSize.
  useEffect(() => {
    const el = box.current;
    if (!el || width <= 0) return;
    let u: uPlot | undefined,
      gone = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (gone) return;
      u = new UPlot(
        options(width, height, series, useLog, setHover, () => markerRef.current),
        columns(x, series),
        el,
      );
      plot.current = u;
    });
    return () => {
      gone = true;
      u?.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- data goes through setData below
  }, [labels, useLog, height, width > 0]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height });
  }, [width, height]);

  // New data: redraw, keeping a zoom the user chose (a zoomed x range stays; otherwise follow the run).
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    const id = requestAnimationFrame(() => {
      const xs = u.scales.x;
      const zoomed =
        xs.min !== undefined &&
        u.data[0].length > 0 &&
        (xs.min > (u.data[0][0] as number) || xs.max! < (u.data[0][u.data[0].length - 1] as number));
      u.setData(columns(x, series), !zoomed);
    });
    return () => cancelAnimationFrame(id);
  }, [version, x, series, marker?.x]);

  const at = hover !== null && hover < x.length ? hover : null;
  const shownValue = (s: Series) => (at === null ? s.values[s.values.length - 1] : s.values[at]);
  const last = (s: Series) => s.values[s.values.length - 1];
  return (
    <figure className="chart" data-testid={`chart-${title}`} data-points={x.length} data-marker={marker?.x}>
      <figcaption>
        <span className="chart-title">
          {title}
          {at !== null ? ` · step ${x[at]}` : ''}
        </span>
        {series.map((s) => (
          // data-last: the latest value unrounded (the text shows 2 digits), so tests can check it is finite;
          // as text, since React refuses a NaN attribute (a NaN loss is exactly what it must show).
          <span
            key={s.label}
            className="chart-key"
            style={{ color: s.color }}
            data-series={s.label}
            data-last={last(s) === undefined ? undefined : String(last(s))}
          >
            {s.label} {shownValue(s) === undefined ? '' : fmt(shownValue(s)!)}
          </span>
        ))}
        <button
          type="button"
          className="chart-log"
          aria-pressed={useLog}
          disabled={!canLog}
          title={canLog ? 'Logarithmic y axis' : 'A log scale needs every value above 0'}
          onClick={() => setLog((l) => !l)}
        >
          log
        </button>
      </figcaption>
      <div
        ref={box}
        className="chart-plot"
        style={{ height }}
        title="Drag to zoom into steps, double-click to zoom out"
      />
    </figure>
  );
}
