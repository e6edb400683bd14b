/**
 * How long a toast stays. Every toast has a dismiss button. An error is about what the user just did
 * (a refused wire, a bad file): once the document changes, the user has fixed it or moved on, and it
 * goes; otherwise it leaves after ERROR_MS. A toast with a button (Undo, Projects) stays long enough
 * to reach it. The time stops while the pointer or the keyboard focus is on the toast.
 */
import type { Toast } from '../state/store';

export const INFO_MS = 4000;
export const ACTION_MS = 8000;
export const ERROR_MS = 8000;

export function toastTimeout(t: Pick<Toast, 'kind' | 'action'>): number {
  if (t.kind === 'error') return ERROR_MS;
  return t.action ? ACTION_MS : INFO_MS;
}

/** True when the document has changed since an error appeared: its cause is gone. */
export function outlived(t: Pick<Toast, 'kind'>, docChanged: boolean): boolean {
  return t.kind === 'error' && docChanged;
}
