/** The Templates menu: every bundled template with its description (a menu button: see menuButton.ts). */
import { useMemo } from 'react';
import { templateList } from '../core/project/templates';
import { loadTemplateCommand } from './commands';
import { useMenuButton } from './menuButton';

export function TemplatesMenu() {
  const m = useMenuButton('templates');
  const list = useMemo(() => templateList(), []);
  return (
    <div className="menu" onBlur={m.onBlur}>
      <button type="button" {...m.buttonProps}>
        Templates ▾
      </button>
      {m.open && (
        <ul className="menu-list templates-menu" {...m.menuProps}>
          {list.map((t) => (
            <li key={t.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-template={t.id}
                onClick={() => {
                  m.close();
                  void loadTemplateCommand(t.id);
                }}
              >
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
