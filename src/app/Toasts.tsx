/** The latest message (file opened, wire refused, ...); errors stay longer and can be dismissed. */
import { useEffect, useState } from 'react';
import { useEditor } from '../state/store';

export function Toasts() {
  const toast = useEditor((s) => s.toast);
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setHidden(toast.seq), toast.kind === 'error' ? 9000 : 4000);
    return () => clearTimeout(t);
  }, [toast]);
  if (!toast || hidden === toast.seq) return null;
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>{toast.text}</span>
      <button aria-label="Dismiss" onClick={() => setHidden(toast.seq)}>×</button>
    </div>
  );
}
