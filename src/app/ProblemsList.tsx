/** Every validation problem; clicking one selects its node and brings it into view. */
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useValidation } from '../state/validation';
import { focusNode } from './commands';

export function ProblemsList() {
  const { problems } = useValidation();
  const rf = useReactFlow();
  const [open, setOpen] = useState(true);
  return (
    <section className="problems" aria-label="Problems">
      <button className="problems-header" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open && problems.length ? '▾' : '▸'} Problems ({problems.length})
      </button>
      {problems.length === 0 && <span className="muted"> — both networks are complete.</span>}
      {open && problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i} className={`problem ${p.severity}`}>
              {p.nodeId
                ? <button onClick={() => focusNode(rf, p.nodeId!)}>{p.message}</button>
                : <span>{p.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
