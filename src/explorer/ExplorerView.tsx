/** The explorer's picture: the image grid with its row/column labels, or the 2-D plot. */
import { useEffect, useRef } from 'react';
import type { ExploreResult } from '../core/explore';
import { tileRgba } from '../ui/tileImage';
import { drawPoints } from './drawPoints';

const MAX_W = 760,
  MAX_H = 520;

function GridCanvas({ r, onPick }: { r: ExploreResult; onPick?: (index: number) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const t = r.tile!;
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    c.width = t.width;
    c.height = t.height;
    c.getContext('2d')?.putImageData(new ImageData(tileRgba(t), t.width, t.height), 0, 0);
  }, [t]);
  // A whole enlargement factor keeps every pixel crisp.
  const k = Math.max(1, Math.floor(Math.min(MAX_W / t.width, MAX_H / t.height)));
  const cell = ((t.height + 1) / r.rows) * k;
  const colW = ((t.width + 1) / r.cols) * k;
  return (
    <div className="ex-grid">
      {r.colLabels.some(Boolean) && (
        <div className="ex-col-labels" style={{ marginLeft: r.rowLabels.length ? 28 : 0 }}>
          {r.colLabels.map((l, i) => (
            <span key={i} style={{ width: colW }}>
              {l}
            </span>
          ))}
        </div>
      )}
      <div className="ex-grid-body">
        {r.rowLabels.length > 0 && (
          <div className="ex-row-labels">
            {r.rowLabels.map((l, i) => (
              <span key={i} style={{ height: cell }}>
                {l}
              </span>
            ))}
          </div>
        )}
        <canvas
          ref={ref}
          className={`pixelated ex-canvas${onPick ? ' picking' : ''}`}
          style={{ width: t.width * k, height: t.height * k }}
          role="img"
          aria-label={r.caption}
          data-testid="explorer-canvas"
          onClick={
            onPick &&
            ((e) => {
              // Which cell was clicked: cells are (size + 1-pixel gap) apart.
              const box = e.currentTarget.getBoundingClientRect();
              const col = Math.floor(((e.clientX - box.left) / box.width) * r.cols),
                row = Math.floor(((e.clientY - box.top) / box.height) * r.rows);
              if (col >= 0 && col < r.cols && row >= 0 && row < r.rows) onPick(row * r.cols + col);
            })
          }
        />
      </div>
    </div>
  );
}

function PointsCanvas({ r }: { r: ExploreResult }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = 480;
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = c.height = Math.round(size * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    drawPoints(ctx, c.width, r);
  }, [r]);
  return (
    <div className="ex-points">
      <canvas
        ref={ref}
        className="ex-canvas"
        style={{ width: size, height: size }}
        role="img"
        aria-label={r.caption}
        data-testid="explorer-canvas"
      />
      <div className="legend">
        <i className="sw fake" /> G(z) {r.request.kind === 'interpolate' ? '(path A → B)' : ''}{' '}
        <i className="sw real" /> real data
      </div>
    </div>
  );
}

export function ExplorerView({ result, onPick }: { result: ExploreResult; onPick?: (index: number) => void }) {
  return result.tile ? <GridCanvas r={result} onPick={onPick} /> : <PointsCanvas r={result} />;
}
