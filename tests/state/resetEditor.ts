/** Puts the editor store back to a fresh DCGAN document with an empty history, for test isolation. */
import { defaultDoc } from '../../src/state/document';
import { clearHistory, useEditor } from '../../src/state/store';

export function resetEditor(): void {
  useEditor.setState({
    doc: defaultDoc(), selection: [], edgeSelection: [], dragging: null, sizes: {}, clipboard: null,
    toast: null, savedDoc: null, connecting: null, viewport: undefined,
  });
  clearHistory();
}

export const history = () => useEditor.temporal.getState();
export const ids = () => useEditor.getState().doc.graph.nodes.map((n) => n.id);
export const nodeById = (id: string) => useEditor.getState().doc.graph.nodes.find((n) => n.id === id);
