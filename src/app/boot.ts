/**
 * What the page opens with: a shared project in the URL hash, else the autosaved session, else the
 * DCGAN template. Nothing before that is undoable, so the history starts empty.
 */
import { DEFAULT_TEMPLATE } from '../core/project/templates';
import { laidOutTemplate } from './templateView';
import { loadAutosave } from '../state/persistence';
import { decodeShareHash } from '../state/share';
import { clearHistory, useEditor } from '../state/store';

export async function boot(): Promise<void> {
  const { loadProject, notify } = useEditor.getState();
  let shareError: string | null = null;
  try {
    const shared = await decodeShareHash(location.hash);
    if (shared) {
      loadProject(shared, `Opened shared project “${shared.name}”`);
      // The link has done its job; from now on the work autosaves like any other.
      history.replaceState(null, '', location.pathname + location.search);
      clearHistory();
      return;
    }
  } catch (e) {
    shareError = `The shared link could not be read (${(e as Error).message}).`;
  }
  const saved = await loadAutosave();
  loadProject(saved ?? (await laidOutTemplate(DEFAULT_TEMPLATE)));
  clearHistory();
  if (shareError) notify(shareError, 'error');
}
