/**
 * Autosave wiring: after every change of the document or viewport (debounced), the project is
 * written to IndexedDB. The status is a tiny store of its own so the status bar (and the browser
 * tests) can tell when the last change is safely stored.
 */
import { create } from 'zustand';
import { saveAutosave } from './persistence';
import { projectOf } from './document';
import { useEditor } from './store';

export type AutosaveStatus = 'idle' | 'pending' | 'saved' | 'error';
export const useAutosaveStatus = create<{ status: AutosaveStatus; at?: number }>(() => ({ status: 'idle' }));

const DEBOUNCE_MS = 400;

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    const { doc, viewport } = useEditor.getState();
    try {
      await saveAutosave(projectOf(doc, viewport));
      useAutosaveStatus.setState({ status: 'saved', at: Date.now() });
    } catch {
      useAutosaveStatus.setState({ status: 'error' });
    }
  };
  const unsubscribe = useEditor.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.viewport === prev.viewport) return;
    useAutosaveStatus.setState({ status: 'pending' });
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), DEBOUNCE_MS);
  });
  // Leaving the page must not lose the last half-second of work.
  const onHide = () => { if (timer) { clearTimeout(timer); void flush(); } };
  window.addEventListener('pagehide', onHide);
  return () => { unsubscribe(); clearTimeout(timer); window.removeEventListener('pagehide', onHide); };
}
