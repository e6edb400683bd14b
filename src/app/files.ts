/** Project files: save as a download, open from a picked or dropped file (rejected whole if bad). */
import { serializeProject, tryParseProject } from '../core/project/schema';
import { projectSizeError } from '../core/limits';
import { quoteName } from '../core/messages';
import { projectOf } from '../state/document';
import { useEditor } from '../state/store';
import { bringIn } from '../projects/incoming';
import { downloadBlob } from '../ui/download';

// Save and every Export hand their files to the browser the same way (src/ui/download.ts).
export { downloadBlob };

/** A project name as a file name stem: 'DCGAN (MNIST)' -> 'dcgan-mnist'. */
export const slugOf = (name: string): string =>
  name
    .trim()
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase() || 'untitled';

export const fileNameFor = (name: string): string => `${slugOf(name)}.ganvas.json`;

export function saveProjectFile(): void {
  const { doc, viewport, markSaved, notify } = useEditor.getState();
  const name = fileNameFor(doc.name);
  downloadBlob(new Blob([serializeProject(projectOf(doc, viewport))], { type: 'application/json' }), name);
  markSaved();
  notify(`Saved ${name}`);
}

/**
 * Reads a project file; on any problem the open project stays exactly as it was. A good file goes
 * where the user says (a new project, or into the open one: see commands.bringIn).
 */
export async function openProjectFile(file: File): Promise<boolean> {
  const { notify } = useEditor.getState();
  const name = quoteName(file.name);
  // Refused before it is read whole: a huge file is not a project and would stall the page.
  const tooBig = projectSizeError(file.size);
  const r = tooBig ? { ok: false as const, error: { path: '', reason: tooBig } } : tryParseProject(await file.text());
  if (!r.ok) {
    notify(
      `Cannot open ${name}: ${r.error.path ? `${r.error.path}: ` : ''}${r.error.reason}. Your current project is unchanged.`,
      'error',
    );
    return false;
  }
  return (await bringIn(r.project, { kind: 'file', name: file.name }, `the file ${file.name}`)) !== 'cancel';
}
