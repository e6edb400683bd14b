/**
 * The dock under the canvas where the training panel lives (`#training-panel-slot`). Collapsing it
 * only hides it: the panel stays mounted, so a running training keeps its state and charts.
 */
import { useState, type ReactNode } from 'react';

export function TrainingDock({ children }: { children?: ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <section className={`training-dock${open ? ' open' : ''}`} hidden={!children}>
      <button className="dock-header" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'} Training</button>
      <aside id="training-panel-slot" className="training-panel-slot" aria-label="Training" hidden={!open}>{children}</aside>
    </section>
  );
}
