/** Every registered block, grouped by category and searchable; drag one onto the canvas (or double-click it). */
import { useState } from 'react';
import type { BlockDef } from '../../core/blocks';
import { BLOCK_MIME, groupedBlocks } from './searchBlocks';

export interface PaletteProps {
  /** Double-click (or Enter) on an item: insert the block without dragging. */
  onInsert?(type: string): void;
}

function PaletteItem({ block, onInsert }: { block: BlockDef; onInsert?(type: string): void }) {
  return (
    <li
      className={`palette-item cat-${block.category}`}
      draggable
      // biome-ignore lint/a11y/noNoninteractiveTabindex: an item is operable: Enter adds the block, as the help says
      tabIndex={0}
      data-block-type={block.type}
      title={block.description}
      onDragStart={(e) => {
        e.dataTransfer.setData(BLOCK_MIME, block.type);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onDoubleClick={() => onInsert?.(block.type)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onInsert?.(block.type);
      }}
    >
      <span className="palette-item-label">{block.label}</span>
      {block.network !== 'either' && (
        <span className={`palette-net net-${block.network}`}>{block.network === 'generator' ? 'G' : 'D'}</span>
      )}
    </li>
  );
}

export function Palette({ onInsert }: PaletteProps) {
  const [query, setQuery] = useState('');
  const groups = groupedBlocks(query);
  return (
    <nav className="palette" aria-label="Blocks">
      <input
        className="palette-search"
        type="search"
        placeholder="Search blocks…"
        aria-label="Search blocks"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette-groups">
        {groups.map((g) => (
          <section key={g.category} className="palette-group" aria-label={g.label}>
            <h3>{g.label}</h3>
            <ul>
              {g.blocks.map((b) => (
                <PaletteItem key={b.type} block={b} onInsert={onInsert} />
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="palette-empty">No block matches “{query}”.</p>}
      </div>
    </nav>
  );
}
