/**
 * The one node component, compact: the block's name, its key params, the node's id and its output
 * shape, with a corner slot for a small tile (the live activations, while training). Everything else
 * (input shapes per port, parameter and MAC counts, problems, and what features add, such as the
 * layer's gradient norm) is in the details card shown on hover, and in the inspector. All of it comes
 * from the block definition and shape inference; what features draw on a node comes from the app shell
 * (decorations.ts). Every node has the same size (geometry.ts), so layouts computed before drawing hold.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { getBlock, hasBlock, type BlockDef } from '../../core/blocks';
import { useEditor } from '../../state/store';
import { compact, shapeText } from '../../ui/format';
import { FAKE_HANDLE, type BlockFlowNode } from './flowModel';
import { useNodeDecorations } from './decorations';

/** An input handle on the node's left edge; its port name and shapes show next to it on hover and while wiring. */
function PortHandle({
  nodeId,
  name,
  label,
  shapes,
  top,
}: {
  nodeId: string;
  name: string;
  label: string;
  shapes: string;
  top: string;
}) {
  const verdict = useEditor((s) => s.connecting?.verdicts[`${nodeId}:${name}`]);
  const cls = verdict === undefined ? '' : verdict.ok ? ' port-ok' : ' port-bad';
  return (
    <div
      className={`port-row port-in${cls}`}
      data-port={name}
      style={{ top }}
      title={verdict && !verdict.ok ? verdict.reason : `${label}: ${shapes}`}
    >
      <Handle type="target" position={Position.Left} id={name} className="port-handle" />
      <span className="port-label">
        <span className="port-name">{label}</span> <span className="port-shape">{shapes}</span>
      </span>
    </div>
  );
}

function UnknownBlock({ type }: { type: string }) {
  return (
    <div className="block-node has-error">
      <div className="block-title">
        <span className="block-label">unknown block '{type}'</span>
      </div>
    </div>
  );
}

function BlockNodeView({ data, selected }: NodeProps<BlockFlowNode>) {
  const { node, info, problems } = data;
  const deco = useNodeDecorations();
  if (!hasBlock(node.type)) return <UnknownBlock type={node.type} />;
  const block: BlockDef = getBlock(node.type);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const status = errors.length ? ' has-error' : warnings.length ? ' has-warning' : '';
  const summary = block.summary(node.params);
  const inShapes = (port: string) => (info?.inputs[port] ?? []).map(shapeText).join(' | ') || '—';
  return (
    <div
      className={`block-node cat-${block.category} net-${node.network}${status}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${node.id}`}
      title={problems.map((p) => p.message).join('\n') || undefined}
    >
      <div className="block-title">
        <span className="block-label">{block.label}</span>
      </div>
      {errors.length > 0 ? (
        <div className="block-error">{errors[0].message}</div>
      ) : (
        <div className="block-summary">{summary || '\u00a0'}</div>
      )}
      <div className="block-body">
        <div className="block-id">{node.id}</div>
        <div className="port-out">
          <span className="port-shape" data-testid={`shape-${node.id}`}>
            {shapeText(info?.shape)}
          </span>
        </div>
      </div>
      {/* The slot keeps its size before the first tile arrives, so training does not change the node's size. */}
      <div className="activation-slot" data-node-id={node.id}>
        {deco.corner && <deco.corner nodeId={node.id} />}
      </div>
      {deco.badges?.map((Badge, i) => (
        <Badge key={i} nodeId={node.id} />
      ))}
      {block.inputRole === 'data' && (
        <Handle type="target" id={FAKE_HANDLE} position={Position.Left} isConnectable={false} className="fake-handle" />
      )}
      {block.inputs.map((p, i) => (
        <PortHandle
          key={p.name}
          nodeId={node.id}
          name={p.name}
          label={p.label ?? p.name}
          shapes={inShapes(p.name)}
          top={`${((i + 1) / (block.inputs.length + 1)) * 100}%`}
        />
      ))}
      {block.outputs.map((o) => (
        <Handle key={o} type="source" position={Position.Right} id={o} className="port-handle out-handle" />
      ))}
      {block.outputRole === 'generated' && (
        <Handle
          type="source"
          id={FAKE_HANDLE}
          position={Position.Right}
          isConnectable={false}
          className="fake-handle"
        />
      )}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a dl is not focusable; the hover card repeats what the node's label says */}
      <dl className="block-details" aria-hidden="true">
        {summary && (
          <div>
            <dt>{block.label}</dt>
            <dd>{summary}</dd>
          </div>
        )}
        {block.inputs.map((p) => (
          <div key={p.name}>
            <dt>in {p.label ?? p.name}</dt>
            <dd>{inShapes(p.name)}</dd>
          </div>
        ))}
        <div>
          <dt>out</dt>
          <dd>{shapeText(info?.shape)}</dd>
        </div>
        <div className="block-stats">
          <dt>{compact(info?.params ?? 0)} params</dt>
          <dd>{compact(info?.macs ?? 0)} MACs</dd>
        </div>
        {deco.details?.map((Detail, i) => (
          <Detail key={i} nodeId={node.id} />
        ))}
        {problems.map((p, i) => (
          <div key={i} className={`detail-${p.severity}`}>
            <dd>{p.message}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
