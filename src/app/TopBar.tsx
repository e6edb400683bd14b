/** The top bar: project name, projects and file commands, templates, history and view commands, help. */
import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { useEditor } from '../state/store';
import {
  autoLayoutCommand,
  fitViewCommand,
  newProjectCommand,
  redo,
  saveCommand,
  shareLinkCommand,
  undo,
} from './commands';
import { openProjectFile } from './files';
import { TemplatesMenu } from './TemplatesMenu';
import { ExportMenu } from './export/ExportMenu';
import { ProjectsDialog } from '../projects/ProjectsDialog';
import { WhereDialog } from '../projects/WhereDialog';
import { showProjectsList } from '../projects/ui';
import { DatasetsDialog } from '../datasets-ui/DatasetsDialog';
import { DrawPoints } from '../datasets-ui/DrawPoints';
import { showDatasets } from '../datasets-ui/ui';
import { describeImported } from '../core/datasets/custom';
import { FilePicker } from '../ui/FilePicker';

function ShareDialog({ url, onClose }: { url: string; onClose(): void }) {
  const dataset = useEditor((s) => s.doc.dataset);
  return (
    <div className="dialog" role="dialog" aria-label="Share link">
      <p>Anyone with this link opens a copy of this project (it is stored in the link itself, not on a server):</p>
      <p className="share-data-note" data-testid="share-data-note">
        The link carries the graph and its settings, never the data
        {dataset.kind === 'custom'
          ? `: whoever opens it is asked to load ${describeImported(dataset)} from their own files.`
          : '.'}
      </p>
      <input readOnly value={url} onFocus={(e) => e.target.select()} aria-label="Share link" autoFocus />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

export function TopBar({ onHelp }: { onHelp(): void }) {
  const rf = useReactFlow();
  const name = useEditor((s) => s.doc.name);
  const canUndo = useStore(useEditor.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(useEditor.temporal, (t) => t.futureStates.length > 0);
  const picker = useRef<HTMLInputElement>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  return (
    <header className="topbar">
      <span className="app-name">Ganvas</span>
      <span className="project-name" title="Rename in the inspector (click the empty canvas)">
        {name}
      </span>
      <nav className="topbar-actions">
        <button
          type="button"
          onClick={showProjectsList}
          aria-haspopup="dialog"
          title="Every project stored in this browser"
        >
          Projects
        </button>
        <button
          type="button"
          onClick={() => void newProjectCommand()}
          title="A new blank project (the open one stays in Projects)"
        >
          New
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          Open…
        </button>
        <FilePicker
          ref={picker}
          accept=".json,application/json"
          testId="open-file"
          onFiles={(f) => void openProjectFile(f[0])}
        />
        <button type="button" onClick={saveCommand} title="Ctrl+S">
          Save
        </button>
        <button type="button" onClick={async () => setShareUrl(await shareLinkCommand())}>
          Share
        </button>
        <TemplatesMenu />
        <button
          type="button"
          onClick={showDatasets}
          aria-haspopup="dialog"
          title="Your own data: images, IDX files, points; the colour sprites; draw points"
        >
          Data
        </button>
        <ExportMenu />
        <span className="sep" />
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
          ↶
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
          ↷
        </button>
        <span className="sep" />
        <button type="button" onClick={() => void autoLayoutCommand(rf)} title="Auto-layout (L)">
          Auto-layout
        </button>
        <button type="button" onClick={() => fitViewCommand(rf)} title="Fit view (F)">
          Fit
        </button>
        <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)" aria-label="Help">
          ?
        </button>
      </nav>
      {shareUrl && <ShareDialog url={shareUrl} onClose={() => setShareUrl(null)} />}
      <ProjectsDialog onNew={() => void newProjectCommand()} />
      <DatasetsDialog />
      <DrawPoints />
      <WhereDialog />
    </header>
  );
}
