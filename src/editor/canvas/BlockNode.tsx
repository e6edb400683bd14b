/**
 * The one node component: everything it shows comes from the block definition (label, ports,
 * summary of key params) and from shape inference (port shapes, output shape, parameter count); while
 * training, from the training store (live activations, the layer's gradient norm).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { getBlock, hasBlock, type BlockDef } from '../../core/blocks';
import { useEditor } from '../../state/store';
import { compact, shapeText } from '../format';
import { FAKE_HANDLE, type BlockFlowNode } from './flowModel';
import { NodeActivation } from '../../training-ui/NodeActivation';
import { NodeGradNorm } from '../../training-ui/NodeGradNorm';
import { DoctorBadge } from '../../doctor-ui/DoctorBadge';

function PortRow({ nodeId, name, label, shapes }: { nodeId: string; name: string; label: string; shapes: string }) {
  const verdict = useEditor((s) => s.connecting?.verdicts[`${nodeId}:${name}`]);
  const cls = verdict === undefined ? '' : verdict.ok ? ' port-ok' : ' port-bad';
  return (
    <div className={`port-row port-in${cls}`} data-port={name} title={verdict && !verdict.ok ? verdict.reason : undefined}>
      <Handle type="target" position={Position.Left} id={name} className="port-handle" />
      <span className="port-name">{label}</span>
      <span className="port-shape">{shapes}</span>
    </div>
  );
}

function UnknownBlock({ type }: { type: string }) {
  return <div className="block-node has-error"><div className="block-title">unknown block '{type}'</div></div>;
}

function BlockNodeView({ data, selected }: NodeProps<BlockFlowNode>) {
  const { node, info, problems } = data;
  if (!hasBlock(node.type)) return <UnknownBlock type={node.type} />;
  const block: BlockDef = getBlock(node.type);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const status = errors.length ? ' has-error' : warnings.length ? ' has-warning' : '';
  const summary = block.summary(node.params);
  return (
    <div
      className={`block-node cat-${block.category} net-${node.network}${status}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${node.id}`}
      title={problems.map((p) => p.message).join('\n') || undefined}
    >
      <div className="block-title">
        <span className="block-label">{block.label}</span>
        <span className="block-id">{node.id}</span>
      </div>
      {summary && <div className="block-summary">{summary}</div>}
      <DoctorBadge nodeId={node.id} />
      {block.inputRole === 'data' && <Handle type="target" id={FAKE_HANDLE} position={Position.Left} isConnectable={false} className="fake-handle" />}
      {block.inputs.map((p) => (
        <PortRow key={p.name} nodeId={node.id} name={p.name} label={p.label ?? p.name}
          shapes={(info?.inputs[p.name] ?? []).map(shapeText).join(' | ') || '—'} />
      ))}
      <div className="port-row port-out">
        <span className="port-name">{block.outputs.length ? 'out' : 'result'}</span>
        <span className="port-shape" data-testid={`shape-${node.id}`}>{shapeText(info?.shape)}</span>
        {block.outputs.map((o) => <Handle key={o} type="source" position={Position.Right} id={o} className="port-handle" />)}
        {block.outputRole === 'generated' && <Handle type="source" id={FAKE_HANDLE} position={Position.Right} isConnectable={false} className="fake-handle" />}
      </div>
      <div className="block-stats">
        <span>{compact(info?.params ?? 0)} params</span>
        <span>{compact(info?.macs ?? 0)} MACs</span>
      </div>
      <NodeGradNorm nodeId={node.id} />
      {errors.length > 0 && <div className="block-error">{errors[0].message}</div>}
      {/* The slot keeps its size before the first tile arrives, so training does not push nodes into each other. */}
      <div className={`activation-slot${block.outputRole === 'generated' ? ' activation-slot-tall' : ''}`} data-node-id={node.id}>
        <NodeActivation nodeId={node.id} />
      </div>
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
