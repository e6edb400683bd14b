/** Keyboard shortcuts: the table the help overlay shows and the handler that runs them. */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditor } from '../state/store';
import { autoLayoutCommand, fitViewCommand, redo, saveCommand, undo } from './commands';
import { fitTo } from '../editor/templateView';
import { toggleWorkspacePanel } from './workspaceToggles';

export const SHORTCUTS: [keys: string, what: string][] = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z, Ctrl Y', 'Redo'],
  ['Ctrl/⌘ C / X / V', 'Copy / cut / paste the selected blocks (wires between them are kept)'],
  ['Ctrl/⌘ D', 'Duplicate the selection'],
  ['Ctrl/⌘ A', 'Select every block'],
  ['Delete, Backspace', 'Delete the selected blocks and wires'],
  ['Shift click, Shift drag', 'Add to the selection, box-select'],
  ['Double-click the canvas', 'Search and insert a block there'],
  ['Ctrl/⌘ S', 'Save the project file'],
  ['F', 'Fit the whole GAN'],
  ['G / D', 'Fit the generator / the discriminator (readable)'],
  ['[ / ]', 'Fold or open the blocks palette / the inspector'],
  ['T', 'Open or fold the training dock'],
  ['L', 'Auto-layout both networks'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Clear the selection, close dialogs'],
];

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function useShortcuts(toggleHelp: () => void, closeAll: () => void): void {
  const rf = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const s = useEditor.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const run = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (mod && k === 'z') return run(e.shiftKey ? redo : undo);
      if (mod && k === 'y') return run(redo);
      if (mod && k === 'c') return run(s.copySelection);
      if (mod && k === 'x') return run(s.cutSelection);
      if (mod && k === 'v') return run(() => s.paste());
      if (mod && k === 'd') return run(s.duplicateSelection);
      if (mod && k === 'a') return run(() => s.select(s.doc.graph.nodes.map((n) => n.id)));
      if (mod && k === 's') return run(saveCommand);
      if (mod || e.altKey) return;
      if (e.key === 'Delete' || e.key === 'Backspace') return run(s.deleteSelection);
      if (e.key === '?') return run(toggleHelp);
      if (e.key === 'Escape')
        return run(() => {
          s.select([]);
          closeAll();
        });
      if (k === 'f') return run(() => fitViewCommand(rf));
      if (k === 'g') return run(() => fitTo(rf, 'generator', undefined, 200));
      if (k === 'd') return run(() => fitTo(rf, 'discriminator', undefined, 200));
      if (e.key === '[' || e.key === ']' || k === 't')
        return run(() => toggleWorkspacePanel(e.key === '[' ? 'palette' : e.key === ']' ? 'inspector' : 'dock'));
      if (k === 'l') return run(() => void autoLayoutCommand(rf));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rf, toggleHelp, closeAll]);
}
