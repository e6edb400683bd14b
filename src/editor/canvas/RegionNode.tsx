/** The labelled background of one network; drawn behind the nodes and transparent to the pointer. */
import type { NodeProps } from '@xyflow/react';
import type { RegionFlowNode } from './flowModel';

export function RegionNode({ data, width, height }: NodeProps<RegionFlowNode>) {
  return (
    <div className={`region region-${data.network}`} style={{ width, height }} data-testid={`region-${data.network}`}>
      <div className="region-label">
        {data.label} <span className="region-totals">{data.totals}</span>
      </div>
    </div>
  );
}
