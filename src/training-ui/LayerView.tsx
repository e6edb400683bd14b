/**
 * The layer view: one sample followed through the whole GAN, G and D side by side. Left, the generator:
 * its latent input, every layer, the generated sample. Right, the discriminator on that sample: every
 * layer, then its verdict. Each layer shows every channel of that sample on its own colour scale; click
 * one for its large view. Stays fresh while training (one trace per probe).
 */
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { LayerValues, SampleTrace } from '../../workers/api';
import { getBlock, hasBlock } from '../core/blocks';
import { useEditor, useGanvas } from '../state/store';
import { useTraining } from '../trainer/store';
import { channelsRgba, scaleFor } from './activationImage';
import { ColorLegend } from './ActivationDetail';
import { SamplePicker } from './SamplePicker';
import { statNumber } from './statsText';
import { isImageLayer, useLiveTrace } from './traceStore';

const BOX = { width: 150, height: 84 };

function LayerPicture({ layer, image }: { layer: LayerValues; image: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scale = useMemo(() => scaleFor(layer.values, image), [layer.values, image]);
  const { grid, rgba } = useMemo(
    () => channelsRgba(layer.values, layer.shape, scale),
    [layer.values, layer.shape, scale],
  );
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    c.width = grid.width;
    c.height = grid.height;
    c.getContext('2d')?.putImageData(new ImageData(rgba, grid.width, grid.height), 0, 0);
  }, [grid, rgba]);
  const z = Math.min(BOX.width / grid.width, BOX.height / grid.height, 12);
  return (
    <div className="lv-picture">
      <canvas
        ref={ref}
        className="pixelated act-canvas"
        style={{ width: Math.round(grid.width * z), height: Math.round(grid.height * z) }}
      />
      <ColorLegend scale={scale} width={Math.max(120, Math.round(grid.width * z))} />
    </div>
  );
}

function LayerCard({
  layer,
  trace,
  label,
  index,
}: {
  layer: LayerValues;
  trace: SampleTrace;
  label: string;
  index: number;
}) {
  const n =
    layer.shape.length === 3
      ? `${layer.shape[2]} channels of ${layer.shape[0]}×${layer.shape[1]}`
      : `${layer.values.length} values`;
  return (
    <li className="lv-layer" data-testid={`lv-${layer.nodeId}`}>
      <button
        type="button"
        className="lv-open"
        onClick={() => useTraining.setState({ openNode: layer.nodeId })}
        title="Open this layer's large view"
      >
        <LayerPicture layer={layer} image={isImageLayer(trace, layer.nodeId)} />
        <span className="lv-text">
          <b>
            <span className="lv-index">{index}</span> {layer.nodeId}
          </b>
          <span>{label}</span>
          <span className="muted">{n}</span>
        </span>
      </button>
    </li>
  );
}

function Verdict({ trace }: { trace: SampleTrace }) {
  const v = trace.verdict;
  if (!v) return null;
  const logit = v.activation === 'logit';
  const p = logit ? 1 / (1 + Math.exp(-v.score)) : v.score;
  const real = p >= 0.5;
  return (
    <li className={`lv-verdict ${real ? 'real' : 'fake'}`} data-testid="lv-verdict" data-score={v.score}>
      <b>D's verdict on this generated sample</b>
      <span>{logit ? `score ${statNumber(v.score)} (a logit) → σ = ${statNumber(p)}` : `${statNumber(p)}`}</span>
      <span className="lv-bar">
        <span style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
      </span>
      <span>{real ? 'D takes it for real: G fools D on this sample' : 'D sees it is fake'}</span>
    </li>
  );
}

export function LayerView() {
  const open = useGanvas((s) => s.layerView);
  const trace = useLiveTrace(open);
  const nodes = useEditor((s) => s.doc.graph.nodes);
  const close = () => useGanvas.setState({ layerView: false });
  useEffect(() => {
    if (!open) return;
    // Capture phase: runs before the large view's own Esc handler, so Esc closes the view on top first.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useTraining.getState().openNode) close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (!open) return null;
  const labelOf = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    return n && hasBlock(n.type) ? getBlock(n.type).label : '';
  };
  const column = (net: 'generator' | 'discriminator') => {
    const seen = new Set<string>();
    return trace!.layers
      .filter((l) => l.network === net && !seen.has(l.nodeId) && seen.add(l.nodeId))
      .map((l, k) => <LayerCard key={l.nodeId} index={k + 1} layer={l} trace={trace!} label={labelOf(l.nodeId)} />);
  };
  return createPortal(
    <div className="layer-view" role="dialog" aria-label="One sample through G and D" data-testid="layer-view">
      <header>
        <b>One sample through the GAN</b>
        <span className="muted">
          latent → G's layers → the generated sample → D's layers → D's verdict{trace ? ` · step ${trace.step}` : ''}
        </span>
        <SamplePicker batch={trace?.batch} />
        <button type="button" className="close" onClick={close} aria-label="Close">
          ×
        </button>
      </header>
      {!trace ? (
        <p className="muted">Train or step once: the layers of one sample appear here.</p>
      ) : (
        <div className="lv-columns">
          <section className="lv-net lv-generator" aria-label="Generator">
            <h3>Generator</h3>
            <ol>{column('generator')}</ol>
          </section>
          <section className="lv-net lv-discriminator" aria-label="Discriminator">
            <h3>Discriminator</h3>
            <ol>
              {column('discriminator')}
              <Verdict trace={trace} />
            </ol>
          </section>
        </div>
      )}
    </div>,
    document.body,
  );
}
