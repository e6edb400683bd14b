/**
 * The canvas tools, in the footer under the canvas (so they never cover a node): fit the whole GAN or
 * one network, zoom, the minimap, and whatever the app adds at the end (the problems button).
 */
import type { ReactNode } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { canvasSize, fitTo } from '../templateView';
import { minimapOn, useWorkspace } from '../workspacePrefs';

export function CanvasToolbar({ children }: { children?: ReactNode }) {
  const rf = useReactFlow();
  const zoom = useStore((s) => s.transform[2]);
  const minimap = minimapOn(
    useWorkspace((s) => s.minimap),
    useWorkspace((s) => s.canvasWidth),
  );
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" onClick={() => fitTo(rf, 'gan', canvasSize(), 200)} title="Fit the whole GAN (F)">
        Fit GAN
      </button>
      <button
        type="button"
        onClick={() => fitTo(rf, 'generator', canvasSize(), 200)}
        title="Fit the generator, readable (G)"
        data-testid="fit-generator"
      >
        Fit G
      </button>
      <button
        type="button"
        onClick={() => fitTo(rf, 'discriminator', canvasSize(), 200)}
        title="Fit the discriminator, readable (D)"
        data-testid="fit-discriminator"
      >
        Fit D
      </button>
      <span className="sep" />
      <button type="button" onClick={() => void rf.zoomOut({ duration: 150 })} aria-label="Zoom out" title="Zoom out">
        −
      </button>
      <span className="zoom-level" data-testid="zoom-level" title="Zoom">
        {Math.round(zoom * 100)}%
      </span>
      <button type="button" onClick={() => void rf.zoomIn({ duration: 150 })} aria-label="Zoom in" title="Zoom in">
        +
      </button>
      <span className="sep" />
      <button
        type="button"
        aria-pressed={minimap}
        onClick={() => useWorkspace.getState().setPrefs({ minimap: !minimap })}
        title="Show or hide the minimap (an overview of the whole canvas)"
      >
        Map
      </button>
      {children}
    </div>
  );
}
