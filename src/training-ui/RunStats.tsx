/** Backend, adapter, step counter, throughput, elapsed time and probe cost: always visible while training. */
import { describeAdapter } from '../core/backend/choose';
import { useShallow } from 'zustand/react/shallow';
import { useTraining } from '../trainer/store';

const time = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function RunStats() {
  const s = useTraining(
    useShallow((x) => ({
      status: x.status,
      summary: x.summary,
      step: x.step,
      sps: x.stepsPerSec,
      ms: x.stepMs,
      elapsed: x.elapsedMs,
      overhead: x.probeOverhead,
      every: x.probeEvery,
      visualize: x.options.visualize,
      tensors: x.numTensors,
      progress: x.progress,
    })),
  );
  return (
    <div className="run-stats" data-testid="run-stats">
      <span className={`status status-${s.status}`} data-testid="train-status">
        {s.status}
      </span>
      {s.status === 'initializing' && s.progress && (
        <span className="progress" data-testid="train-progress">
          {s.progress}…
        </span>
      )}
      {/* data-tensors: the worker's tensor count at this step, not shown; browser tests check it does not grow (a leak). */}
      <span>
        step{' '}
        <b data-testid="train-step-count" data-tensors={s.tensors}>
          {s.step}
        </b>
      </span>
      <span data-testid="train-sps">
        {s.sps ? `${s.sps < 10 ? s.sps.toFixed(2) : s.sps.toFixed(0)} steps/s` : '– steps/s'}
      </span>
      <span>{s.ms ? `${s.ms.toFixed(s.ms < 10 ? 1 : 0)} ms/step` : ''}</span>
      <span title="training time (probes included)">elapsed {time(s.elapsed)}</span>
      {s.visualize && s.every > 0 && (
        <span title="share of time spent probing activations">
          probe every {s.every} · {(s.overhead * 100).toFixed(1)}%
        </span>
      )}
      {s.summary && (
        <span
          className="backend"
          data-testid="train-backend-active"
          data-backend={s.summary.backend}
          data-fallback={String(s.summary.isFallbackAdapter)}
        >
          on <b>{s.summary.backend}</b>
          {s.summary.backendDetails ? ` (${s.summary.backendDetails})` : ''}
          {s.summary.adapter ? ` · ${describeAdapter(s.summary.adapter)}` : ''}
        </span>
      )}
    </div>
  );
}
