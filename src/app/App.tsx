/**
 * The editor's layout, canvas first: top bar; the palette (folds to a rail), the canvas, the
 * inspector (folds to a rail; opens for a selection); under the canvas one footer row with the canvas
 * tools and the training dock's strip; the training dock's panel (under the footer when opened, or
 * beside the canvas on wide screens); the status bar. At 1280×800 the canvas gets over 70% of the
 * window and nothing floats over it. `trainingPanel` is mounted in `#training-panel-slot`. The features
 * (training, doctor, explorer) come in as props, composed in features.tsx.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { Canvas } from '../editor/canvas/Canvas';
import { Palette } from '../editor/palette/Palette';
import { Inspector } from '../editor/inspector/Inspector';
import { insertBlockAt } from '../editor/canvas/insertBlock';
import { dockBeside, dockOpen, inspectorOpen, useWorkspace } from '../editor/workspacePrefs';
import { useEditor } from '../state/store';
import { TopBar } from './TopBar';
import { StatusBar } from './StatusBar';
import { ProblemsList } from './ProblemsList';
import { HelpOverlay } from './HelpOverlay';
import { Toasts } from './Toasts';
import { useShortcuts } from './shortcuts';
import { openProjectFile } from './files';
import { DockStrip, TrainingDock } from './TrainingDock';
import { CanvasToolbar } from '../editor/canvas/CanvasToolbar';
import { SidePanel } from './SidePanel';
import { SettingsLink } from './SettingsLink';
import type { NodeDecorations } from '../editor/canvas/decorations';
import { useWindowWidth } from './useWindowWidth';
import { MissingDataset } from '../datasets-ui/MissingDataset';
import { chooseDataset } from '../datasets-ui/actions';
import { showDatasets } from '../datasets-ui/ui';

/** What the inspector's dataset field does: choosing data makes the graph follow it; the button opens the Datasets dialog. */
const DATA_ACTIONS = { choose: chooseDataset, open: showDatasets };

export interface AppProps {
  /** The training panel (from src/training-ui), in the training dock. */
  trainingPanel?: ReactNode;
  /** What the folded dock shows (from src/training-ui): Train/Pause, step, loss sparkline. */
  trainingStrip?: ReactNode;
  /** Overlays of the training UI (the large activation views), outside the dock so they show while it is folded. */
  trainingOverlays?: ReactNode;
  /** What features draw on the canvas's nodes (the live activation tile, the gradient norm, the doctor's badge). */
  nodeDecorations?: NodeDecorations;
}

/**
 * When the inspector opens for a selection, the canvas narrows from the right: pan so the selected
 * nodes stay in view instead of ending up under the inspector. When it folds again (nothing selected)
 * and the user has not moved the view meanwhile, the pan is undone, so the view is where it was.
 */
function useSelectionStaysInView(inspectorShown: boolean): void {
  const rf = useReactFlow();
  const was = useRef(inspectorShown);
  const shifted = useRef<{ dx: number; x: number; y: number; zoom: number } | null>(null);
  useEffect(() => {
    const opened = inspectorShown && !was.current,
      folded = !inspectorShown && was.current;
    was.current = inspectorShown;
    if (folded && shifted.current) {
      const v = rf.getViewport(),
        s = shifted.current;
      shifted.current = null;
      if (Math.abs(v.x - s.x) < 1 && Math.abs(v.y - s.y) < 1 && v.zoom === s.zoom)
        void rf.setViewport({ ...v, x: v.x + s.dx }, { duration: 150 });
      return;
    }
    if (!opened) return;
    const frame = requestAnimationFrame(() => {
      const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
      const right = Math.max(
        0,
        ...[...document.querySelectorAll('.react-flow__node.selected')].map((e) => e.getBoundingClientRect().right),
      );
      if (!canvas || !right || right <= canvas.right - 16) return;
      const v = rf.getViewport(),
        dx = right - canvas.right + 24;
      shifted.current = { dx, x: v.x - dx, y: v.y, zoom: v.zoom };
      void rf.setViewport({ ...v, x: v.x - dx }, { duration: 150 });
    });
    return () => cancelAnimationFrame(frame);
  }, [inspectorShown, rf]);
}

function EditorLayout({ trainingPanel, trainingStrip, trainingOverlays, nodeDecorations }: AppProps) {
  const rf = useReactFlow();
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const closeAll = useCallback(() => setHelp(false), []);
  useShortcuts(toggleHelp, closeAll);

  const width = useWindowWidth();
  const prefs = useWorkspace(
    useShallow(({ palette, inspector, dock, setPrefs }) => ({ palette, inspector, dock, setPrefs })),
  );
  const selected = useEditor((s) => s.selection.length > 0);
  const beside = dockBeside(width) && dockOpen(prefs.dock, width) && !!trainingPanel;
  const inspector = inspectorOpen(prefs.inspector, selected, width, beside);
  useSelectionStaysInView(inspector);

  // Palette double-click: insert in the middle of what the user is looking at.
  const insertInView = (type: string) => {
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    insertBlockAt(
      type,
      rf.screenToFlowPosition({
        x: (box?.left ?? 0) + (box?.width ?? 800) / 2,
        y: (box?.top ?? 0) + (box?.height ?? 600) / 2,
      }),
    );
  };
  const onFile = (f: File) => void openProjectFile(f);

  return (
    <div
      className={`app ${beside ? 'dock-beside' : 'dock-below'}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (f) {
          e.preventDefault();
          onFile(f);
        }
      }}
    >
      <TopBar onHelp={toggleHelp} />
      <SidePanel
        side="left"
        name="Blocks"
        id="palette-panel"
        shortcut="["
        open={prefs.palette}
        onToggle={() => prefs.setPrefs({ palette: !prefs.palette })}
      >
        <Palette onInsert={insertInView} />
      </SidePanel>
      <main className="center">
        <MissingDataset />
        <Canvas onFileDrop={onFile} decorations={nodeDecorations} />
        {/* Under the canvas, never over it: the canvas tools, then the training dock's strip. */}
        <footer className="canvas-footer">
          <CanvasToolbar>
            <ProblemsList />
          </CanvasToolbar>
          {trainingPanel && <DockStrip>{trainingStrip}</DockStrip>}
        </footer>
      </main>
      <TrainingDock>{trainingPanel}</TrainingDock>
      <SidePanel
        side="right"
        name="Inspector"
        id="inspector-panel"
        shortcut="]"
        open={inspector}
        onToggle={() => prefs.setPrefs({ inspector: !inspector })}
      >
        <Inspector trainingLink={trainingPanel ? <SettingsLink /> : undefined} data={DATA_ACTIONS} />
      </SidePanel>
      <StatusBar />
      <Toasts />
      {trainingOverlays}
      {help && <HelpOverlay onClose={closeAll} />}
    </div>
  );
}

export function App(props: AppProps) {
  return (
    <ReactFlowProvider>
      <EditorLayout {...props} />
    </ReactFlowProvider>
  );
}
