/**
 * While a wire is dragged over a port that refuses it, the reason appears next to the cursor.
 * Reads React Flow's live connection state; nothing to clean up when the drag ends.
 */
import { useConnection, useReactFlow } from '@xyflow/react';
import { useEditor } from '../../state/store';
import { useDataInfo } from '../../state/validation';
import { orient, verdict } from './connectionVerdict';

export function ConnectionHint({ container }: { container: HTMLElement | null }) {
  const c = useConnection();
  const rf = useReactFlow();
  const graph = useEditor((s) => s.doc.graph);
  const data = useDataInfo();
  if (!c.inProgress || !c.toHandle || c.isValid !== false || !container) return null;
  const v = verdict(graph, orient(c.fromHandle, c.toHandle), data);
  if (v.ok) return null;
  const screen = rf.flowToScreenPosition(c.pointer);
  const box = container.getBoundingClientRect();
  return (
    <div
      className="connection-hint"
      role="alert"
      style={{ left: screen.x - box.left + 16, top: screen.y - box.top + 16 }}
    >
      {v.reason}
    </div>
  );
}
