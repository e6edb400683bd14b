/** The latest message (file opened, wire refused, ...), with a dismiss button; see toastLife.ts for when it leaves. */
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../state/store';
import type { Doc } from '../state/document';
import { outlived, toastTimeout } from './toastLife';
import './toasts.css';

export function Toasts() {
  const toast = useEditor((s) => s.toast);
  const doc = useEditor((s) => s.doc);
  const [hidden, setHidden] = useState<number | null>(null);
  const [held, setHeld] = useState(false);
  // The document when the toast appeared (a change after that is what makes an error obsolete).
  const shownWith = useRef<{ seq: number; doc: Doc } | null>(null);
  if (toast && shownWith.current?.seq !== toast.seq) shownWith.current = { seq: toast.seq, doc };

  useEffect(() => {
    if (!toast || held) return;
    const t = setTimeout(() => setHidden(toast.seq), toastTimeout(toast));
    return () => clearTimeout(t);
  }, [toast, held]);

  if (!toast || hidden === toast.seq) return null;
  if (outlived(toast, shownWith.current?.doc !== doc)) return null;
  const dismiss = () => setHidden(toast.seq);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast"
      onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)} onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget)) setHeld(false); }}>
      <span>{toast.text}</span>
      {toast.action && <button className="toast-action" onClick={() => { dismiss(); toast.action!.run(); }}>{toast.action.label}</button>}
      <button aria-label="Dismiss" onClick={dismiss}>×</button>
    </div>
  );
}
