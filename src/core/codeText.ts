/**
 * The one path by which user text (project names, descriptions, node ids, dataset names) reaches
 * generated code, for every target language. Nothing else in a code generator may interpolate a
 * string that came from a project file: a name like `x *∕ evil() ∕*` (with real slashes) must stay a comment, and a
 * description with a line separator must not start a new line of code.
 *
 * - string literals: JSON text (valid in TypeScript and Python), with DEL, C1 controls and
 *   U+2028/U+2029 escaped as well, so the literal is one printable line;
 * - comments: one line, control characters, line separators and bidirectional-override characters
 *   replaced by spaces, the characters that end a comment in that language neutralised (star-slash
 *   and slash-star in block comments; every quote and backslash in Python docstrings);
 * - identifiers: derived from ids by `identifier`, which only ever yields [A-Za-z_][A-Za-z0-9_]* and
 *   never a reserved word of the target language (nor a name in `taken`);
 * - shell words (the scripts of a generated package.json): `shellWord`.
 */

/**
 * C0/C1 control characters, DEL, the Unicode line/paragraph separators, and the bidirectional
 * controls (which can make a comment display as if it were code: "Trojan Source").
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Half of a surrogate pair without its other half: not text, and not writable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as one harmless line: control characters and line breaks become spaces, runs collapse, lone surrogates become U+FFFD. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\ufffd').replace(/ {2,}/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(flat[max - 2]) ? max - 2 : max - 1;
  return `${flat.slice(0, cut)}…`;
}

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A double-quoted string literal, valid in TypeScript/JavaScript and Python. */
export function stringLiteral(text: string): string {
  // JSON.stringify escapes quotes, backslashes, C0 controls and lone surrogates; JS and Python both read \uXXXX.
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, hex4);
}

/**
 * Text for inside a `/* … *\/` or `/** … *\/` comment (TypeScript): one line, and neither `*\/` nor
 * `/*` survives (a slash next to a star becomes U+2215, which looks the same and means nothing).
 * Safe next to the comment's own delimiters too: it never starts with `/` nor ends with `*`.
 */
export function blockCommentText(text: string, max?: number): string {
  return oneLine(text, max)
    .replace(/\*\//g, '*\u2215')
    .replace(/\/\*/g, '\u2215*')
    .replace(/^\//, '\u2215')
    .replace(/\*$/, '\u2217');
}

/** Text for a `//` comment (TypeScript) or a `#` comment (Python): one line. */
export function lineCommentText(text: string, max?: number): string {
  return oneLine(text, max);
}

/** Text for inside a Python `"""…"""` docstring: one line, every `"` and `\` escaped, so nothing can close it. */
export function docstringText(text: string, max?: number): string {
  return oneLine(text, max).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** One word for a POSIX shell (npm scripts): plain file-name characters as they are, anything else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(text) && !text.startsWith('-') ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

const TS_RESERVED = (
  'break case catch class const continue debugger default delete do else enum export extends false ' +
  'finally for function if import in instanceof new null return super switch this throw true try typeof var void while ' +
  'with yield let static implements interface package private protected public await arguments eval undefined NaN ' +
  'Infinity constructor prototype __proto__ toString valueOf hasOwnProperty isPrototypeOf propertyIsEnumerable ' +
  'toLocaleString __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__ async of get set as any unknown ' +
  'never number string boolean symbol object bigint type declare namespace module require globalThis'
).split(' ');
const PY_RESERVED = (
  'False None True and as assert async await break class continue def del elif else except finally for ' +
  'from global if import in is lambda nonlocal not or pass raise return try while with yield match case type self ' +
  'super print len range list dict set tuple int float str bool object torch nn F np math _'
).split(' ');

export type Language = 'typescript' | 'python';
const RESERVED: Record<Language, Set<string>> = { typescript: new Set(TS_RESERVED), python: new Set(PY_RESERVED) };

/**
 * A valid identifier for `id` in `language`: characters outside [A-Za-z0-9_] become `_`, a leading
 * digit or a reserved word (and names the generated code uses itself, in `taken`) get a prefix.
 * The same id always gives the same identifier. Two different ids can give the same identifier
 * (`a-b`, `a_b`): a generator keeps its names apart by passing those it has handed out in `taken`.
 */
export function identifier(id: string, language: Language, taken: ReadonlySet<string> = new Set()): string {
  let s = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = `n_${s}`;
  if (language === 'python' && s.startsWith('__')) s = `n${s}`;
  while (RESERVED[language].has(s) || taken.has(s)) s = `n_${s}`;
  return s;
}
