/**
 * The training dock. Folded (the default below 1720 px of window width), only its strip shows, in the
 * canvas footer: the toggle and the training strip (Train/Pause, step, loss sparkline). Open, the
 * training panel shows under the footer, or beside the canvas on wide screens. Folding only hides the
 * panel: it stays mounted, so a running training keeps its state and charts. The choice is remembered.
 */
import type { ReactNode } from 'react';
import { dockOpen, useWorkspace } from '../editor/workspacePrefs';
import { useWindowWidth } from './useWindowWidth';

export function useDockOpen(): boolean {
  const width = useWindowWidth();
  return dockOpen(
    useWorkspace((s) => s.dock),
    width,
  );
}

/** The dock's strip: its toggle and what the training UI shows while folded. */
export function DockStrip({ children }: { children?: ReactNode }) {
  const open = useDockOpen();
  return (
    <div className="dock-strip" role="group" aria-label="Training dock">
      <button
        type="button"
        className="dock-toggle"
        data-testid="dock-toggle"
        aria-expanded={open}
        aria-controls="training-panel-slot"
        onClick={() => useWorkspace.getState().setPrefs({ dock: !open })}
        title={open ? 'Fold the training dock (T)' : 'Open the training dock (T)'}
      >
        {open ? '▾' : '▴'} Training
      </button>
      {/* Open, the panel shows all of it: the strip's glance (.strip-glance) would repeat its first line. */}
      <span className={`dock-strip-body${open ? ' dock-is-open' : ''}`}>{children}</span>
    </div>
  );
}

export function TrainingDock({ children }: { children?: ReactNode }) {
  const open = useDockOpen();
  return (
    <section className={`training-dock${open ? ' open' : ' folded'}`} hidden={!children || !open} aria-label="Training">
      <aside id="training-panel-slot" className="training-panel-slot" aria-label="Training">
        {children}
      </aside>
    </section>
  );
}
