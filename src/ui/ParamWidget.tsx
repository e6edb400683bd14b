/**
 * One widget per param kind, generated from the schema. Text being typed is kept as a draft; it is
 * committed only when valid, and otherwise the engine's checkParam explains what is wrong, inline.
 * The spec's help (and range) is the label's tooltip, shows under the field while it has the focus, and
 * is the control's accessible description either way.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { checkParam, type ParamSpec, type ParamValue } from '../core/blocks/params';

export interface ParamWidgetProps {
  name: string;
  spec: ParamSpec;
  value: ParamValue;
  onCommit(value: ParamValue): void;
  /** A test id on the control (the browser tests' handles). */
  testId?: string;
}

const capital = (t: string) => t.replace(/^./, (c) => c.toUpperCase());
const humanize = (k: string) => capital(k.replace(/([A-Z])/g, ' $1'));
const toText = (v: ParamValue) => (Array.isArray(v) ? v.join(', ') : String(v));

function parse(spec: ParamSpec, text: string): unknown {
  if (spec.kind === 'ints')
    return text
      .split(/[\s,×x]+/)
      .filter(Boolean)
      .map((t) => (/^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t));
  if (spec.kind === 'int' || spec.kind === 'float') return text.trim() === '' ? text : Number(text);
  return text;
}

function range(spec: ParamSpec): string {
  if (spec.kind !== 'int' && spec.kind !== 'float') return '';
  if (spec.min !== undefined && spec.max !== undefined) return `${spec.min} – ${spec.max}`;
  if (spec.min !== undefined) return `≥ ${spec.min}`;
  return spec.max !== undefined ? `≤ ${spec.max}` : '';
}

export function ParamWidget({ name, spec, value, onCommit, testId }: ParamWidgetProps) {
  const id = useId();
  const helpId = `${id}-help`,
    errorId = `${id}-error`;
  const [draft, setDraft] = useState(toText(value));
  const [error, setError] = useState<string | null>(null);
  // The value can change from outside (undo, paste): show it, dropping any stale draft.
  useEffect(() => {
    setDraft(toText(value));
    setError(null);
  }, [value]);

  const label = spec.label ? capital(spec.label) : humanize(name);
  const tryCommit = (text: string) => {
    setDraft(text);
    const v = parse(spec, text);
    const why = checkParam(spec, v);
    setError(why);
    if (!why && toText(v as ParamValue) !== toText(value)) onCommit(v as ParamValue);
  };

  const limits = range(spec);
  const described = [spec.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': described, 'data-testid': testId };
  let control: ReactNode;
  if (spec.kind === 'bool') {
    control = (
      <input {...common} type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked)} />
    );
  } else if (spec.kind === 'choice') {
    control = (
      <select {...common} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {spec.optionLabels?.[o] ?? o}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = spec.kind === 'int' || spec.kind === 'float';
    control = (
      <input
        {...common}
        type={numeric ? 'number' : 'text'}
        value={draft}
        aria-invalid={!!error}
        min={numeric ? spec.min : undefined}
        max={numeric ? spec.max : undefined}
        step={spec.kind === 'int' ? 1 : spec.kind === 'float' ? (spec.step ?? 'any') : undefined}
        onChange={(e) => tryCommit(e.target.value)}
      />
    );
  }
  return (
    <div className={`field field-${spec.kind}${error ? ' field-invalid' : ''}`} data-param={name}>
      <label
        htmlFor={id}
        className={spec.help ? 'has-help' : undefined}
        title={spec.help ? `${spec.help}${limits ? ` Range ${limits}.` : ''}` : undefined}
      >
        {label}
      </label>
      {control}
      {limits && <span className="field-range">{limits}</span>}
      {spec.help && (
        <div className="field-help" id={helpId}>
          {spec.help}
          {limits && ` Range ${limits}.`}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId} role="alert">
          {label} {error}
        </div>
      )}
    </div>
  );
}
