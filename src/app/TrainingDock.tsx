/**
 * The training dock. Folded (the default below 1600 px of window width), it is a strip under the
 * canvas: its toggle and the training strip (Train/Pause, step, loss sparkline). Open, the training
 * panel shows under the strip, or beside the canvas on wide screens. Folding only hides the panel: it
 * stays mounted, so a running training keeps its state and charts. The choice is remembered.
 */
import type { ReactNode } from 'react';
import { dockOpen, useWorkspace } from '../editor/workspacePrefs';
import { useWindowWidth } from './useWindowWidth';

export function TrainingDock({ children, strip }: { children?: ReactNode; strip?: ReactNode }) {
  const width = useWindowWidth();
  const pref = useWorkspace((s) => s.dock);
  const open = dockOpen(pref, width);
  const toggle = () => useWorkspace.getState().setPrefs({ dock: !open });
  return (
    <section className={`training-dock${open ? ' open' : ' folded'}`} hidden={!children} aria-label="Training dock">
      <div className="dock-strip">
        <button className="dock-toggle" data-testid="dock-toggle" aria-expanded={open} aria-controls="training-panel-slot"
          onClick={toggle} title={open ? 'Fold the training dock to this strip (T)' : 'Open the training dock (T)'}>
          {open ? '▾' : '▴'} Training
        </button>
        {strip}
      </div>
      <aside id="training-panel-slot" className="training-panel-slot" aria-label="Training" hidden={!open}>{children}</aside>
    </section>
  );
}
