/** Palette search: blocks grouped by category in the registry's order, filtered by words in any order. */
import { BLOCKS, CATEGORY_LABELS, CATEGORY_ORDER, type BlockDef, type Category } from '../../core/blocks';

export const BLOCK_MIME = 'application/x-ganvas-block';

export function matches(b: BlockDef, query: string): boolean {
  const hay = `${b.label} ${b.type} ${b.category} ${CATEGORY_LABELS[b.category]} ${b.description}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Best matches first: label prefix, then label contains, then anywhere. */
export function searchBlocks(query: string): BlockDef[] {
  const q = query.trim().toLowerCase();
  const hits = BLOCKS.filter((b) => matches(b, q));
  const rank = (b: BlockDef) => (b.label.toLowerCase().startsWith(q) ? 0 : b.label.toLowerCase().includes(q) ? 1 : 2);
  return q ? [...hits].sort((a, b) => rank(a) - rank(b)) : hits;
}

export function groupedBlocks(query: string): { category: Category; label: string; blocks: BlockDef[] }[] {
  const hits = BLOCKS.filter((b) => matches(b, query));
  return CATEGORY_ORDER.map((c) => ({
    category: c,
    label: CATEGORY_LABELS[c],
    blocks: hits.filter((b) => b.category === c),
  })).filter((g) => g.blocks.length > 0);
}
