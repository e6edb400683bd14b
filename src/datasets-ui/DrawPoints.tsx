/**
 * Draw a 2-D distribution: paint points with a brush (size and density), erase, clear; "Use" makes them
 * the project's 'points' dataset (kept in the project file), and opening the painter again edits them.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { dab, erase, MAX_PAINTED, VIEW, type Pt } from '../core/datasets/paint';
import { useEditor } from '../state/store';
import { chooseDataset } from './actions';
import { useGanvas } from '../state/store';
import { hideDrawing } from './ui';

const SIZE = 420;
const toData = (px: number) => (px / SIZE) * 2 * VIEW - VIEW;
const toPx = (v: number) => ((v + VIEW) / (2 * VIEW)) * SIZE;

export function DrawPoints() {
  const open = useGanvas((s) => s.datasetsUi.drawing);
  const dataset = useEditor((s) => s.doc.dataset);
  const ref = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [points, setPoints] = useState<Pt[]>([]);
  const [brush, setBrush] = useState(0.3);
  const [density, setDensity] = useState(8);
  const [eraser, setEraser] = useState(false);
  const seed = useRef(1);
  const down = useRef(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      // Editing again starts from the project's own points.
      setPoints(dataset.kind === 'points' && dataset.points ? dataset.points.map((p) => [p[0], p[1]] as Pt) : []);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, dataset]);

  useEffect(() => {
    const g = canvas.current?.getContext('2d');
    if (!g) return;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, SIZE, SIZE);
    g.strokeStyle = '#e3e6ea';
    for (let v = -VIEW; v <= VIEW; v++) {
      g.beginPath();
      g.moveTo(toPx(v), 0);
      g.lineTo(toPx(v), SIZE);
      g.moveTo(0, toPx(v));
      g.lineTo(SIZE, toPx(v));
      g.stroke();
    }
    g.fillStyle = '#1b9a8f';
    for (const [x, y] of points) g.fillRect(toPx(x) - 1.5, toPx(-y) - 1.5, 3, 3);
  }, [points, open]);

  const paint = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = toData(((e.clientX - box.left) / box.width) * SIZE),
      y = -toData(((e.clientY - box.top) / box.height) * SIZE);
    setPoints((p) => (eraser ? erase(p, x, y, brush) : dab(p, x, y, brush, density, seed.current++)));
  };

  return (
    <dialog ref={ref} className="draw-dialog" aria-label="Draw a distribution" onClose={hideDrawing}>
      <header className="ds-header">
        <h2>Draw a distribution</h2>
        <button type="button" onClick={hideDrawing} aria-label="Close">
          ✕
        </button>
      </header>
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className="draw-canvas"
        data-testid="draw-canvas"
        aria-label="Drawing area"
        onPointerDown={(e) => {
          down.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          paint(e);
        }}
        onPointerMove={(e) => {
          if (down.current) paint(e);
        }}
        onPointerUp={() => {
          down.current = false;
        }}
      />
      <div className="ds-options">
        <label>
          Brush{' '}
          <input
            type="range"
            min={0.05}
            max={1}
            step={0.05}
            value={brush}
            onChange={(e) => setBrush(Number(e.target.value))}
            aria-label="Brush size"
          />{' '}
          {brush.toFixed(2)}
        </label>
        <label>
          Density{' '}
          <input
            type="range"
            min={1}
            max={40}
            step={1}
            value={density}
            onChange={(e) => setDensity(Number(e.target.value))}
            aria-label="Density"
          />{' '}
          {density}
        </label>
        <label className="ds-check">
          <input type="checkbox" checked={eraser} onChange={(e) => setEraser(e.target.checked)} /> eraser
        </label>
      </div>
      <p className="muted" data-testid="draw-count">
        {points.length} points{points.length >= MAX_PAINTED ? ` (the most a drawing keeps)` : ''}. Training samples
        Gaussians (σ 0.05) around them.
      </p>
      <div className="ds-buttons">
        <button
          type="button"
          className="primary"
          disabled={points.length < 2}
          onClick={() => {
            chooseDataset({ kind: 'points', scale: dataset.scale, points });
            hideDrawing();
          }}
        >
          Use these points
        </button>
        <button type="button" onClick={() => setPoints([])}>
          Clear
        </button>
        <button type="button" onClick={hideDrawing}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
