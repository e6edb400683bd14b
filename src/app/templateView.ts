/**
 * Templates are stored with their layers in one long row; opened as-is, a 13-layer generator only
 * fits a laptop screen at an unreadable zoom. So a template opens auto-laid-out (rows wrapped by
 * ELK), and the first view favours legibility: if everything fits at a readable zoom it is all
 * shown, otherwise the view starts at the generator's input and the rest is a pan (or the minimap) away.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { loadTemplate } from '../core/project/templates';
import type { Project } from '../core/project/types';
import { regionRects } from '../editor/canvas/regions';
import { useEditor } from '../state/store';

export async function laidOutTemplate(id: string): Promise<Project> {
  const p = loadTemplate(id);
  const { autoLayout } = await import('../editor/layout/autoLayout');
  const positions = await autoLayout(p.graph, useEditor.getState().sizes);
  return { ...p, graph: { ...p.graph, nodes: p.graph.nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position })) } };
}

const READABLE_ZOOM = 0.7;
const MARGIN = 16;

/** Fits the view, but never below a readable zoom (then it shows the top-left, where G starts). */
export function readableFit(rf: Pick<ReactFlowInstance, 'setViewport'>, canvas: { width: number; height: number }): void {
  const { doc, sizes } = useEditor.getState();
  const r = regionRects(doc.graph.nodes, sizes);
  const x0 = Math.min(r.generator.x, r.discriminator.x), y0 = Math.min(r.generator.y, r.discriminator.y);
  const x1 = Math.max(r.generator.x + r.generator.width, r.discriminator.x + r.discriminator.width);
  const y1 = Math.max(r.generator.y + r.generator.height, r.discriminator.y + r.discriminator.height);
  const fit = Math.min((canvas.width - 2 * MARGIN) / (x1 - x0), (canvas.height - 2 * MARGIN) / (y1 - y0), 1);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const x = fit >= READABLE_ZOOM ? (canvas.width - (x1 - x0) * zoom) / 2 - x0 * zoom : MARGIN - x0 * zoom;
  const y = fit >= READABLE_ZOOM ? (canvas.height - (y1 - y0) * zoom) / 2 - y0 * zoom : MARGIN - y0 * zoom;
  void rf.setViewport({ x, y, zoom });
}
