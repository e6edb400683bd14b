/** The large view of one node: all its shown channels big, its statistics and their history. */
import { useEffect, useMemo } from 'react';
import { useTraining } from '../trainer/store';
import { LineChart } from './LineChart';
import { TileCanvas } from './TileCanvas';
import { statsText } from './statsText';

export function ChannelView() {
  const id = useTraining((s) => s.openNode);
  const tile = useTraining((s) => (s.openNode ? s.tiles[s.openNode] : undefined));
  const hist = useTraining((s) => (s.openNode ? s.statHistory[s.openNode] : undefined));
  const close = () => useTraining.setState({ openNode: undefined });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') close(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const series = useMemo(() => {
    const h = hist ?? [];
    return {
      x: h.map((p) => p.step),
      spread: [{ label: 'mean', color: '#2f6fe0', values: h.map((p) => p.mean) }, { label: 'std', color: '#c98a0b', values: h.map((p) => p.std) }],
      health: [{ label: 'dead', color: '#d93a3a', values: h.map((p) => p.dead) }, { label: 'saturated', color: '#7c5cd6', values: h.map((p) => p.saturated) }],
    };
  }, [hist]);
  if (!id || !tile) return null;
  const shape = `[batch, ${tile.shape.join(', ')}]`;
  return (
    <div className="channel-view" role="dialog" aria-label={`Activations of ${id}`} data-testid="channel-view">
      <header>
        <b>{id}</b> <span className="muted">{tile.network} · {shape}{tile.activation ? ` · ${tile.activation}` : ''}</span>
        <button className="close" onClick={close} aria-label="Close">×</button>
      </header>
      <TileCanvas tile={tile} width={520} maxHeight={tile.kind === 'strip' ? 160 : 400} className="pixelated" />
      <p className="muted">
        {tile.kind === 'mosaic' ? `first sample, ${tile.shown} of ${tile.total} channels, each scaled to its own range`
          : tile.kind === 'strip' ? `rows: ${tile.height} samples of the fixed batch · columns: ${tile.shown} of ${tile.total} units`
            : 'G(z) for the fixed latent batch'}
      </p>
      <p>{statsText(tile)}</p>
      <LineChart title="Mean and spread" x={series.x} series={series.spread} version={series.x.length} height={90} />
      <LineChart title="Dead / saturated" x={series.x} series={series.health} version={series.x.length} height={90} />
    </div>
  );
}
