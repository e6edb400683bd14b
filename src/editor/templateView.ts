/**
 * How a graph is first shown, and the fits. Templates are stored with their layers in one long row, so
 * a template opens laid out in lanes (autoLayout: each network left to right, wrapped into rows of at
 * most five columns) and fitted whole. At 1280×800 the DCGAN template then shows whole with every text
 * on its nodes at least 10 px on screen. "Fit G" / "Fit D" show one network, never below the zoom
 * where node text reads at 10 px. Fits keep clear of the minimap, the one thing over the canvas.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { loadTemplate } from '../core/project/templates';
import type { Project, Viewport } from '../core/project/types';
import type { NetworkId } from '../core/graph/types';
import { regionRects } from './canvas/regions';
import { boundsOf, READABLE_ZOOM } from './canvas/geometry';
import { bestFit, NO_INSETS, type Insets } from './canvas/fit';
import { minimapOn, useWorkspace } from './workspacePrefs';
import { useEditor } from '../state/store';

export async function laidOutTemplate(id: string): Promise<Project> {
  const p = loadTemplate(id);
  const { autoLayout } = await import('./layout/autoLayout');
  const positions = await autoLayout(p.graph);
  return {
    ...p,
    graph: { ...p.graph, nodes: p.graph.nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position })) },
  };
}

export type FitTarget = 'gan' | NetworkId;
type RF = Pick<ReactFlowInstance, 'setViewport'>;

/** The minimap's box (px) and its distance from the canvas's corner (React Flow's default 15). */
export const MINIMAP = { width: 150, height: 100, offset: 15 };

/** The ways a fit may keep clear of the overlays on the canvas now. */
export function overlayInsets(canvas: { width: number; height: number }): Insets[] {
  if (!minimapOn(useWorkspace.getState().minimap, canvas.width)) return [NO_INSETS];
  const right = MINIMAP.width + MINIMAP.offset,
    bottom = MINIMAP.height + MINIMAP.offset;
  return [
    { ...NO_INSETS, right },
    { ...NO_INSETS, bottom },
  ];
}

/** The viewport that fits `target` in a canvas of this size (pure over the store's document). */
export function fitFor(target: FitTarget, canvas: { width: number; height: number }): Viewport {
  const { doc, sizes } = useEditor.getState();
  const r = regionRects(doc.graph.nodes, sizes);
  const box = target === 'gan' ? boundsOf([r.generator, r.discriminator])! : r[target];
  // The whole GAN is always shown whole; one network never below the readable zoom.
  return bestFit(box, canvas, overlayInsets(canvas), {
    maxZoom: 1,
    minZoom: target === 'gan' ? undefined : READABLE_ZOOM,
  });
}

export const canvasSize = (): { width: number; height: number } => {
  const r = document.querySelector('.canvas')?.getBoundingClientRect();
  return r && r.width > 0 ? { width: r.width, height: r.height } : { width: 800, height: 600 };
};

export function fitTo(rf: RF, target: FitTarget, canvas = canvasSize(), duration = 0): void {
  const v = fitFor(target, canvas);
  // Where the (animated) fit is going, for whoever waits for it to arrive (the browser tests).
  document
    .querySelector('.canvas')
    ?.setAttribute('data-fit', `${target} ${v.x.toFixed(1)} ${v.y.toFixed(1)} ${v.zoom.toFixed(4)}`);
  void rf.setViewport(v, duration ? { duration } : undefined);
}

/** The first view of a project without a saved viewport: the whole GAN. */
export function readableFit(rf: RF, canvas: { width: number; height: number }): void {
  fitTo(rf, 'gan', canvas);
}
