/** Double-click on the empty canvas: type to find a block, Enter to insert it there (as in ComfyUI). */
import { useState } from 'react';
import { searchBlocks } from '../palette/searchBlocks';

export interface QuickInsertProps {
  at: { x: number; y: number };
  onPick(type: string): void;
  onClose(): void;
}

export function QuickInsert({ at, onPick, onClose }: QuickInsertProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits = searchBlocks(query).slice(0, 10);
  return (
    <div className="quick-insert" style={{ left: at.x, top: at.y }} role="dialog" aria-label="Insert a block">
      <input
        autoFocus
        placeholder="Insert block…"
        value={query}
        aria-label="Block to insert"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={onClose}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          if (e.key === 'Enter' && hits[active]) onPick(hits[active].type);
        }}
      />
      <ul>
        {hits.map((b, i) => (
          <li
            key={b.type}
            className={i === active ? 'active' : ''}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(b.type);
            }}
          >
            {b.label} <small>{b.category}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
