/** `ganvas export <project.json> --out FILE.ts`: the compiled graph as a standalone tfjs TypeScript module. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Args } from './args';
import { compileOrExplain, readProject } from './train';
import { emitModule, emitPackageJson } from '../core/codegen/emit';

export function exportCode(args: Args): void {
  const file = args.positional[0];
  const project = readProject(file);
  const plan = compileOrExplain(project, file);
  const out = resolve(String(args.options.out ?? `${basename(file).replace(/(\.ganvas)?\.json$/, '')}.ts`));
  if (!out.endsWith('.ts')) throw new Error(`--out must name a .ts file, got '${out}'`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, emitModule(plan, project.name, project.description));
  const pkg = join(dirname(out), 'package.json');
  const wrotePkg = !existsSync(pkg);
  if (wrotePkg) writeFileSync(pkg, emitPackageJson(basename(out), project.name));
  console.log(`wrote ${out}${wrotePkg ? ` and ${pkg}` : ` (kept the existing ${pkg})`}`);
  console.log('it exports buildGenerator(), buildDiscriminator(), createGan(), trainStep(gan, data) and sample(n)');
}
