/** G's samples from fixed seeds (a grid of images, or the 2-D cloud over the real data), refreshed as training goes. */
import { useTraining } from '../trainer/store';
import { TileCanvas } from './TileCanvas';

export function SampleGrid({ width = 180 }: { width?: number }) {
  const samples = useTraining((s) => s.samples);
  return (
    <figure className="sample-grid" data-testid="sample-grid" data-step={samples?.step ?? -1}>
      <figcaption>Samples {samples ? <span className="muted">step {samples.step}</span> : null}</figcaption>
      {samples ? (
        <TileCanvas
          tile={samples.tile}
          width={width}
          className="pixelated"
          title={samples.tile.kind === 'scatter' ? 'violet: G(z), teal: real data' : 'G(z) for fixed z'}
        />
      ) : (
        <div className="tile-empty" style={{ width, height: width }}>
          no samples yet
        </div>
      )}
      {samples?.tile.kind === 'scatter' && (
        <div className="legend">
          <i className="sw fake" /> G(z) <i className="sw real" /> real
        </div>
      )}
    </figure>
  );
}
