/**
 * A node's live activations, drawn inside the editor's node (its `.activation-slot`): a small tile,
 * the step-by-step highlight and the NaN marker. The tile is only a glance: hovering it shows the
 * node's activations large (ActivationPreview), clicking it opens the large view (ChannelView).
 */
import { memo } from 'react';
import { useTraining } from '../trainer/store';
import type { Phase } from '../../workers/api';
import { TileCanvas } from './TileCanvas';
import { statsText } from './statsText';
import { hoverActivation } from './activationHover';

/** Which networks each phase of a step involves, and how. */
function phaseRole(
  phase: Phase | undefined,
  network: 'generator' | 'discriminator',
): 'active' | 'frozen' | 'idle' | undefined {
  if (!phase) return undefined;
  if (phase === 'dReal') return network === 'discriminator' ? 'active' : 'idle';
  if (phase === 'dFake') return 'active';
  return network === 'generator' ? 'active' : 'frozen';
}

/** The box the tile fits in (px, at zoom 1): the node's bottom-right corner. */
export const TILE_BOX = { width: 52, height: 32 };

function NodeActivationView({ nodeId }: { nodeId: string }) {
  const tile = useTraining((s) => s.tiles[nodeId]);
  const phase = useTraining((s) => s.phase);
  const faulty = useTraining((s) => s.fault?.nodeId === nodeId);
  if (!tile) return null;
  const role = phaseRole(phase, tile.network);
  const open = () => useTraining.setState({ openNode: nodeId });
  return (
    <div
      className={`node-activation nodrag${role ? ` act-phase-${role}` : ''}${faulty ? ' act-fault' : ''}`}
      data-testid={`activation-${nodeId}`}
      data-kind={tile.kind}
      onClick={open}
      onMouseEnter={(e) => hoverActivation(nodeId, e.currentTarget)}
      onMouseLeave={() => hoverActivation(undefined)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      tabIndex={0}
      aria-label={`Activations of ${nodeId}: ${statsText(tile)}. Click for the large view.`}
      role="button"
    >
      <TileCanvas tile={tile} width={TILE_BOX.width} maxHeight={TILE_BOX.height} className="pixelated" />
    </div>
  );
}

export const NodeActivation = memo(NodeActivationView);
