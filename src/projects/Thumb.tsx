/** A project's thumbnail as inline SVG (see thumbnail.ts): generator boxes violet, discriminator teal. */
import { memo } from 'react';
import type { Graph } from '../core/graph/types';
import { thumbnailOf } from './thumbnail';

function graphIn(text: string): Graph | null {
  try {
    const g = (JSON.parse(text) as { graph?: Graph }).graph;
    return g && Array.isArray(g.nodes) && Array.isArray(g.edges) ? g : null;
  } catch {
    return null;
  }
}

export const Thumb = memo(function Thumb({ text }: { text: string }) {
  const g = graphIn(text);
  const t = thumbnailOf(g ?? { nodes: [], edges: [] });
  return (
    <svg
      className="project-thumb"
      width={t.width}
      height={t.height}
      viewBox={`0 0 ${t.width} ${t.height}`}
      aria-hidden="true"
    >
      {t.wires.map((w, i) => (
        <line key={i} x1={w.x1} y1={w.y1} x2={w.x2} y2={w.y2} />
      ))}
      {t.boxes.map((b, i) => (
        <rect
          key={i}
          x={b.x}
          y={b.y}
          width={b.w}
          height={b.h}
          rx={Math.min(2, b.w / 4)}
          className={`net-${b.network}`}
        />
      ))}
    </svg>
  );
});
