/**
 * The large view of one node (click its tile): every channel of one sample of the fixed batch on one
 * colour scale, the histogram and statistics (ActivationDetail), then the history of its batch
 * statistics. It is drawn over the page (a portal), so it shows whether the training dock is open or
 * folded. Until the worker has sent the sample's values, the node's tile stands in.
 */
import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useTraining } from '../trainer/store';
import { ActivationDetail } from './ActivationDetail';
import { LineChart } from './LineChart';
import { TileCanvas } from './TileCanvas';
import { statsText } from './statsText';
import { useGanvas } from '../state/store';
import { isImageLayer, layerOf, useLiveTrace } from './traceStore';
import { SamplePicker } from './SamplePicker';

export function ChannelView() {
  const id = useTraining((s) => s.openNode);
  const tile = useTraining((s) => (s.openNode ? s.tiles[s.openNode] : undefined));
  const hist = useTraining((s) => (s.openNode ? s.statHistory[s.openNode] : undefined));
  const phase = useTraining((s) => s.phase);
  const trace = useLiveTrace(!!id);
  const close = () => useTraining.setState({ openNode: undefined });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const series = useMemo(() => {
    const h = hist ?? [];
    return {
      x: h.map((p) => p.step),
      spread: [
        { label: 'mean', color: '#2f6fe0', values: h.map((p) => p.mean) },
        { label: 'std', color: '#c98a0b', values: h.map((p) => p.std) },
      ],
      health: [
        { label: 'dead', color: '#d93a3a', values: h.map((p) => p.dead) },
        { label: 'saturated', color: '#7c5cd6', values: h.map((p) => p.saturated) },
      ],
    };
  }, [hist]);
  if (!id || !tile) return null;
  const layer = layerOf(trace, id);
  const image = isImageLayer(trace, id);
  const shape = `[batch, ${tile.shape.join(', ')}]`;
  return createPortal(
    <div className="channel-view" role="dialog" aria-label={`Activations of ${id}`} data-testid="channel-view">
      <header>
        <b>{id}</b>{' '}
        <span className="muted">
          {tile.network} · {shape}
          {tile.activation ? ` · ${tile.activation}` : ''}
          {trace ? ` · step ${trace.step}` : ''}
        </span>
        <SamplePicker batch={trace?.batch} />
        <button
          type="button"
          onClick={() => useGanvas.setState({ layerView: true })}
          title="This sample through every layer of G and D"
        >
          Follow through G and D
        </button>
        <button type="button" className="close" onClick={close} aria-label="Close">
          ×
        </button>
      </header>
      {layer ? (
        <ActivationDetail layer={layer} tile={tile} size={420} image={image} sample={trace!.sample} phase={phase} />
      ) : (
        <div className="act-waiting">
          <TileCanvas tile={tile} width={420} maxHeight={tile.kind === 'strip' ? 160 : 320} className="pixelated" />
          <p className="muted">{statsText(tile)} · every channel of one sample comes with the next probe…</p>
        </div>
      )}
      <div className="channel-history">
        <LineChart
          title="Mean and spread (fixed batch)"
          x={series.x}
          series={series.spread}
          version={series.x.length}
          height={90}
        />
        <LineChart title="Dead / saturated" x={series.x} series={series.health} version={series.x.length} height={90} />
      </div>
    </div>,
    document.body,
  );
}
