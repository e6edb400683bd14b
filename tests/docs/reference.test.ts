import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { referenceMarkdown } from '../../src/core/docs/reference';

it('docs/reference.md is what the registries declare (run `npm run docs` after changing a block, loss, setting or dataset kind)', () => {
  expect(readFileSync('docs/reference.md', 'utf8')).toBe(referenceMarkdown());
});
