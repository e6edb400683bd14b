/** A small argv parser: positionals plus `--name value` / `--flag` options, with errors in words. */
export interface Args {
  positional: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[], flags: readonly string[] = []): Args {
  // Option names are whatever was typed: a prototype-less object, so `--__proto__` is just a name.
  const out: Args = { positional: [], options: Object.create(null) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2);
    if (flags.includes(name)) {
      out.options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    out.options[name] = value;
  }
  return out;
}

export function intOption(a: Args, name: string, def: number | undefined, min = 1): number | undefined {
  const v = a.options[name];
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}, got '${v}'`);
  return n;
}

export function choiceOption<T extends string>(a: Args, name: string, choices: readonly T[], def: T): T {
  const v = a.options[name];
  if (v === undefined) return def;
  if (v === true || !choices.includes(v as T))
    throw new Error(`--${name} must be one of ${choices.join(', ')}, got '${v}'`);
  return v as T;
}
