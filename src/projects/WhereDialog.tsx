/** The question before anything goes into a project that holds the user's work: new project, into this one, or cancel. */
import { useEffect, useRef } from 'react';
import { useGanvas } from '../state/store';
import { keepEscape } from './keepEscape';
import './projects.css';

export function WhereDialog() {
  const q = useGanvas((s) => s.whereQuestion);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (q && d && !d.open) d.showModal();
    if (!q && d?.open) d.close();
  }, [q]);
  return (
    <dialog
      ref={ref}
      className="where-dialog"
      aria-labelledby="where-title"
      onClose={() => q?.answer('cancel')}
      onKeyDown={keepEscape}
    >
      {q && (
        <>
          <h2 id="where-title">Open {q.what}</h2>
          <p>
            “{q.current}” has your changes. Where should {q.what} go?
          </p>
          <div className="where-choices">
            <button type="button" autoFocus className="primary" onClick={() => q.answer('new')}>
              <strong>As a new project</strong>
              <span>“{q.current}” stays in Projects as it is</span>
            </button>
            <button type="button" onClick={() => q.answer('replace')}>
              <strong>Replace “{q.current}”</strong>
              <span>Ctrl+Z brings back what is there now</span>
            </button>
            <button type="button" onClick={() => q.answer('cancel')}>
              <strong>Cancel</strong>
              <span>Nothing changes</span>
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
