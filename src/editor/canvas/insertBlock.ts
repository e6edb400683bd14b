/**
 * Adding a block where the user pointed (a drop, a quick insert, the middle of the view): its network
 * is the block's own, or, for blocks that fit either, the region under the pointer; it lands on the
 * nearest free spot of its network's side. A block dropped on the other network's side says where it went.
 */
import { getBlock } from '../../core/blocks';
import type { XY } from '../../core/graph/types';
import { useEditor } from '../../state/store';
import { NODE_WIDTH } from './geometry';
import { placeBlock } from './placement';
import { networkAt, regionRects } from './regions';

const NAMES = { generator: 'generator', discriminator: 'discriminator' } as const;

/** Inserts `type` near the flow point `pointer` (the node's top edge centred on it); returns the new id. */
export function insertBlockAt(type: string, pointer: XY): string {
  const s = useEditor.getState();
  const block = getBlock(type);
  const under = networkAt(pointer, regionRects(s.doc.graph.nodes, s.sizes));
  const network = block.network === 'either' ? under : block.network;
  const at = placeBlock({
    network,
    at: { x: pointer.x - NODE_WIDTH / 2, y: pointer.y - 20 },
    nodes: s.doc.graph.nodes,
    sizes: s.sizes,
  });
  const id = s.addBlock(type, network, at);
  if (network !== under)
    s.notify(`${block.label} is a ${NAMES[network]} block: it was placed in the ${NAMES[network]}'s region.`);
  return id;
}

/** The message for a drag whose blocks were kept on their own network's side. */
export function keptMessage(ids: readonly string[], network: 'generator' | 'discriminator'): string {
  const which =
    ids.length === 1
      ? `'${ids[0]}' belongs to the ${network}`
      : `${ids.map((i) => `'${i}'`).join(', ')} belong to the ${network}`;
  return `${which}: blocks cannot move into the other network, so ${ids.length === 1 ? 'it stays' : 'they stay'} on the ${network}'s side.`;
}
