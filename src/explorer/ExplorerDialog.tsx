/**
 * The latent explorer's big view: sample the trained generator (paused or running) as a random grid,
 * an interpolation strip (lerp or slerp), InfoGAN code sweeps or one row per class; save as PNG.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { explorations, pickPoint } from '../core/explore';
import { run } from '../run';
import { useTraining } from '../trainer/store';
import { ExplorerView } from './ExplorerView';
import { ModeControls } from './ModeControls';
import { saveExplorationPng } from './savePng';
import { defaultSettings, groupsReady, modesOf, toRequest, type ExplorerSettings, type GroupName } from './settings';
import { useExploration } from './useExploration';
import './explorer.css';

/** True while the worker holds built models the explorer can sample. */
export const useModelsReady = () =>
  useTraining((s) => Boolean(s.summary) && (s.status === 'running' || s.status === 'paused'));

export function ExplorerDialog({ onClose, onResume }: { onClose: () => void; onResume: () => void }) {
  const ready = useModelsReady();
  const running = useTraining((st) => st.status === 'running');
  const plan = ready ? run.built()?.plan : undefined;
  const ex = useMemo(() => (plan ? explorations(plan) : undefined), [plan]);
  const [s, setS] = useState<ExplorerSettings | undefined>(() => (ex ? defaultSettings(ex) : undefined));
  useEffect(() => {
    if (ex && !s) setS(defaultSettings(ex));
  }, [ex, s]);
  const [live, setLive] = useState(true);
  const set = (p: Partial<ExplorerSettings>) => setS((old) => (old ? { ...old, ...p } : old));
  // Latent arithmetic draws once every group has a sample; until then the last picture stays to pick from.
  const request = ex && s && (s.mode !== 'arithmetic' || groupsReady(s)) ? toRequest(s, ex) : undefined;
  const { result, busy, refresh } = useExploration(ready ? request : undefined, live);
  const [picking, setPicking] = useState<GroupName | null>(null);
  const pick = (i: number) => {
    if (!picking || !plan || !result || !s) return;
    const p = pickPoint(plan, result.request, i);
    set({ groups: { ...s.groups, [picking]: [...s.groups[picking], p] } });
  };
  const [saving, setSaving] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const save = async () => {
    if (!result) return;
    setSaving(true);
    try {
      await saveExplorationPng(result);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div
      className="explorer-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        className="explorer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="explorer-title"
        data-testid="explorer"
        data-step={result?.step ?? -1}
        data-count={result ? result.rows * result.cols : 0}
        data-kind={result?.request.kind ?? ''}
        data-mode={result?.request.kind === 'interpolate' ? result.request.mode : ''}
        data-busy={busy}
      >
        <header>
          <h2 id="explorer-title">Latent explorer</h2>
          {result && (
            <span className="muted" data-testid="explorer-step">
              samples from step {result.step}
              {busy ? ' · updating…' : ''}
            </span>
          )}
          {ready &&
            (running ? (
              <button type="button" className="ex-run" data-testid="explorer-pause" onClick={() => void run.pause()}>
                ❚❚ Pause training
              </button>
            ) : (
              <button type="button" className="ex-run" data-testid="explorer-resume" onClick={onResume}>
                ▶ Resume training
              </button>
            ))}
          <button
            type="button"
            ref={closeRef}
            className="close"
            onClick={onClose}
            aria-label="Close the latent explorer"
          >
            ×
          </button>
        </header>
        {!ready || !ex || !s ? (
          <p className="ex-empty" data-testid="explorer-empty">
            Train or step once first: the explorer samples the generator the training built.
          </p>
        ) : (
          <>
            <div className="ex-tabs" role="group" aria-label="What to show">
              {modesOf(ex).map((m) => (
                <button
                  type="button"
                  key={m.mode}
                  aria-pressed={s.mode === m.mode}
                  data-testid={`explorer-mode-${m.mode}`}
                  onClick={() => set({ mode: m.mode })}
                >
                  {m.label}
                </button>
              ))}
            </div>
            <div className="ex-controls">
              <ModeControls s={s} ex={ex} set={set} />
              <span className="ex-spacer" />
              <label className="ex-field" title="Draw again whenever training updates the weights">
                <input
                  type="checkbox"
                  checked={live}
                  onChange={(e) => setLive(e.target.checked)}
                  data-testid="explorer-live"
                />{' '}
                Follow training
              </label>
              <button type="button" onClick={refresh} disabled={busy} data-testid="explorer-refresh">
                Refresh
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void save()}
                disabled={!result || saving}
                data-testid="explorer-save"
              >
                Save PNG
              </button>
            </div>
            {ex.points && (
              <p className="muted ex-note">
                2-D data: every sample is a point. The grid is a cloud of points over the real data; an interpolation is
                the path G draws from A to B.
              </p>
            )}
            {!ex.sweeps.length && !ex.byClass && !ex.points && (
              <p className="muted ex-note">
                No InfoGAN codes or class labels in this generator: code sweeps and per-class grids do not apply.
              </p>
            )}
            {ex.arithmetic && !ex.points && (
              <div className="ex-arith" role="group" aria-label="Latent arithmetic" data-testid="explorer-arithmetic">
                <span>Latent arithmetic: pick samples into</span>
                {(['a', 'b', 'c'] as const).map((g) => (
                  <button
                    type="button"
                    key={g}
                    aria-pressed={picking === g}
                    data-testid={`explorer-pick-${g}`}
                    onClick={() => setPicking(picking === g ? null : g)}
                    title={`Then click samples in the picture to add them to ${g.toUpperCase()}`}
                  >
                    {g.toUpperCase()} ({s.groups[g].length})
                  </button>
                ))}
                <button
                  type="button"
                  data-testid="explorer-arith-show"
                  disabled={!groupsReady(s)}
                  onClick={() => {
                    setPicking(null);
                    set({ mode: 'arithmetic' });
                  }}
                >
                  Show A − B + C
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setPicking(null);
                    set({ groups: { a: [], b: [], c: [] } });
                  }}
                >
                  Clear
                </button>
                <span className="muted">
                  {picking
                    ? `click samples to add them to ${picking.toUpperCase()}`
                    : 'each group is averaged (as Radford et al. did with three samples)'}
                </span>
              </div>
            )}
            {s.mode === 'arithmetic' && !groupsReady(s) && (
              <p className="muted ex-note">
                Pick at least one sample into each of A, B and C from any picture (random grid, interpolation…), then
                show A − B + C.
              </p>
            )}
            <figure className="ex-figure">
              {result ? (
                <ExplorerView result={result} onPick={picking ? pick : undefined} />
              ) : (
                <div className="tile-empty ex-placeholder">drawing…</div>
              )}
              {result && (
                <figcaption className="muted" data-testid="explorer-caption">
                  {result.caption}
                </figcaption>
              )}
            </figure>
          </>
        )}
      </div>
    </div>
  );
}
