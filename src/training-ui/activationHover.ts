/**
 * Which node's tile the pointer rests on, and where: the large preview (ActivationPreview) follows it.
 * A short delay keeps a pointer that merely crosses the canvas from flashing previews.
 */
import { create } from 'zustand';

export interface HoverState {
  nodeId?: string;
  anchor?: { left: number; top: number; right: number; bottom: number };
}
export const useActivationHover = create<HoverState>(() => ({}));

const DELAY_MS = 250;
let timer: ReturnType<typeof setTimeout> | undefined;

export function hoverActivation(nodeId: string | undefined, el?: Element): void {
  clearTimeout(timer);
  if (!nodeId || !el) {
    useActivationHover.setState({ nodeId: undefined, anchor: undefined });
    return;
  }
  timer = setTimeout(() => {
    const r = el.getBoundingClientRect();
    useActivationHover.setState({ nodeId, anchor: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
  }, DELAY_MS);
}
