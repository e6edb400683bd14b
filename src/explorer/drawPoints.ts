/**
 * 2-D data in the explorer: G's points over some real points, on a canvas (on screen and for the PNG).
 * An interpolation is drawn as a path from A to B, its dots shading from light to dark violet.
 */
import type { ExploreResult } from '../core/explore';

const REAL = 'rgba(27, 154, 143, 0.35)',
  FAKE = '#7c5cd6',
  PATH = 'rgba(124, 92, 214, 0.55)';

export function drawPoints(ctx: CanvasRenderingContext2D, size: number, r: ExploreResult): void {
  const e = r.extent ?? 3;
  const px = (v: number) => ((v + e) / (2 * e)) * size;
  const py = (v: number) => size - ((v + e) / (2 * e)) * size;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  // Axes through the origin.
  ctx.strokeStyle = '#e4e7ec';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(px(0), 0);
  ctx.lineTo(px(0), size);
  ctx.moveTo(0, py(0));
  ctx.lineTo(size, py(0));
  ctx.stroke();
  const dot = (x: number, y: number, rad: number) => {
    ctx.beginPath();
    ctx.arc(px(x), py(y), rad, 0, 2 * Math.PI);
    ctx.fill();
  };
  ctx.fillStyle = REAL;
  const real = r.real ?? new Float32Array();
  for (let i = 0; i + 1 < real.length; i += 2) dot(real[i], real[i + 1], size / 220);
  const v = r.values,
    n = v.length / 2;
  const path = r.request.kind === 'interpolate';
  if (path) {
    ctx.strokeStyle = PATH;
    ctx.lineWidth = Math.max(1.5, size / 250);
    ctx.beginPath();
    for (let i = 0; i < n; i++) (i ? ctx.lineTo : ctx.moveTo).call(ctx, px(v[2 * i]), py(v[2 * i + 1]));
    ctx.stroke();
  }
  for (let i = 0; i < n; i++) {
    const t = n > 1 ? i / (n - 1) : 1;
    ctx.fillStyle = path
      ? `rgb(${Math.round(200 - 110 * t)}, ${Math.round(180 - 120 * t)}, ${Math.round(245 - 60 * t)})`
      : FAKE;
    dot(v[2 * i], v[2 * i + 1], path ? size / 110 : size / 160);
  }
  if (path && n > 1) {
    ctx.fillStyle = '#222';
    ctx.font = `bold ${Math.round(size / 26)}px system-ui, sans-serif`;
    ctx.fillText('A', px(v[0]) + 6, py(v[1]) - 6);
    ctx.fillText('B', px(v[2 * n - 2]) + 6, py(v[2 * n - 1]) - 6);
  }
}
