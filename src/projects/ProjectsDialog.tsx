/**
 * The projects list: every project stored in this browser with its thumbnail, name, what it started
 * from and when it was last changed. Open one (Enter or click), start a new one, delete one (it
 * goes to "Recently deleted", from where it can be restored for a week). Keyboard: ArrowUp/Down,
 * Home/End move between projects, Tab reaches each row's Delete button, Esc closes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useEditor, useGanvas } from '../state/store';
import { openStoredProject, removeProject, restoreRemovedProject } from '../state/projects';
import { allProjects } from '../storage/projects';
import { listed, originText, PURGE_AFTER_MS, recentlyDeleted, type ProjectRecord } from '../storage/records';
import { Thumb } from './Thumb';
import { hideProjectsList } from './ui';
import { whenText } from './labels';
import { keepEscape } from './keepEscape';
import './projects.css';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const DAYS = Math.round(PURGE_AFTER_MS / 86_400_000);

/** Moves focus between the rows' main buttons (the list's arrow-key navigation). */
function onListKey(e: KeyboardEvent<HTMLUListElement>): void {
  const rows = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.project-open')];
  const at = rows.findIndex((b) => b === document.activeElement || b.parentElement?.contains(document.activeElement));
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[e.key];
  if (to === undefined || !rows.length) return;
  e.preventDefault();
  rows[Math.max(0, Math.min(rows.length - 1, to))].focus();
}

/** `onNew` starts a new project (the app's command, handed in by the top bar). */
export function ProjectsDialog({ onNew }: { onNew(): void }) {
  const isOpen = useGanvas((s) => s.projectsListOpen);
  const openId = useGanvas((s) => s.openProject?.id);
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [records, setRecords] = useState<ProjectRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();

  const reload = useCallback(async () => {
    try {
      setRecords(await allProjects());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (isOpen && !d.open) {
      setRecords(null);
      d.showModal();
      void reload();
    }
    if (!isOpen && d.open) d.close();
  }, [isOpen, reload]);

  // Once the list is there, focus the open project (the one the user is most likely to look from). A layout
  // effect, so the rows and the focus appear in one frame: a key pressed as soon as the rows show (Home, End,
  // Enter) acts on the list, not on whatever the dialog had focused while the list loaded.
  useLayoutEffect(() => {
    if (!isOpen || !records) return;
    const list = listRef.current;
    if (list && !list.contains(document.activeElement)) {
      (
        list.querySelector<HTMLButtonElement>('.project-row.is-open .project-open') ??
        list.querySelector<HTMLButtonElement>('.project-open')
      )?.focus();
    }
  }, [isOpen, records]);

  const live = records ? listed(records) : [];
  const deleted = records ? recentlyDeleted(records, now) : [];

  const open = async (r: ProjectRecord) => {
    hideProjectsList();
    if (r.id === openId) return;
    try {
      await openStoredProject(r.id, `Opened “${r.name}”.`);
    } catch (e) {
      useEditor.getState().notify(`${errorText(e)}. Your open project is unchanged.`, 'error');
    }
  };

  const remove = async (r: ProjectRecord, index: number) => {
    try {
      await removeProject(r.id);
    } catch (e) {
      setError(errorText(e));
      return;
    }
    await reload();
    useEditor.getState().notify(`Deleted “${r.name}”.`, 'info', {
      label: 'Undo',
      run: () => void restoreRemovedProject(r.id).then(reload),
    });
    // Keep the keyboard where it was: on the row that took the deleted one's place.
    requestAnimationFrame(() => {
      const rows = listRef.current?.querySelectorAll<HTMLButtonElement>('.project-open');
      if (rows?.length) rows[Math.min(index, rows.length - 1)].focus();
    });
  };

  const restore = async (r: ProjectRecord) => {
    try {
      await restoreRemovedProject(r.id);
    } catch (e) {
      setError(errorText(e));
    }
    await reload();
  };

  return (
    <dialog
      ref={ref}
      className="projects-dialog"
      aria-labelledby="projects-title"
      onClose={hideProjectsList}
      onKeyDown={keepEscape}
      data-testid="projects-dialog"
    >
      <header className="projects-header">
        <h2 id="projects-title">Projects</h2>
        <span className="muted">stored in this browser; every change is saved as you make it</span>
        <button
          type="button"
          onClick={() => {
            hideProjectsList();
            onNew();
          }}
        >
          New project
        </button>
        <button type="button" onClick={hideProjectsList} aria-label="Close projects">
          ×
        </button>
      </header>
      {error && (
        <p className="projects-error" role="alert">
          {error}
        </p>
      )}
      {!records && !error && <p className="muted">Reading…</p>}
      {records && (
        <ul className="projects-list" aria-label="Projects" ref={listRef} onKeyDown={onListKey}>
          {live.map((r, i) => {
            const current = r.id === openId;
            return (
              <li key={r.id} className={`project-row${current ? ' is-open' : ''}`} data-project={r.id}>
                <button
                  type="button"
                  className="project-open"
                  onClick={() => void open(r)}
                  aria-current={current ? 'true' : undefined}
                >
                  <Thumb text={r.text} />
                  <span className="project-text">
                    <strong className="project-title">
                      {r.name}
                      {current && <span className="project-badge">open</span>}
                    </strong>
                    <span className="project-meta">
                      {originText(r.origin)} · changed {whenText(r.updated, now)}
                    </span>
                  </span>
                </button>
                <button
                  type="button"
                  className="project-delete"
                  onClick={() => void remove(r, i)}
                  disabled={current}
                  aria-label={`Delete “${r.name}”`}
                  title={
                    current
                      ? 'This project is open: open another one to delete it'
                      : `Delete (it can be restored for ${DAYS} days)`
                  }
                >
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {deleted.length > 0 && (
        <section className="projects-deleted" aria-labelledby="deleted-title">
          <h3 id="deleted-title">
            Recently deleted <span className="muted">(kept for {DAYS} days)</span>
          </h3>
          <ul>
            {deleted.map((r) => (
              <li key={r.id} data-deleted-project={r.id}>
                <span>
                  {r.name} <span className="muted">deleted {whenText(r.deleted!, now)}</span>
                </span>
                <button type="button" onClick={() => void restore(r)} aria-label={`Restore “${r.name}”`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </dialog>
  );
}
