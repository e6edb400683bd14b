/**
 * A small canvas line chart (a few series over training steps). Drawing is one pass over at most a
 * few thousand points, scheduled with requestAnimationFrame, so the page never stutters.
 */
import { useEffect, useRef, useState } from 'react';
import { decimate } from './decimate';

export interface Series { label: string; color: string; values: readonly number[] }
/** A step to mark with a dashed vertical line and a word (e.g. when samples first passed a threshold). */
export interface Marker { x: number; label: string; color: string }

function niceRange(series: Series[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const s of series) for (const v of s.values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

const fmt = (v: number) => (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : v.toFixed(2));

/**
 * Draws at the CSS size `w` × `h` (measured by a ResizeObserver, never read here: reading clientWidth
 * in a frame forces a style and layout pass). The backing store is only reallocated when the size
 * changes; a new one each redraw costs the compositor a new texture every time.
 */
function draw(c: HTMLCanvasElement, w: number, h: number, x: readonly number[], series: Series[], marker?: Marker): void {
  const dpr = globalThis.devicePixelRatio || 1;
  if (!w || !h) return;
  const bw = Math.round(w * dpr), bh = Math.round(h * dpr);
  if (c.width !== bw) c.width = bw;
  if (c.height !== bh) c.height = bh;
  const g = c.getContext('2d');
  if (!g) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  const left = 44, right = 6, top = 6, bottom = 16;
  const [lo, hi] = niceRange(series);
  const x0 = x[0] ?? 0, x1 = x[x.length - 1] ?? 1;
  const px = (v: number) => left + ((v - x0) / Math.max(1e-9, x1 - x0)) * (w - left - right);
  const py = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (h - top - bottom);
  g.strokeStyle = '#e3e6ea';
  g.fillStyle = '#6b7480';
  g.font = '10px system-ui, sans-serif';
  g.lineWidth = 1;
  for (const v of [lo, (lo + hi) / 2, hi]) {
    g.beginPath(); g.moveTo(left, py(v)); g.lineTo(w - right, py(v)); g.stroke();
    g.fillText(fmt(v), 2, Math.min(h - bottom, Math.max(top + 8, py(v) + 3)));
  }
  g.fillText(`step ${x0}`, left, h - 3);
  const end = `${x1}`;
  g.fillText(end, w - right - g.measureText(end).width, h - 3);
  if (marker && marker.x >= x0 && marker.x <= x1) {
    g.save();
    g.strokeStyle = marker.color;
    g.fillStyle = marker.color;
    g.setLineDash([3, 3]);
    g.beginPath(); g.moveTo(px(marker.x), top); g.lineTo(px(marker.x), h - bottom); g.stroke();
    const tw = g.measureText(marker.label).width;
    g.fillText(marker.label, Math.min(w - right - tw, px(marker.x) + 3), top + 8);
    g.restore();
  }
  g.lineWidth = 1.5;
  for (const s of series) {
    g.strokeStyle = s.color;
    g.beginPath();
    let pen = false;
    const d = decimate(x, s.values, Math.max(1, Math.round(w - left - right)));
    d.y.forEach((v, i) => {
      if (!Number.isFinite(v)) { pen = false; return; }
      if (pen) g.lineTo(px(d.x[i]), py(v)); else g.moveTo(px(d.x[i]), py(v));
      pen = true;
    });
    g.stroke();
  }
}

export function LineChart({ title, x, series, version, height = 110, marker }: { title: string; x: readonly number[]; series: Series[]; version: number; height?: number; marker?: Marker }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ w: number; h: number }>({ w: 0, h: 0 });
  useEffect(() => {
    const c = ref.current;
    if (!c || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => {
      const { width, height } = e.contentRect;
      setSize((s) => (s.w === width && s.h === height ? s : { w: width, h: height }));
    });
    ro.observe(c);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    const id = requestAnimationFrame(() => { if (ref.current) draw(ref.current, size.w, size.h, x, series, marker); });
    return () => cancelAnimationFrame(id);
    // `version` changes whenever the data does; the arrays themselves are new objects each time.
  }, [version, x, series, size, marker]);
  const last = (s: Series) => s.values[s.values.length - 1];
  return (
    <figure className="chart" data-testid={`chart-${title}`} data-points={x.length} data-marker={marker?.x}>
      <figcaption>
        <span className="chart-title">{title}</span>
        {series.map((s) => (
          // data-last: the latest value unrounded (the text shows 2 digits), so tests can check it is finite;
          // as text, since React refuses a NaN attribute (a NaN loss is exactly what it must show).
          <span key={s.label} className="chart-key" style={{ color: s.color }} data-series={s.label} data-last={last(s) === undefined ? undefined : String(last(s))}>
            {s.label} {last(s) === undefined ? '' : fmt(last(s)!)}
          </span>
        ))}
      </figcaption>
      <canvas ref={ref} style={{ width: '100%', height }} />
    </figure>
  );
}
