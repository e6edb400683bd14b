/**
 * Write-through: every change of the document is written to IndexedDB in the same task as the
 * change (persistence.writeNow); a viewport change (pan, zoom) is written after a short pause. When
 * the page is hidden or goes away, what is waiting is written at once. The status bar reads
 * the store's `saveStatus`: 'saved' means the latest write's transaction has completed.
 */
import type { SaveState } from './persistence';
import { currentChangeKind, flush, writeNow, writeSoon } from './persistence';
import { useEditor, useGanvas } from './store';

/** The write-through's status, for the status bar. */
export const useAutosaveStatus = (): SaveState => useGanvas((s) => s.saveStatus);

/** Starts writing every change; returns a function that stops it. */
export function startAutosave(): () => void {
  const unsubscribe = useEditor.subscribe((s, prev) => {
    if (s.doc !== prev.doc) {
      const kind = currentChangeKind();
      // A switch of projects has written the record it opened; anything else is written now.
      if (kind !== 'switch') void writeNow(kind === 'edit');
    } else if (s.viewport !== prev.viewport) {
      writeSoon();
    }
  });
  // Hidden covers a tab switched away from, a minimised window and (on mobile) a tab about to be
  // killed; pagehide covers reload, navigation and close.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', onPageHide);
  };
}
