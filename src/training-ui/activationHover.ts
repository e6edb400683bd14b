/**
 * Which node's tile the pointer rests on, and where: the large preview (ActivationPreview) follows it.
 * A short delay keeps a pointer that merely crosses the canvas from flashing previews.
 */
import { useGanvas } from '../state/store';

const DELAY_MS = 250;
let timer: ReturnType<typeof setTimeout> | undefined;

export function hoverActivation(nodeId: string | undefined, el?: Element): void {
  clearTimeout(timer);
  if (!nodeId || !el) {
    useGanvas.setState({ activationHover: {} });
    return;
  }
  timer = setTimeout(() => {
    const r = el.getBoundingClientRect();
    useGanvas.setState({
      activationHover: { nodeId, anchor: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } },
    });
  }, DELAY_MS);
}
