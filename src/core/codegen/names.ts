/** Node ids are valid identifiers already; only words JavaScript reserves need a prefix. */
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends false '
  + 'finally for function if import in instanceof new null return super switch this throw true try typeof var void while '
  + 'with yield let static implements interface package private protected public await tf batch labels seed').split(' '));

export const varName = (id: string): string => (RESERVED.has(id) ? `n_${id}` : id);

/** Replaces whole-word `from` with `to` in a code expression. */
export const substitute = (code: string, from: string, to: string): string => code.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
