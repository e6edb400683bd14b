/**
 * One widget per param kind, generated from the schema. Text being typed is kept as a draft; it is
 * committed only when valid, and otherwise the engine's checkParam explains what is wrong, inline.
 */
import { useEffect, useId, useState } from 'react';
import { checkParam, type ParamSpec, type ParamValue } from '../../core/blocks/params';

export interface ParamWidgetProps {
  name: string;
  spec: ParamSpec;
  value: ParamValue;
  onCommit(value: ParamValue): void;
}

const capital = (t: string) => t.replace(/^./, (c) => c.toUpperCase());
const humanize = (k: string) => capital(k.replace(/([A-Z])/g, ' $1'));
const toText = (v: ParamValue) => (Array.isArray(v) ? v.join(', ') : String(v));

function parse(spec: ParamSpec, text: string): unknown {
  if (spec.kind === 'ints') return text.split(/[\s,×x]+/).filter(Boolean).map((t) => (/^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t));
  if (spec.kind === 'int' || spec.kind === 'float') return text.trim() === '' ? text : Number(text);
  return text;
}

function range(spec: ParamSpec): string {
  if (spec.kind !== 'int' && spec.kind !== 'float') return '';
  if (spec.min !== undefined && spec.max !== undefined) return `${spec.min} – ${spec.max}`;
  if (spec.min !== undefined) return `≥ ${spec.min}`;
  return spec.max !== undefined ? `≤ ${spec.max}` : '';
}

export function ParamWidget({ name, spec, value, onCommit }: ParamWidgetProps) {
  const id = useId();
  const [draft, setDraft] = useState(toText(value));
  const [error, setError] = useState<string | null>(null);
  // The value can change from outside (undo, paste): show it, dropping any stale draft.
  useEffect(() => { setDraft(toText(value)); setError(null); }, [value]);

  const label = spec.label ? capital(spec.label) : humanize(name);
  const tryCommit = (text: string) => {
    setDraft(text);
    const v = parse(spec, text);
    const why = checkParam(spec, v);
    setError(why);
    if (!why && toText(v as ParamValue) !== toText(value)) onCommit(v as ParamValue);
  };

  let control;
  if (spec.kind === 'bool') {
    control = <input id={id} type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked)} />;
  } else if (spec.kind === 'choice') {
    control = (
      <select id={id} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
        {spec.options.map((o) => <option key={o} value={o}>{spec.optionLabels?.[o] ?? o}</option>)}
      </select>
    );
  } else {
    const numeric = spec.kind === 'int' || spec.kind === 'float';
    control = (
      <input
        id={id} type={numeric ? 'number' : 'text'} value={draft} aria-invalid={!!error}
        min={numeric ? spec.min : undefined} max={numeric ? spec.max : undefined}
        step={spec.kind === 'int' ? 1 : spec.kind === 'float' ? spec.step ?? 'any' : undefined}
        onChange={(e) => tryCommit(e.target.value)}
      />
    );
  }
  return (
    <div className={`field field-${spec.kind}${error ? ' field-invalid' : ''}`} data-param={name}>
      <label htmlFor={id} title={spec.help}>{label}</label>
      {control}
      {range(spec) && <span className="field-range">{range(spec)}</span>}
      {error && <div className="field-error" role="alert">{label} {error}</div>}
    </div>
  );
}
