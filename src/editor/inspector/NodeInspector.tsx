/** The selected node: its name, its params as widgets, and what shape inference says about it. */
import { useEffect, useState } from 'react';
import { getBlock, hasBlock, type Params } from '../../core/blocks';
import type { GraphNode } from '../../core/graph/types';
import { useEditor } from '../../state/store';
import { useValidation } from '../../state/validation';
import { compact, shapeText } from '../../ui/format';
import { ParamWidget } from '../../ui/ParamWidget';

function visible(spec: { visibleIf?: { param: string; values: unknown[] } }, params: Params): boolean {
  return !spec.visibleIf || spec.visibleIf.values.includes(params[spec.visibleIf.param]);
}

function RenameField({ node }: { node: GraphNode }) {
  const rename = useEditor((s) => s.rename);
  const [draft, setDraft] = useState(node.id);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(node.id);
    setError(null);
  }, [node.id]);
  const commit = () => setError(draft === node.id ? null : rename(node.id, draft));
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor="node-name">Name</label>
      <input
        id="node-name"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(node.id);
        }}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function NodeInspector({ node }: { node: GraphNode }) {
  const setParam = useEditor((s) => s.setParam);
  const validation = useValidation();
  if (!hasBlock(node.type)) return <p>Unknown block type '{node.type}'.</p>;
  const block = getBlock(node.type);
  const info = validation.nodes[node.id];
  const problems = validation.problems.filter((p) => p.nodeId === node.id);
  return (
    <div className="node-inspector">
      <h2>{block.label}</h2>
      <p className="muted">{block.description}</p>
      <p className={`net-badge net-${node.network}`}>{node.network}</p>
      <RenameField node={node} />
      {Object.entries(block.params)
        .filter(([, spec]) => visible(spec, node.params))
        .map(([k, spec]) => (
          <ParamWidget key={k} name={k} spec={spec} value={node.params[k]} onCommit={(v) => setParam(node.id, k, v)} />
        ))}
      <dl className="node-facts">
        {block.inputs.map((p) => (
          <div key={p.name}>
            <dt>in {p.label ?? p.name}</dt>
            <dd>{(info?.inputs[p.name] ?? []).map(shapeText).join(' | ') || '—'}</dd>
          </div>
        ))}
        <div>
          <dt>output</dt>
          <dd data-testid="inspector-shape">{shapeText(info?.shape)}</dd>
        </div>
        <div>
          <dt>parameters</dt>
          <dd>{(info?.params ?? 0).toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>MACs / sample</dt>
          <dd>{compact(info?.macs ?? 0)}</dd>
        </div>
      </dl>
      {problems.length > 0 && (
        <ul className="node-problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
