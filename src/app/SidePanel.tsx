/**
 * A side panel that folds to a narrow rail (palette on the left, inspector on the right): one button,
 * reachable by keyboard, says what it does and which panel it controls.
 */
import type { ReactNode } from 'react';

export interface SidePanelProps {
  side: 'left' | 'right';
  /** The panel's name, e.g. "Blocks" or "Inspector". */
  name: string;
  open: boolean;
  onToggle(): void;
  shortcut: string;
  id: string;
  children: ReactNode;
}

export function SidePanel({ side, name, open, onToggle, shortcut, id, children }: SidePanelProps) {
  const arrow = (side === 'left') === open ? '◂' : '▸';
  return (
    <div className={`side-panel side-${side}${open ? ' open' : ' folded'}`} data-testid={`panel-${id}`}>
      <button
        type="button"
        className="side-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={onToggle}
        title={`${open ? 'Fold' : 'Open'} the ${name.toLowerCase()} (${shortcut})`}
        aria-label={`${open ? 'Fold' : 'Open'} ${name}`}
      >
        <span aria-hidden="true">{arrow}</span> <span className="side-name">{name}</span>
      </button>
      <div id={id} className="side-body" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
