/**
 * core/codeText.ts, the one escaping path for user text in generated code: every function is tried on
 * hostile strings (comment ends, quotes, backslashes, line and paragraph separators, control and bidi
 * characters, lone surrogates, reserved words) and on random full-Unicode strings, and the result is
 * checked by the real parsers: the TypeScript scanner/parser in-process, CPython's `ast` (one run for
 * all cases), and `sh` for shell words.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import ts from 'typescript';
import {
  blockCommentText,
  docstringText,
  identifier,
  lineCommentText,
  oneLine,
  shellWord,
  stringLiteral,
} from '../../src/core/codeText';

const HOSTILE = [
  '',
  ' ',
  'plain',
  'x */ console.log("PWNED"); /*',
  '*/',
  '/*',
  '*//*',
  '/*/',
  'a*',
  '/a',
  '**/',
  '\\',
  '\\\\"',
  '"',
  "'",
  '`${x}`',
  'line\nnext',
  'cr\rx',
  'ls\u2028ps\u2029end',
  'nel\u0085x',
  'esc\u001b[31mred',
  'nul\u0000',
  'del\u007f',
  'bidi\u202e}\u2066',
  'lone \ud800 surrogate',
  'pair 😀 ok',
  '"""',
  'a"',
  '"a',
  "'''",
  '# not code',
  '\\n',
  '</script>',
  '<!-- x',
  '--> x',
  'constructor',
  '__proto__',
  'toString',
  'class',
  'import',
  'None',
  'self',
  'tf',
  '0abc',
  '9',
  '-rf',
  "it's",
  'a b; rm -rf ~',
  '$(echo PWNED)',
  '`echo PWNED`',
  'x'.repeat(500),
];
const SEED = 20261201;
/** Random full-Unicode strings, and strings made of the pieces that end comments and strings. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        '*/',
        '/*',
        '*',
        '/',
        '"',
        "'",
        '`',
        '\\',
        '\n',
        '\r',
        '\u2028',
        '\u001b',
        '#',
        '"""',
        'a',
        ' ',
        '${',
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('')),
);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The kinds of token in `code`, comments and newlines included. */
function tokens(code: string): ts.SyntaxKind[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const out: ts.SyntaxKind[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan())
    if (k !== ts.SyntaxKind.WhitespaceTrivia) out.push(k);
  return out;
}
const parseErrors = (code: string) =>
  (
    ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS) as unknown as {
      parseDiagnostics: ts.Diagnostic[];
    }
  ).parseDiagnostics;

describe('stringLiteral', () => {
  const check = (s: string) => {
    const lit = stringLiteral(s);
    expect(LINE_BREAK.test(lit)).toBe(false);
    expect(/[\u0000-\u001f\u007f-\u009f]/.test(lit)).toBe(false);
    // One string token in TypeScript, and it means exactly the text.
    expect(tokens(`${lit};`)).toEqual([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.SemicolonToken]);
    expect(new Function(`return ${lit};`)()).toBe(s);
  };
  it('is one TypeScript string token that evaluates to the text, for hostile strings', () => HOSTILE.forEach(check));
  it('holds for random full-Unicode strings', () =>
    fc.assert(
      fc.property(anyString, (s) => {
        check(s);
      }),
      { seed: SEED, numRuns: 400 },
    ));
});

describe('blockCommentText', () => {
  const check = (s: string) => {
    const t = blockCommentText(s);
    expect(LINE_BREAK.test(t)).toBe(false);
    // Inside /** … */ and /* … */ it is one comment, followed by our code and nothing else.
    for (const code of [`/** ${t} */ 1`, `/*${t}*/ 1`, `/**\n * ${t}\n */ 1`]) {
      const k = tokens(code);
      expect(k.filter((x) => x !== ts.SyntaxKind.NewLineTrivia)).toEqual([
        ts.SyntaxKind.MultiLineCommentTrivia,
        ts.SyntaxKind.NumericLiteral,
      ]);
    }
  };
  it('stays one comment for hostile strings', () => HOSTILE.forEach(check));
  it('stays one comment for random strings', () =>
    fc.assert(
      fc.property(anyString, (s) => {
        check(s);
      }),
      { seed: SEED, numRuns: 400 },
    ));
  it('keeps readable text readable', () => {
    expect(blockCommentText('DCGAN (MNIST) — the TF tutorial')).toBe('DCGAN (MNIST) — the TF tutorial');
    expect(blockCommentText('a\n\tb')).toBe('a b');
  });
});

describe('lineCommentText', () => {
  const check = (s: string) => {
    const t = lineCommentText(s);
    expect(LINE_BREAK.test(t)).toBe(false);
    expect(tokens(`// ${t}\n1`)).toEqual([
      ts.SyntaxKind.SingleLineCommentTrivia,
      ts.SyntaxKind.NewLineTrivia,
      ts.SyntaxKind.NumericLiteral,
    ]);
  };
  it('stays one line comment for hostile and random strings', () => {
    HOSTILE.forEach(check);
    fc.assert(
      fc.property(anyString, (s) => {
        check(s);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('oneLine', () => {
  it('caps the length without splitting a surrogate pair', () => {
    expect(oneLine('x'.repeat(500)).length).toBe(300);
    const cut = oneLine(`${'x'.repeat(298)}😀😀`);
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });
});

describe('identifier', () => {
  const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
  it('yields a valid, unreserved TypeScript identifier for any text, and the same one every time', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.constantFrom(...HOSTILE)), (s) => {
        const id = identifier(s, 'typescript');
        expect(id).toMatch(ID);
        expect(identifier(s, 'typescript')).toBe(id);
        expect(parseErrors(`let ${id} = 1; function f(${id}: number) { return ${id}; }`)).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
  it('avoids the names in taken and the words JavaScript and Python reserve', () => {
    expect(identifier('tf', 'typescript', new Set(['tf']))).toBe('n_tf');
    expect(identifier('n_tf', 'typescript', new Set(['n_tf']))).toBe('n_n_tf');
    expect(identifier('class', 'typescript')).toBe('n_class');
    expect(identifier('constructor', 'typescript')).toBe('n_constructor');
    expect(identifier('3x', 'typescript')).toBe('n_3x');
    expect(identifier('None', 'python')).toBe('n_None');
    expect(identifier('__init__', 'python')).toBe('n__init__');
    expect(identifier('g_dense', 'typescript')).toBe('g_dense');
  });
});

describe('Python: string literals, identifiers and docstrings through CPython', () => {
  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('parses every case and reads back exactly the text', () => {
    const cases = [...HOSTILE, ...fc.sample(anyString, { seed: SEED, numRuns: 300 })];
    const program = [
      'import ast, json, keyword, sys',
      'cases = json.loads(sys.stdin.read())',
      'bad = []',
      'for c in cases:',
      '    try:',
      '        if ast.literal_eval(c["lit"]) != c["text"]: bad.append(["lit", c["text"]])',
      '        tree = ast.parse("def f():\\n    \\"\\"\\"" + c["doc"] + "\\"\\"\\"\\n    return 1\\n# " + c["line"] + "\\nx = 1\\n")',
      '        if ast.get_docstring(tree.body[0], clean=False) != c["docText"]: bad.append(["doc", c["text"]])',
      '        if len(tree.body) != 2: bad.append(["line", c["text"]])',
      '        ident = c["ident"]',
      '        if not ident.isidentifier() or keyword.iskeyword(ident) or keyword.issoftkeyword(ident): bad.append(["ident", c["text"]])',
      '        ast.parse(ident + " = 1")',
      '    except Exception as e:',
      '        bad.append([type(e).__name__ + ": " + str(e), c["text"]])',
      'print(json.dumps({"checked": len(cases), "bad": bad}))',
    ].join('\n');
    const input = cases.map((text) => ({
      text,
      lit: stringLiteral(text),
      doc: docstringText(text),
      docText: oneLine(text),
      line: lineCommentText(text),
      ident: identifier(text, 'python'),
    }));
    const json = JSON.stringify(input);
    const r = spawnSync('python3', ['-c', program], { input: json, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { checked: number; bad: unknown[] };
    expect(out.bad).toEqual([]);
    expect(out.checked).toBe(cases.length);
  });
});

describe('shellWord', () => {
  it('is read back by sh as exactly one word, the text', () => {
    // (NUL and lone surrogates cannot be in an argument or a UTF-8 file name at all.)
    const words = [
      ...HOSTILE.filter((s) => !/[\u0000\ud800-\udfff]/.test(s)),
      'dcgan.ts',
      'out/dc-gan_1.ts',
      'pair 😀 ok',
    ];
    const script = words.map((w) => `printf '%s\\0' ${shellWord(w)}`).join('\n');
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\u0000').slice(0, -1)).toEqual(words);
    expect(shellWord('dcgan.ts')).toBe('dcgan.ts');
  });
});
