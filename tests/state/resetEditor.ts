/**
 * Puts the editor store back to a fresh DCGAN document with an empty history, for test isolation. The
 * document is the TF-tutorial DCGAN (a fixed graph the editor tests name nodes of), not the default
 * template, whose recipe the quality benchmark may change.
 */
import { docOf } from '../../src/state/document';
import { loadTemplate } from '../../src/core/project/templates';
import { clearHistory, useEditor } from '../../src/state/store';

export function resetEditor(): void {
  useEditor.setState({
    doc: docOf(loadTemplate('dcgan-tf-tutorial')),
    selection: [],
    edgeSelection: [],
    dragging: null,
    sizes: {},
    clipboard: null,
    toast: null,
    savedDoc: null,
    connecting: null,
    viewport: undefined,
  });
  clearHistory();
}

export const history = () => useEditor.temporal.getState();
export const ids = () => useEditor.getState().doc.graph.nodes.map((n) => n.id);
export const nodeById = (id: string) => useEditor.getState().doc.graph.nodes.find((n) => n.id === id);
