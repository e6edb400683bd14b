/**
 * The CLI on hostile input: one line on stderr that names the file and the field (or the limit and
 * the estimate), control characters escaped, exit code 1, and nothing allocated or written first.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });
const dir = mkdtempSync(join(tmpdir(), 'ganvas-hostile-'));
const ring = () => JSON.parse(readFileSync('templates/gan-2d-ring.json', 'utf8'));
function file(name: string, content: string | object): string {
  const f = join(dir, name);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}
/** Runs the CLI and returns its one-line error (checked: exit 1, one line, no raw control characters). */
function refusal(...args: string[]): string {
  const r = cli(...args);
  expect(r.status).toBe(1);
  const err = r.stderr.trim();
  expect(err.split('\n')).toHaveLength(1);
  expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stderr)).toBe(false);
  return err;
}

describe('the CLI on hostile project files', () => {
  it('refuses node ids that are Object.prototype members at load, naming the file and the field', () => {
    for (const id of ['constructor', 'toString', '__proto__']) {
      const p = ring();
      const old = p.graph.nodes[1].id;
      p.graph.nodes[1].id = id;
      for (const e of p.graph.edges) {
        if (e.source === old) e.source = id;
        if (e.target === old) e.target = id;
      }
      const f = file(`${id}.json`, p);
      expect(refusal('train', f, '--steps', '1', '--out', join(dir, `run-${id}`))).toBe(
        `ganvas: ${f}: graph.nodes[1].id: '${id}' is a name every JavaScript object already has (Object.prototype.${id}); tfjs could not load a saved model with a layer named so: choose another name`,
      );
      expect(existsSync(join(dir, `run-${id}`))).toBe(false);
    }
  });

  it('refuses units: 1e9 and units: 3000000 before allocating anything, naming the limit and the estimate (train and export)', () => {
    for (const units of [1e9, 3_000_000]) {
      const p = ring();
      p.graph.nodes[1].params.units = units;
      const f = file(`units-${units}.json`, p);
      const out = join(dir, `run-${units}`);
      const trained = refusal('train', f, '--steps', '1', '--out', out);
      expect(trained).toContain(
        `ganvas: ${f} does not compile: Dense 'g_fc1' has ${(17 * units).toLocaleString('en-US')} parameters; the limit is 20,000,000 parameters in one layer`,
      );
      expect(trained).toMatch(
        /training at batch 256 needs about [\d,.]+ GB \(weights [^)]*\); the limit is 2 GB of estimated training memory/,
      );
      expect(existsSync(out)).toBe(false);
      const ts = join(dir, `export-${units}.ts`);
      expect(refusal('export', f, '--out', ts)).toContain('the limit is 20,000,000 parameters in one layer');
      expect(existsSync(ts)).toBe(false);
    }
  });

  it('refuses version null and deep nesting with their paths; escapes an ESC sequence it echoes', () => {
    const nul = file('null-version.json', { ...ring(), version: null });
    expect(refusal('export', nul)).toBe(
      `ganvas: ${nul}: version: expected a whole number (1 for this Ganvas), got null`,
    );
    const deep = file(
      'deep.json',
      `{"format":"ganvas","version":1,"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    expect(refusal('export', deep)).toMatch(
      /: name(\[0\]){31}: nested more than 32 levels deep; the limit is 32 levels of nesting in a project file/,
    );
    const p = ring();
    p.graph.nodes[2].type = '\u001b[2J\u001b[31mred';
    const esc = file('esc.json', p);
    expect(refusal('export', esc)).toBe(
      `ganvas: ${esc}: graph.nodes[2].type: unknown block type "\\u001b[2J\\u001b[31mred"`,
    );
  });

  it('names a truncated .gz given with --data', () => {
    const idx = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 1, ...new Uint8Array(8)]);
    const gz = gzipSync(Buffer.concat([Buffer.from(idx), Buffer.alloc(4000, 9)]));
    const cut = file('cut.idx.gz', '');
    writeFileSync(cut, gz.subarray(0, gz.length - 10));
    expect(
      refusal('train', 'templates/gan-2d-ring.json', '--data', cut, '--steps', '1', '--out', join(dir, 'run-gz')),
    ).toMatch(new RegExp(`^ganvas: ${cut.replace(/[.]/g, '\\.')}: the gzip data is damaged or cut off`));
  });
});
