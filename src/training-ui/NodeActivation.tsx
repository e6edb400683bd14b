/**
 * A node's live activations, drawn inside the editor's node (its `.activation-slot`): the tile, one
 * line of statistics, the step-by-step highlight and the NaN marker. Click for the large channel view.
 */
import { memo } from 'react';
import { useTraining } from '../trainer/store';
import type { Phase } from '../../workers/api';
import { TileCanvas } from './TileCanvas';
import { statsText } from './statsText';

/** Which networks each phase of a step involves, and how. */
function phaseRole(phase: Phase | undefined, network: 'generator' | 'discriminator'): 'active' | 'frozen' | 'idle' | undefined {
  if (!phase) return undefined;
  if (phase === 'dReal') return network === 'discriminator' ? 'active' : 'idle';
  if (phase === 'dFake') return 'active';
  return network === 'generator' ? 'active' : 'frozen';
}

function NodeActivationView({ nodeId, width = 164 }: { nodeId: string; width?: number }) {
  const tile = useTraining((s) => s.tiles[nodeId]);
  const phase = useTraining((s) => s.phase);
  const faulty = useTraining((s) => s.fault?.nodeId === nodeId);
  if (!tile) return null;
  const role = phaseRole(phase, tile.network);
  const open = () => useTraining.setState({ openNode: nodeId });
  return (
    <div className={`node-activation nodrag${role ? ` act-phase-${role}` : ''}${faulty ? ' act-fault' : ''}`}
      data-testid={`activation-${nodeId}`} data-kind={tile.kind} onClick={open}
      title={`${tile.kind === "mosaic" ? `${tile.shown} of ${tile.total} channels. ` : ""}Click for all channels and their history`}>
      {/* Small enough not to push the editor's layout apart; G's samples get more room. */}
      <TileCanvas tile={tile} width={width} maxHeight={tile.kind === 'image' || tile.kind === 'scatter' ? 96 : 36} className="pixelated" />
      <div className="node-activation-stats" title={statsText(tile)}>{statsText(tile)}</div>
    </div>
  );
}

export const NodeActivation = memo(NodeActivationView);
