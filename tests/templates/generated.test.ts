/**
 * templates/*.json are written by scripts/make-templates.mjs: an edit made to a JSON file alone would be
 * undone the next time anyone runs `npm run templates` (it happened once: dcgan-mnist's learning rates).
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('every template file is what scripts/make-templates.mjs writes', () => {
  const r = spawnSync(process.execPath, ['scripts/make-templates.mjs', '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^\d+ templates match/);
});
