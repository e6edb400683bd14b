/**
 * Parameter schemas for blocks. Each schema is plain data (the inspector renders widgets from it,
 * the project loader validates against it) plus a `check` that explains a bad value in words.
 */
export type ParamValue = number | string | boolean | number[];

interface ParamBase<T extends ParamValue> {
  kind: 'int' | 'float' | 'choice' | 'bool' | 'ints';
  default: T;
  label?: string;
  help?: string;
  /** Show this param only when another param has one of the given values (e.g. alpha for LeakyReLU). */
  visibleIf?: { param: string; values: ParamValue[] };
}
export interface IntParam extends ParamBase<number> {
  kind: 'int';
  min?: number;
  max?: number;
}
export interface FloatParam extends ParamBase<number> {
  kind: 'float';
  min?: number;
  max?: number;
  step?: number;
}
export interface ChoiceParam<O extends string = string> extends ParamBase<O> {
  kind: 'choice';
  options: readonly O[];
  /** What a widget shows for each option (the option itself when absent). */
  optionLabels?: Readonly<Record<string, string>>;
}
export interface BoolParam extends ParamBase<boolean> {
  kind: 'bool';
}
export interface IntsParam extends ParamBase<number[]> {
  kind: 'ints';
  min?: number;
}
export type ParamSpec = IntParam | FloatParam | ChoiceParam | BoolParam | IntsParam;
export type ParamSpecs = Record<string, ParamSpec>;
export type Params = Record<string, ParamValue>;

/** The value type a schema declares: numbers for int/float, the options' union for a choice, and so on. */
export type ParamValueOf<S> = S extends IntParam | FloatParam
  ? number
  : S extends ChoiceParam<infer O>
    ? O
    : S extends BoolParam
      ? boolean
      : S extends IntsParam
        ? number[]
        : never;
/** A block's params as its schema types them (what `defineBlock` hands each of the block's functions). */
export type ParamsOf<S extends ParamSpecs> = { [K in keyof S]: ParamValueOf<S[K]> };

type Extra<P> = Omit<P, 'kind' | 'default'>;

export const int = (def: number, o: Partial<Extra<IntParam>> = {}): IntParam => ({ kind: 'int', default: def, ...o });
export const float = (def: number, o: Partial<Extra<FloatParam>> = {}): FloatParam => ({
  kind: 'float',
  default: def,
  ...o,
});
export const choice = <const O extends readonly string[]>(
  options: O,
  def: O[number],
  o: Partial<Extra<ChoiceParam<O[number]>>> = {},
): ChoiceParam<O[number]> => ({ kind: 'choice', options, default: def, ...o });
export const bool = (def: boolean, o: Partial<Extra<BoolParam>> = {}): BoolParam => ({
  kind: 'bool',
  default: def,
  ...o,
});
export const ints = (def: number[], o: Partial<Extra<IntsParam>> = {}): IntsParam => ({
  kind: 'ints',
  default: def,
  ...o,
});

/** Why `value` is not valid for `spec`, or null when it is. */
export function checkParam(spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `expected a number, got ${JSON.stringify(value)}`;
      if (spec.kind === 'int' && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}, got ${value}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}, got ${value}`;
      return null;
    }
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? null
        : `must be one of ${spec.options.join(', ')}, got ${JSON.stringify(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? null : `expected true or false, got ${JSON.stringify(value)}`;
    case 'ints': {
      if (!Array.isArray(value) || value.length === 0)
        return `expected a list of whole numbers, got ${JSON.stringify(value)}`;
      const min = spec.min ?? 1;
      const bad = value.find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < min);
      return bad === undefined ? null : `every entry must be a whole number >= ${min}, got ${JSON.stringify(bad)}`;
    }
  }
}

/** Fills missing params with defaults; keeps unknown keys out. `given` may come from a file: only its own keys count. */
export function withDefaults(specs: ParamSpecs, given: Params | undefined): Params {
  const out: Params = {};
  for (const [k, spec] of Object.entries(specs)) {
    const v = given && Object.hasOwn(given, k) ? given[k] : spec.default;
    out[k] = Array.isArray(v) ? [...v] : v; // a list from a file (or a default) is never shared
  }
  return out;
}

/** Every invalid param of a node, as `param: reason`. */
export function paramErrors(specs: ParamSpecs, params: Params): { param: string; message: string }[] {
  const errs: { param: string; message: string }[] = [];
  for (const [k, spec] of Object.entries(specs)) {
    const m = checkParam(spec, params[k]);
    if (m) errs.push({ param: k, message: m });
  }
  return errs;
}
