/**
 * The one path by which user text (project names, descriptions, node ids, dataset names) reaches
 * generated code, for every target language. Nothing else in a code generator may interpolate a
 * string that came from a project file: a name like `x *∕ evil() ∕*` (with real slashes) must stay a comment, and a
 * description with a line separator must not start a new line of code.
 *
 * - string literals: JSON text (valid in TypeScript and Python), with U+2028/U+2029 escaped as well;
 * - comments: one line, control characters and line separators replaced by spaces, the characters
 *   that end a comment in that language neutralised (star-slash in block comments);
 * - identifiers: derived from ids by `identifier`, which only ever yields [A-Za-z_][A-Za-z0-9_]* and
 *   never a reserved word of the target language.
 */

/** C0/C1 control characters, DEL and the Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u0085]/g;

/** Text as one harmless line: control characters and line breaks become spaces, runs collapse. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A double-quoted string literal, valid in TypeScript/JavaScript and Python. */
export function stringLiteral(text: string): string {
  // JSON.stringify escapes quotes, backslashes and C0 controls; JS and Python both read \uXXXX.
  return JSON.stringify(text)
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for inside a `/* … *\/` or `/** … *\/` comment (TypeScript): one line, `*\/` cannot close it. */
export function blockCommentText(text: string, max?: number): string {
  return oneLine(text, max).replace(/\*\//g, '*\u2215').replace(/\/\*/g, '\u2215*');
}

/** Text for a `//` comment (TypeScript) or a `#` comment (Python): one line. */
export function lineCommentText(text: string, max?: number): string {
  return oneLine(text, max);
}

/** Text for inside a Python `"""…"""` docstring: one line, no closing quotes, no backslash escapes. */
export function docstringText(text: string, max?: number): string {
  return oneLine(text, max).replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}

const TS_RESERVED = ('break case catch class const continue debugger default delete do else enum export extends false '
  + 'finally for function if import in instanceof new null return super switch this throw true try typeof var void while '
  + 'with yield let static implements interface package private protected public await arguments eval undefined NaN '
  + 'Infinity constructor prototype __proto__ toString valueOf hasOwnProperty').split(' ');
const PY_RESERVED = ('False None True and as assert async await break class continue def del elif else except finally for '
  + 'from global if import in is lambda nonlocal not or pass raise return try while with yield match case type self '
  + 'super print len range list dict set tuple int float str bool object torch nn F np math').split(' ');

export type Language = 'typescript' | 'python';
const RESERVED: Record<Language, Set<string>> = { typescript: new Set(TS_RESERVED), python: new Set(PY_RESERVED) };

/**
 * A valid identifier for `id` in `language`: characters outside [A-Za-z0-9_] become `_`, a leading
 * digit or a reserved word (and names the generated code uses itself, in `taken`) get a prefix.
 * The same id always gives the same identifier.
 */
export function identifier(id: string, language: Language, taken: ReadonlySet<string> = new Set()): string {
  let s = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = `n_${s}`;
  if (language === 'python' && s.startsWith('__')) s = `n${s}`;
  while (RESERVED[language].has(s) || taken.has(s)) s = `n_${s}`;
  return s;
}
