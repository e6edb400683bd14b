/** Notices from training (fallbacks, crashes, hyperparameter changes) and the NaN fault banner. */
import { run } from '../run';
import { useTraining, dismissNotice } from '../trainer/store';

export function Notices() {
  const notices = useTraining((s) => s.notices);
  const fault = useTraining((s) => s.fault);
  const rollbackStep = useTraining((s) => s.rollbackStep);
  return (
    <div className="train-notices" aria-live="polite">
      {fault && (
        <div
          className="notice notice-error fault"
          data-testid="train-fault"
          data-node={fault.nodeId ?? ''}
          data-step={fault.step}
        >
          <b>NaN/Inf at step {fault.step}</b>
          {fault.nodeId && (
            <>
              {' '}
              in {fault.network} node <code>{fault.nodeId}</code>
              {fault.where === 'weights' ? ' (its weights)' : ''}
            </>
          )}
          .
          <ul>
            {fault.causes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          {rollbackStep !== undefined && (
            <p>
              Resuming would continue from the broken weights.{' '}
              <button type="button" data-testid="train-rollback" onClick={() => void run.rollback()}>
                ↶ Roll back to step {rollbackStep}
              </button>{' '}
              (the last weights that trained on without NaN), change what caused it, then Resume.
            </p>
          )}
        </div>
      )}
      {notices.map((n) => (
        <div key={n.seq} className={`notice notice-${n.level}`} data-testid="train-notice">
          <span>{n.message}</span>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismissNotice(n.seq)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
