/**
 * The "Doctor" list in the training panel: each finding with its severity, since which step, what it
 * means and what to change. Clicking one selects its nodes on the canvas and brings them into view.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Finding } from '../core/doctor/finding';
import { useEditor } from '../state/store';
import { useTraining } from '../trainer/store';
import { useGanvas } from '../state/store';
import { startDoctor } from './live';
import './doctor.css';

export const SEVERITY_ICON: Record<Finding['severity'], string> = { warning: '⚠', critical: '✖' }; // both in DejaVu Sans (⛔ showed as an empty box in Debian's headless Chromium)

function FindingItem({ f }: { f: Finding }) {
  const rf = useReactFlow();
  const focus = () => {
    const ids = f.nodes.filter((id) => useEditor.getState().doc.graph.nodes.some((n) => n.id === id));
    if (!ids.length) return;
    useEditor.getState().select(ids);
    void rf.fitView({ nodes: ids.map((id) => ({ id })), duration: 250, maxZoom: 1, padding: 0.4 });
  };
  return (
    <li className={`doctor-finding doctor-${f.severity}`} data-testid={`doctor-finding-${f.id}`}>
      <button
        type="button"
        onClick={focus}
        title={f.nodes.length ? `Show ${f.nodes.join(', ')} on the canvas` : undefined}
      >
        <span className="doctor-icon" role="img" aria-label={f.severity}>
          {SEVERITY_ICON[f.severity]}
        </span>
        <span className="doctor-title">{f.title}</span>
        <span className="doctor-since">since step {f.since}</span>
      </button>
      <p className="doctor-explanation">{f.explanation}</p>
      <p className="doctor-suggestion">
        <b>Try:</b> {f.suggestion}
      </p>
    </li>
  );
}

export function DoctorList() {
  useEffect(() => startDoctor(), []);
  const findings = useGanvas((s) => s.doctor.findings);
  const active = useTraining((s) => s.step > 0);
  if (!active) return null;
  return (
    <section className="doctor-list" data-testid="doctor-list" aria-label="GAN doctor">
      <h3>
        Doctor
        {findings.length > 0 && (
          <>
            {' '}
            <span className="doctor-count">{findings.length}</span>
          </>
        )}
      </h3>
      {findings.length ? (
        <ul>
          {findings.map((f) => (
            <FindingItem key={f.id + f.nodes.join()} f={f} />
          ))}
        </ul>
      ) : (
        <p className="doctor-quiet">No known failure pattern so far.</p>
      )}
    </section>
  );
}
