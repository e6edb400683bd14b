import type { KeyboardEvent } from 'react';

/**
 * Esc closes a modal <dialog> natively, unless a keydown listener cancels the key first; the
 * editor's shortcuts (on window) do, to clear the selection. Stopping the key at the dialog leaves
 * it to the dialog.
 */
export function keepEscape(e: KeyboardEvent): void {
  if (e.key === 'Escape') e.stopPropagation();
}
