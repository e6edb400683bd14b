/**
 * The training dock folded to a strip: Train / Pause, the step, a sparkline of D's and G's losses with
 * their latest values, and the run's state. Everything else is in the open dock.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { run } from '../run';
import { historyColumns, useTraining } from '../trainer/store';
import { useReadiness } from './readiness';
import { sparkPoints } from './sparkline';
import { statNumber } from './statsText';
import { useGanvas } from '../state/store';
import './dock.css';

const W = 120,
  H = 22;
const G = '#7c5cd6',
  D = '#1b9a8f';

function Sparkline() {
  const version = useTraining((s) => s.historyVersion);
  const h = historyColumns(useTraining((s) => s.history));
  const [d, g] = useMemo(() => sparkPoints([h.dLoss, h.gLoss], W, H), [h]);
  const last = (v: readonly number[]) => (v.length ? statNumber(v[v.length - 1]) : '–');
  return (
    <span
      className="strip-spark"
      data-testid="strip-sparkline"
      data-points={h.step.length}
      data-version={version}
      title="Loss of D (teal) and G (violet), latest 200 measurements"
    >
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
        <polyline points={d} fill="none" stroke={D} strokeWidth={1.5} />
        <polyline points={g} fill="none" stroke={G} strokeWidth={1.5} />
      </svg>
      <span className="strip-losses">
        <b style={{ color: D }}>D</b> {last(h.dLoss)} <b style={{ color: G }}>G</b> {last(h.gLoss)}
      </span>
    </span>
  );
}

export function DockStrip() {
  const s = useTraining(useShallow((x) => ({ status: x.status, step: x.step, stale: x.stale })));
  const running = s.status === 'running',
    busy = s.status === 'initializing';
  const ready = s.status === 'running' || s.status === 'paused';
  // A graph with errors cannot build: Train stays focusable, does nothing and says why (tooltip and description).
  const { refused } = useReadiness();
  return (
    <div className="dock-strip-training" role="group" aria-label="Training at a glance">
      <span className="strip-glance">
        {running ? (
          <button type="button" data-testid="strip-pause" onClick={() => void run.pause()}>
            ❚❚ Pause
          </button>
        ) : (
          <button
            type="button"
            data-testid="strip-train"
            className="primary"
            disabled={busy}
            onClick={() => {
              if (!refused) void run.train();
            }}
            aria-disabled={refused ? true : undefined}
            aria-describedby={refused ? 'strip-refused' : undefined}
            title={refused}
          >
            ▶ {s.stale || s.status === 'idle' || s.status === 'stopped' ? 'Train' : 'Resume'}
          </button>
        )}
        {refused && !running ? (
          <span className="strip-refused" id="strip-refused" data-testid="strip-refused" title={refused}>
            ⚠ can't train<span className="visually-hidden">: {refused}</span>
          </span>
        ) : (
          <span className={`strip-status status-${s.status}`}>{s.status}</span>
        )}
        <span>
          step <b data-testid="strip-step">{s.step}</b>
        </span>
        <Sparkline />
      </span>
      <button
        type="button"
        data-testid="open-layer-view"
        disabled={!ready}
        onClick={() => useGanvas.setState({ layerView: true })}
        title={ready ? 'One sample through every layer of G and D, side by side' : 'Train or step once first'}
      >
        Layers
      </button>
    </div>
  );
}
