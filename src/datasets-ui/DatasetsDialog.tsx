/**
 * The Datasets dialog: add data (drop or pick a zip or folder of PNG/JPEG, IDX files, a CSV or .npy of
 * points; options: size, grey or RGB, crop/pad/stretch, at most N), see a preview, the classes, the shape and
 * the memory it will take before anything is stored, keep it in this browser (by content hash) and train on
 * it; the kept datasets with name, shape, count and size, to use or delete; the built-in colour sprites; draw
 * a 2-D distribution. Decoding runs in the import worker, with a progress bar and Cancel.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import * as Comlink from 'comlink';
import { describeImported } from '../core/datasets/custom';
import { getDatasetKind } from '../core/datasets';
import { fmtBytes, fmtInt, LIMITS } from '../core/limits';
import type { Fit } from '../core/data/images';
import { deleteDataset, type DatasetRecord } from '../storage/datasets';
import { useEditor, useGanvas } from '../state/store';
import type { ImportOptionsUi, ImportPreview, ImportSource } from '../../workers/importApi';
import { chooseDataset, specOf } from './actions';
import { fromDrop, fromInput } from './gather';
import { importer } from './importClient';
import { RasterCanvas } from './RasterCanvas';
import { hideDatasets, refreshDatasets, showDrawing } from './ui';
import './datasets.css';
import { FilePicker } from '../ui/FilePicker';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '');
const ACCEPT = '.png,.jpg,.jpeg,.zip,.gz,.idx,.idx1-ubyte,.idx3-ubyte,.ubyte,.csv,.tsv,.txt,.npy';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'error'; message: string };

function Options({ o, set }: { o: ImportOptionsUi; set(p: Partial<ImportOptionsUi>): void }) {
  return (
    <div className="ds-options" role="group" aria-label="Import options">
      <label>
        Size
        <select value={o.size} onChange={(e) => set({ size: Number(e.target.value) })} aria-label="Image size">
          {[28, 32, 64].map((s) => (
            <option key={s} value={s}>
              {s}×{s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Colour
        <select
          value={o.channels}
          onChange={(e) => set({ channels: Number(e.target.value) as 1 | 3 })}
          aria-label="Colour"
        >
          <option value={1}>grey</option>
          <option value={3}>RGB</option>
        </select>
      </label>
      <label>
        To square
        <select value={o.fit} onChange={(e) => set({ fit: e.target.value as Fit })} aria-label="To square">
          <option value="crop">crop</option>
          <option value="pad">pad</option>
          <option value="stretch">stretch</option>
        </select>
      </label>
      <label>
        At most
        <input
          type="number"
          min={1}
          placeholder="all"
          value={o.maxImages ?? ''}
          aria-label="At most N images"
          onChange={(e) =>
            set({ maxImages: e.target.value ? Math.max(1, Math.floor(Number(e.target.value))) : undefined })
          }
        />
        images
      </label>
      <label className="ds-check">
        <input type="checkbox" checked={o.normalise} onChange={(e) => set({ normalise: e.target.checked })} />
        points: centre and scale into [-2, 2]²
      </label>
    </div>
  );
}

/**
 * The running import's progress bar. Its reports arrive from the worker for as long as it decodes, so they
 * set the bar and its text directly, without a React render: on a busy machine even a small render in every
 * report made main-thread tasks over 50 ms (BENCHMARKS.md).
 */
function ProgressLine({ name }: { name: string }) {
  const bar = useRef<HTMLProgressElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      useGanvas.subscribe(({ importProgress }, prev) => {
        if (importProgress === prev.importProgress) return;
        const { done, total } = importProgress;
        if (bar.current) {
          bar.current.max = total || 1;
          bar.current.value = done;
        }
        if (text.current)
          text.current.textContent = total ? `${fmtInt(done)} of ${fmtInt(total)} images` : `Reading ${name}…`;
      }),
    [name],
  );
  return (
    <>
      <progress ref={bar} max={1} value={0} aria-label={`Reading ${name}`} />
      <span ref={text}>Reading {name}…</span>
    </>
  );
}

function Preview({ p, onKeep, onDiscard }: { p: ImportPreview; onKeep(name: string): void; onDiscard(): void }) {
  const [name, setName] = useState(p.name);
  const shape = p.shape.join('×');
  return (
    <section className="ds-preview" aria-label="Preview">
      <RasterCanvas raster={p.picture} label={`Preview of ${p.name}`} className="ds-preview-picture" />
      <div className="ds-facts">
        <dl>
          <dt>Samples</dt>
          <dd data-testid="preview-count">
            {fmtInt(p.count)} × {shape}
          </dd>
          <dt>Classes</dt>
          <dd data-testid="preview-classes">
            {p.numClasses
              ? (p.classes ?? p.classCounts?.map((_, i) => String(i)) ?? [])
                  .map((c, i) => `${c} (${fmtInt(p.classCounts?.[i] ?? 0)})`)
                  .join(', ')
              : 'none'}
          </dd>
          <dt>Device memory</dt>
          <dd>
            {fmtBytes(p.deviceBytes)} of {fmtBytes(LIMITS.datasetDeviceBytes.value)}
          </dd>
          <dt>In this browser</dt>
          <dd>{fmtBytes(p.storageBytes)}</dd>
        </dl>
        <ul className="ds-report" data-testid="import-report">
          {p.report.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
        {p.overBudget && (
          <p className="ds-error" role="alert">
            {p.overBudget}
          </p>
        )}
        <label className="ds-name">
          Name <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Dataset name" />
        </label>
        <div className="ds-buttons">
          <button
            type="button"
            className="primary"
            disabled={Boolean(p.overBudget) || !name.trim()}
            onClick={() => onKeep(name.trim())}
          >
            {p.alreadyKept ? 'Use it (already kept)' : 'Keep and use'}
          </button>
          <button type="button" onClick={onDiscard}>
            Discard
          </button>
        </div>
      </div>
    </section>
  );
}

function KeptList({ list, inUse }: { list: DatasetRecord[]; inUse?: string }) {
  if (!list.length) return <p className="muted">No datasets kept in this browser yet.</p>;
  return (
    <table className="ds-list" aria-label="Kept datasets">
      <thead>
        <tr>
          <th>Name</th>
          <th>Shape</th>
          <th>Count</th>
          <th>Size</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.hash} className={r.hash === inUse ? 'in-use' : ''} data-hash={r.hash}>
            <td title={r.report.join('\n')}>
              {r.name}
              {r.hash === inUse && <span className="ds-badge">in use</span>}
            </td>
            <td>{r.shape.join('×')}</td>
            <td>{fmtInt(r.count)}</td>
            <td>{fmtBytes(r.bytes)}</td>
            <td className="ds-row-buttons">
              <button
                type="button"
                onClick={() => chooseDataset(specOf(r))}
                disabled={r.hash === inUse}
                aria-label={`Use ${r.name}`}
              >
                Use
              </button>
              <button
                type="button"
                onClick={async () => {
                  await deleteDataset(r.hash);
                  await refreshDatasets();
                }}
                aria-label={`Delete ${r.name}`}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DatasetsDialog() {
  const open = useGanvas((s) => s.datasetsUi.open);
  const list = useGanvas((s) => s.datasetsUi.list);
  const listError = useGanvas((s) => s.datasetsUi.listError);
  const dataset = useEditor((s) => s.doc.dataset);
  const ref = useRef<HTMLDialogElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [o, setO] = useState<ImportOptionsUi>({ size: 28, channels: 1, fit: 'crop', normalise: true });
  const [input, setInput] = useState<{ name: string; sources: ImportSource[] } | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  // (Re)prepares whenever the files or the options change: nothing is stored until "Keep".
  useEffect(() => {
    if (!input) return;
    let live = true;
    setStage({ kind: 'reading', name: input.name });
    useGanvas.setState({ importProgress: { done: 0, total: 0 } });
    const onProgress = Comlink.proxy((done: number, total: number) => {
      if (live) useGanvas.setState({ importProgress: { done, total } });
    });
    importer()
      .prepare(input.name, input.sources, o, onProgress)
      .then((preview) => {
        if (live) setStage({ kind: 'preview', preview });
      })
      .catch((e) => {
        if (live)
          setStage(errorText(e) === 'import cancelled' ? { kind: 'idle' } : { kind: 'error', message: errorText(e) });
      });
    return () => {
      live = false;
      void importer().cancel();
    };
  }, [input, o]);

  const take = (got: { name: string; sources: ImportSource[] }) => {
    if (got.sources.length) setInput(got);
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    take(await fromDrop(e.dataTransfer));
  };
  const keep = async (name: string) => {
    try {
      const rec = await importer().keep(name);
      chooseDataset(specOf(rec));
      setInput(null);
      setStage({ kind: 'idle' });
      await refreshDatasets();
    } catch (e) {
      setStage({ kind: 'error', message: errorText(e) });
    }
  };
  const kind = getDatasetKind(dataset.kind);
  const inUse = dataset.kind === 'custom' ? dataset.hash : undefined;
  const missing = dataset.kind === 'custom' && list !== null && !list.some((r) => r.hash === dataset.hash);

  return (
    <dialog
      ref={ref}
      className="datasets-dialog"
      aria-label="Datasets"
      onClose={hideDatasets}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
    >
      <header className="ds-header">
        <h2>Datasets</h2>
        <span className="muted" data-testid="training-on">
          Training on: <strong>{dataset.kind === 'custom' ? describeImported(dataset) : kind.label}</strong>
        </span>
        <button type="button" onClick={hideDatasets} aria-label="Close">
          ✕
        </button>
      </header>
      {missing && (
        <p className="ds-error" role="alert" data-testid="dataset-missing">
          {describeImported(dataset)} is not in this browser: drop or pick its files below to load it again.
        </p>
      )}
      <section className="ds-add" aria-label="Add data">
        <div
          className={`ds-drop${over ? ' over' : ''}`}
          data-testid="dataset-drop"
          role="button"
          tabIndex={0}
          onDragEnter={() => setOver(true)}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => void onDrop(e)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              files.current?.click();
            }
          }}
        >
          Drop images (a folder or a zip; subfolders are classes), IDX files with their labels, or a CSV or .npy of 2-D
          points
          <span className="muted">
            Nothing leaves this browser. Files up to {fmtBytes(LIMITS.dataFileBytes.value)}.
          </span>
        </div>
        <div className="ds-buttons">
          <button type="button" onClick={() => files.current?.click()}>
            Pick files…
          </button>
          <button type="button" onClick={() => folder.current?.click()}>
            Pick a folder…
          </button>
          <button type="button" onClick={showDrawing}>
            Draw points…
          </button>
          <button type="button" onClick={() => chooseDataset({ kind: 'sprites32', scale: dataset.scale })}>
            Colour sprites 32×32
          </button>
          <button type="button" onClick={() => chooseDataset({ kind: 'sprites64', scale: dataset.scale })}>
            Colour sprites 64×64
          </button>
        </div>
        <FilePicker ref={files} multiple accept={ACCEPT} testId="dataset-files" onFiles={(f) => take(fromInput(f))} />
        <FilePicker ref={folder} folder testId="dataset-folder" onFiles={(f) => take(fromInput(f))} />
        <Options o={o} set={(p) => setO((x) => ({ ...x, ...p }))} />
      </section>
      {stage.kind === 'reading' && (
        <section className="ds-progress" aria-label="Reading">
          <ProgressLine name={stage.name} />
          <button
            type="button"
            onClick={() => {
              void importer().cancel();
              setInput(null);
              setStage({ kind: 'idle' });
            }}
          >
            Cancel
          </button>
        </section>
      )}
      {stage.kind === 'error' && (
        <p className="ds-error" role="alert" data-testid="import-error">
          {stage.message}
        </p>
      )}
      {stage.kind === 'preview' && (
        <Preview
          key={stage.preview.hash + stage.preview.name}
          p={stage.preview}
          onKeep={(n) => void keep(n)}
          onDiscard={() => {
            void importer().discard();
            setInput(null);
            setStage({ kind: 'idle' });
          }}
        />
      )}
      <section aria-label="Kept in this browser">
        <h3>Kept in this browser</h3>
        {listError && <p className="ds-error">{listError}</p>}
        {list ? <KeptList list={list} inUse={inUse} /> : <p className="muted">Loading…</p>}
      </section>
    </dialog>
  );
}
