/**
 * Rest the pointer on a node's tile: its activations show large beside the node (every channel of one
 * sample, colour scale, histogram, statistics), without a click. Drawn over the page (a portal), placed
 * where the window has room.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTraining } from '../trainer/store';
import { ActivationDetail } from './ActivationDetail';
import { useGanvas } from '../state/store';
import { isImageLayer, layerOf, useLiveTrace } from './traceStore';
import { statsText } from './statsText';
import { TileCanvas } from './TileCanvas';

const W = 560;

export function ActivationPreview() {
  const { nodeId, anchor } = useGanvas((s) => s.activationHover);
  const tile = useTraining((s) => (nodeId ? s.tiles[nodeId] : undefined));
  const open = useTraining((s) => s.openNode);
  const phase = useTraining((s) => s.phase);
  const trace = useLiveTrace(!!nodeId);
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(320);
  useLayoutEffect(() => {
    if (ref.current && ref.current.offsetHeight !== height) setHeight(ref.current.offsetHeight);
  });
  if (!nodeId || !anchor || !tile || open === nodeId) return null;
  const layer = layerOf(trace, nodeId);
  // Right of the tile if there is room, else left; kept inside the window.
  const left = anchor.right + 12 + W < window.innerWidth ? anchor.right + 12 : Math.max(8, anchor.left - 12 - W);
  const top = Math.max(8, Math.min(window.innerHeight - height - 8, anchor.top - 40));
  return createPortal(
    <div
      ref={ref}
      className="activation-preview"
      style={{ left, top, width: W }}
      data-testid="activation-preview"
      role="tooltip"
    >
      <header>
        <b>{nodeId}</b>{' '}
        <span className="muted">
          [{tile.shape.join(', ')}]{tile.activation ? ` · ${tile.activation}` : ''} · click for more
        </span>
      </header>
      {layer ? (
        <ActivationDetail
          layer={layer}
          tile={tile}
          size={260}
          image={isImageLayer(trace, nodeId)}
          sample={trace!.sample}
          phase={phase}
        />
      ) : (
        <>
          <TileCanvas tile={tile} width={260} maxHeight={200} className="pixelated" />
          <p className="muted">{statsText(tile)}</p>
        </>
      )}
    </div>,
    document.body,
  );
}
