/** The Templates menu: every bundled template with its description; loading one is a single undo step. */
import { useMemo, useState } from 'react';
import { templateList } from '../core/project/templates';
import { loadTemplateCommand } from './commands';

export function TemplatesMenu() {
  const [open, setOpen] = useState(false);
  const list = useMemo(() => templateList(), []);
  return (
    <div className="menu" onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false); }}>
      <button aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>Templates ▾</button>
      {open && (
        <ul className="menu-list templates-menu" role="menu">
          {list.map((t) => (
            <li key={t.id} role="none">
              <button role="menuitem" data-template={t.id} onClick={() => { void loadTemplateCommand(t.id); setOpen(false); }}>
                <strong>{t.name}</strong>
                <span>{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
