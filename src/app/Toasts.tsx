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
  // The toast under the pointer or focus (by seq: a toast that goes while held must not hold the next one).
  const [heldSeq, setHeldSeq] = useState<number | null>(null);
  const held = toast !== null && heldSeq === toast.seq;
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
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      onMouseEnter={() => setHeldSeq(toast.seq)}
      onMouseLeave={() => setHeldSeq(null)}
      onFocus={() => setHeldSeq(toast.seq)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setHeldSeq(null);
      }}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            dismiss();
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
