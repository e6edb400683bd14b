/** Project files: save as a download, open from a picked or dropped file (rejected whole if bad). */
import { serializeProject, tryParseProject } from '../core/project/schema';
import { projectOf } from '../state/document';
import { useEditor } from '../state/store';

export const fileNameFor = (name: string): string =>
  `${name.trim().replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'untitled'}.ganvas.json`;

export function saveProjectFile(): void {
  const { doc, viewport, markSaved, notify } = useEditor.getState();
  const blob = new Blob([serializeProject(projectOf(doc, viewport))], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameFor(doc.name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  markSaved();
  notify(`Saved ${a.download}`);
}

/** Reads a project file; on any problem the current project stays exactly as it was. */
export async function openProjectFile(file: File): Promise<boolean> {
  const { loadProject, markSaved, notify } = useEditor.getState();
  const r = tryParseProject(await file.text());
  if (!r.ok) {
    notify(`Cannot open ${file.name}: ${r.error.path ? `${r.error.path}: ` : ''}${r.error.reason}. Your current project is unchanged.`, 'error');
    return false;
  }
  loadProject(r.project, `Opened ${file.name} (Ctrl+Z goes back)`);
  markSaved();
  return true;
}
