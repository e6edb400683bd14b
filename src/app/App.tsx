/**
 * The editor's layout: top bar, palette | canvas (+ problems, + training dock) | inspector, status bar.
 * `trainingPanel` is mounted in the region `#training-panel-slot` under the canvas.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Canvas } from '../editor/canvas/Canvas';
import { Palette } from '../editor/palette/Palette';
import { Inspector } from '../editor/inspector/Inspector';
import { freeSpot, networkAt, regionRects } from '../editor/canvas/regions';
import { useEditor } from '../state/store';
import { TopBar } from './TopBar';
import { StatusBar } from './StatusBar';
import { ProblemsList } from './ProblemsList';
import { HelpOverlay } from './HelpOverlay';
import { Toasts } from './Toasts';
import { useShortcuts } from './shortcuts';
import { openProjectFile } from './files';
import { TrainingDock } from './TrainingDock';

export interface AppProps {
  /** The training panel (from src/training-ui), docked under the canvas. */
  trainingPanel?: ReactNode;
}

function EditorLayout({ trainingPanel }: AppProps) {
  const rf = useReactFlow();
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  const closeAll = useCallback(() => setHelp(false), []);
  useShortcuts(toggleHelp, closeAll);

  // Palette double-click: insert in the middle of what the user is looking at.
  const insertInView = (type: string) => {
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    const p = rf.screenToFlowPosition({ x: (box?.left ?? 0) + (box?.width ?? 800) / 2, y: (box?.top ?? 0) + (box?.height ?? 600) / 2 });
    const s = useEditor.getState();
    const spot = freeSpot({ x: Math.round(p.x / 10) * 10 - 90, y: Math.round(p.y / 10) * 10 - 60 }, s.doc.graph.nodes, s.sizes);
    s.addBlock(type, networkAt(p, regionRects(s.doc.graph.nodes, s.sizes)), spot);
  };
  const onFile = (f: File) => void openProjectFile(f);

  return (
    <div
      className="app"
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) e.preventDefault(); }}
      onDrop={(e) => { const f = e.dataTransfer.files[0]; if (f) { e.preventDefault(); onFile(f); } }}
    >
      <TopBar onHelp={toggleHelp} />
      <Palette onInsert={insertInView} />
      <main className="center">
        <Canvas onFileDrop={onFile} />
        <ProblemsList />
        <TrainingDock>{trainingPanel}</TrainingDock>
      </main>
      <Inspector />
      <StatusBar />
      <Toasts />
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
