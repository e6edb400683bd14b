/**
 * `ganvas export <project.json> [--target typescript] --out FILE.ts`: the compiled graph as a standalone
 * tfjs TypeScript module; `--target pytorch --out DIR`: as a standalone PyTorch project (a folder).
 * A graph that does not compile gets the compile error and no files.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { choiceOption, type Args } from './args';
import { compileOrExplain, readProject } from './train';
import { emitModule, emitPackageJson } from '../core/codegen/emit';
import { nonEmptyDir, writePytorchProject } from './pytorchProject';

export async function exportCode(args: Args): Promise<void> {
  const file = args.positional[0];
  const project = readProject(file);
  const plan = compileOrExplain(project, file);
  const stem = basename(file ?? '').replace(/(\.ganvas)?\.json$/, '');
  if (choiceOption(args, 'target', ['typescript', 'pytorch'] as const, 'typescript') === 'pytorch') {
    const dir = resolve(String(args.options.out ?? `${stem}-pytorch`));
    if (nonEmptyDir(dir) && args.options.force !== true) {
      throw new Error(
        `${dir} already has files; choose an empty --out folder, or add --force to overwrite the generated files there`,
      );
    }
    const written = await writePytorchProject(dir, plan, project);
    console.log(`wrote ${dir}/: ${written.join(', ')}`);
    console.log(
      `train it: cd ${dir} && pip install -r requirements.txt && python train.py --steps 1000 --out runs/mine`,
    );
    return;
  }
  const out = resolve(String(args.options.out ?? `${stem}.ts`));
  if (!out.endsWith('.ts')) throw new Error(`--out must name a .ts file, got '${out}'`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, emitModule(plan, project.name, project.description));
  const pkg = join(dirname(out), 'package.json');
  const wrotePkg = !existsSync(pkg);
  if (wrotePkg) writeFileSync(pkg, emitPackageJson(basename(out), project.name));
  console.log(`wrote ${out}${wrotePkg ? ` and ${pkg}` : ` (kept the existing ${pkg})`}`);
  console.log('it exports buildGenerator(), buildDiscriminator(), createGan(), trainStep(gan, data) and sample(n)');
}
