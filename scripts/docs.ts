/** `npm run docs`: writes docs/reference.md from the registries (see src/core/docs/reference.ts). */
import { writeFileSync } from 'node:fs';
import { referenceMarkdown } from '../src/core/docs/reference';

writeFileSync('docs/reference.md', referenceMarkdown());
console.log('wrote docs/reference.md');
