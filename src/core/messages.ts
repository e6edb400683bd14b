/**
 * How a message shows text that came from a file, a link or a user: every control, line-separator and
 * bidirectional character escaped (`\u001b`), so an echoed snippet can neither drive a terminal nor
 * disguise itself, and never more than a short excerpt. Every layer that quotes such text uses these.
 * ProjectError, the error every file reader throws, names the path of the bad field the same way.
 */

/** C0 (except newline and tab) and C1 controls, DEL, U+2028/U+2029, bidi controls, lone surrogates. */
const UNPRINTABLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every unprintable character written as a `\uXXXX` escape (newlines and tabs kept). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const excerpt = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** A value from a file as a message shows it: numbers as numbers (Infinity too), text JSON-quoted and escaped, at most ~60 characters. */
export function showValue(v: unknown, max = 60): string {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return printable(JSON.stringify(excerpt(v, max)));
  // Objects and lists: the project loader checks their nesting first, so JSON.stringify cannot overflow.
  const json = JSON.stringify(v) ?? String(v);
  return printable(excerpt(json, max));
}

/** A name from a file inside a message: 'as it is' when plain, else JSON-quoted and escaped. */
export function quoteName(s: string, max = 60): string {
  return printable(s) === s && !/['"\\\n\t]/.test(s) ? `'${excerpt(s, max)}'` : showValue(s, max);
}

/** A key of a file's object as a step of a field path: `.units`, or `["odd key"]`. */
export const pathKey = (k: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `.${excerpt(k, 40)}` : `[${showValue(k, 40)}]`;

/** A project file that cannot be read, with the path of the first bad field (e.g. `graph.nodes[3].type`). */
export class ProjectError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    const p = printable(path),
      r = printable(reason);
    super(p ? `${p}: ${r}` : r);
    this.path = p;
    this.reason = r;
    this.name = 'ProjectError';
  }
}
