/**
 * A wire drawn with right angles through a given height (`data.centerY`): out of its source to the
 * right, down into the gap between rows, left, and down into its target. Used for wires that run
 * backwards (flowModel's routeOf), so they never pass under the nodes of a row.
 */
import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';

export function WrapEdge(p: EdgeProps) {
  const centerY = (p.data as { centerY?: number } | undefined)?.centerY;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: p.sourceX,
    sourceY: p.sourceY,
    sourcePosition: p.sourcePosition,
    targetX: p.targetX,
    targetY: p.targetY,
    targetPosition: p.targetPosition,
    borderRadius: 10,
    offset: 14,
    centerY,
  });
  return (
    <BaseEdge
      id={p.id}
      path={path}
      markerEnd={p.markerEnd}
      style={p.style}
      interactionWidth={p.interactionWidth}
      label={p.label}
      labelX={labelX}
      labelY={centerY ?? labelY}
      labelStyle={p.labelStyle}
      labelShowBg={p.labelShowBg}
      labelBgStyle={p.labelBgStyle}
      labelBgPadding={p.labelBgPadding}
      labelBgBorderRadius={p.labelBgBorderRadius}
    />
  );
}
