/**
 * Every validation problem, behind a button in the canvas toolbar that shows their count; clicking a
 * problem selects its node and brings it into view. The list drops down over the canvas only when
 * asked for, so it never takes room from the graph.
 */
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useValidation } from '../state/validation';
import { focusNode } from './commands';

export function ProblemsList() {
  const { problems } = useValidation();
  const rf = useReactFlow();
  const [open, setOpen] = useState(false);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const state = errors ? 'errors' : problems.length ? 'warnings' : 'ok';
  return (
    <section className={`problems problems-${state}`} aria-label="Problems">
      <button
        type="button"
        className="problems-header"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="problems-list"
        title={problems.length ? 'Show the problems of the graph' : 'Both networks are complete'}
      >
        {state === 'ok' ? '✓' : state === 'errors' ? '●' : '▲'} {problems.length} problem
        {problems.length === 1 ? '' : 's'} {open ? '▾' : '▴'}
      </button>
      {open && (
        <div id="problems-list" className="problems-list">
          {problems.length === 0 && <p className="muted">Both networks are complete.</p>}
          <ul>
            {problems.map((p, i) => (
              <li key={i} className={`problem ${p.severity}`}>
                {p.nodeId ? (
                  <button type="button" onClick={() => focusNode(rf, p.nodeId!)}>
                    {p.message}
                  </button>
                ) : (
                  <span>{p.message}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
