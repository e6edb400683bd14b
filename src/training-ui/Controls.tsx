/** Start / pause / step / stop, step-by-step phases, backend choice and the visualisation switch. */
import { BACKENDS, type BackendChoice } from '../core/backend/choose';
import { run } from '../run';
import { useTraining } from '../trainer/store';
import { useReadiness } from './readiness';

const PHASE_LABELS = {
  dReal: '1 · D on real',
  dFake: '2 · D on fake',
  g: '3 · update D, then G through frozen D',
} as const;
const PROBE_CHOICES = ['auto', 1, 5, 10, 25, 50, 100, 500] as const;

export function Controls() {
  const status = useTraining((s) => s.status);
  const phase = useTraining((s) => s.phase);
  const options = useTraining((s) => s.options);
  const stale = useTraining((s) => s.stale);
  const running = status === 'running',
    busy = status === 'initializing';
  // A graph with errors cannot build: the buttons that build stay focusable but do nothing, and say why.
  const { refused } = useReadiness();
  const off = refused ? { 'aria-disabled': true, 'aria-describedby': 'train-refused', title: refused } : {};
  const nextLabel = PHASE_LABELS[phase === 'dReal' ? 'dFake' : phase === 'dFake' ? 'g' : 'dReal'];
  return (
    <>
      <div className="train-controls" role="toolbar" aria-label="Training controls">
        {running ? (
          <button type="button" data-testid="train-pause" onClick={() => void run.pause()}>
            ❚❚ Pause
          </button>
        ) : (
          <button
            type="button"
            data-testid="train-start"
            className="primary"
            disabled={busy}
            {...off}
            onClick={() => {
              if (!refused) void run.train();
            }}
          >
            {busy
              ? 'Starting…'
              : `▶ ${stale || status === 'idle' || status === 'stopped' || status === 'error' ? 'Train' : 'Resume'}`}
          </button>
        )}
        <button
          type="button"
          data-testid="train-step"
          disabled={running || busy}
          title="One full step"
          {...off}
          onClick={() => {
            if (!refused) void run.stepOnce();
          }}
        >
          Step
        </button>
        <button
          type="button"
          data-testid="train-phase"
          disabled={running || busy}
          title={`Step by step: next phase (${nextLabel})`}
          {...off}
          onClick={() => {
            if (!refused) void run.nextPhase();
          }}
        >
          Phase ▸
        </button>
        <button
          type="button"
          data-testid="train-stop"
          disabled={busy || status === 'idle' || status === 'stopped'}
          onClick={() => void run.stop()}
        >
          ■ Stop
        </button>
        <label className="inline">
          Backend
          <select
            data-testid="train-backend"
            value={options.backend}
            disabled={busy}
            onChange={(e) => {
              void run.setOptions({ backend: e.target.value as BackendChoice }).then(() => {
                if (status === 'paused' || running) void run.rebuild();
              });
            }}
          >
            <option value="auto">auto</option>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        {globalThis.crossOriginIsolated && (options.backend === 'wasm' || options.backend === 'auto') && (
          <label className="inline" title="Threads of the wasm backend; auto leaves one CPU core to the page">
            threads
            <select
              data-testid="train-wasm-threads"
              value={String(options.wasmThreads)}
              disabled={busy}
              onChange={(e) => {
                void run
                  .setOptions({ wasmThreads: e.target.value === 'auto' ? 'auto' : Number(e.target.value) })
                  .then(() => {
                    if (status === 'paused' || running) void run.rebuild();
                  });
              }}
            >
              {(['auto', 1, 2, 4, 8] as const).map((c) => (
                <option key={c} value={String(c)}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline">
          <input
            type="checkbox"
            data-testid="train-visualize"
            checked={options.visualize}
            onChange={(e) => void run.setOptions({ visualize: e.target.checked })}
          />
          Live activations
        </label>
        <label
          className="inline"
          title="Steps between activation probes; auto keeps the probe under 10% of the training time"
        >
          every
          <select
            data-testid="train-probe-every"
            value={String(options.probeEvery)}
            disabled={!options.visualize}
            onChange={(e) =>
              void run.setOptions({ probeEvery: e.target.value === 'auto' ? 'auto' : Number(e.target.value) })
            }
          >
            {PROBE_CHOICES.map((c) => (
              <option key={c} value={String(c)}>
                {c === 'auto' ? 'auto' : `${c} steps`}
              </option>
            ))}
          </select>
        </label>
        {phase && (
          <span className="phase-badge" data-testid="train-phase-label" data-phase={phase}>
            Phase {PHASE_LABELS[phase]}
          </span>
        )}
      </div>
      {refused && (
        <p className="train-refused" id="train-refused" data-testid="train-refused" role="status">
          {refused}
        </p>
      )}
    </>
  );
}
