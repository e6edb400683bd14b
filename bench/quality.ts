/**
 * `npm run bench:quality`: how fast every template learns. Each template is trained from scratch with
 * each seed on wasm (Node, one thread) and measured every few steps (bench/qualityRun.ts); the runs are
 * kept in docs/quality-runs.json and docs/quality.md / BENCHMARKS.md are written from them, so a run of a
 * subset replaces only its own runs. The full run takes hours on 2 cores; options choose a subset:
 *
 *   npm run bench:quality                                       # every template, seeds 1, 2, 3
 *   npm run bench:quality -- --templates gan-2d-ring,cgan-mnist --seeds 1 --steps 500
 *   npm run bench:quality -- --project my.json --seeds 1 --no-write   # any project file; prints only
 *
 * --steps N (default: 3,000 for 2-D data and InfoGAN's categorical code, 1,000 for other MNIST runs), --every K (measurement interval; default 100),
 * --samples N (generated digits measured; default 500), --no-write (print only), --report (train nothing: rewrite
 * docs/quality.md and BENCHMARKS.md from the kept runs and the templates' current descriptions).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseArgs, intOption } from '../src/cli/args';
import { useBackend } from '../src/cli/backend';
import { mnistPath } from '../src/cli/train';
import { loadTemplate, TEMPLATE_IDS } from '../src/core/project/templates';
import { parseProject } from '../src/core/project/schema';
import type { Project } from '../src/core/project/types';
import { datasetInfo, loadDataset } from '../src/core/datasets';
import { compileGraph } from '../src/core/compile/plan';
import type { HostDataset } from '../src/core/data/host';
import { loadShippedClassifier } from '../src/core/quality/shippedClassifier';
import { mnistMeters, qualityRun, type MnistMeters, type RunRecord } from './qualityRun';
import { benchmarksSummary, firstPass, qualitySection, THRESHOLDS, type TemplateInfo } from './qualityReport';
import { settingValue, TRAINING_SETTINGS, type SettingPath } from '../src/core/training/settings';

const RUNS = 'docs/quality-runs.json',
  DOC = 'docs/quality.md',
  BENCH = 'BENCHMARKS.md';
/**
 * What a stored run was trained on (graph, training, dataset; not the name or description). Settings at their
 * `inert` value (settings.ts) are left out, so adding a setting does not make every stored run stale.
 */
const hash = (p: Project) => {
  const inert = new Set(
    TRAINING_SETTINGS.filter((s) => s.inert === settingValue(p.training, s.path)).map((s) => s.path),
  );
  const training = Object.fromEntries(Object.entries(p.training).filter(([k]) => !inert.has(k as SettingPath)));
  return createHash('sha256')
    .update(JSON.stringify({ graph: p.graph, training, dataset: p.dataset }))
    .digest('hex')
    .slice(0, 12);
};

function replaceSection(file: string, text: string, fallback: string): void {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : fallback;
  const next = old.includes('<!-- quality-bench:start -->')
    ? old.replace(/<!-- quality-bench:start -->[\s\S]*<!-- quality-bench:end -->/, text)
    : `${old.trimEnd()}\n\n${text}\n`;
  writeFileSync(file, next);
}

/** InfoGAN's code settles on the digits later than its digits become readable: such runs are 3,000 steps long. */
function hasCategoricalCode(p: Project): boolean {
  const c = compileGraph(p.graph, datasetInfo(p.dataset), p.training);
  return c.ok && c.plan.categoricalCodes.length > 0;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['no-write', 'report']);
  const write = args.options['no-write'] !== true;
  const reportOnly = args.options.report === true;
  const list = (name: string) =>
    typeof args.options[name] === 'string'
      ? String(args.options[name])
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  const projectFile = typeof args.options.project === 'string' ? args.options.project : undefined;
  const ids = reportOnly
    ? []
    : projectFile
      ? [basename(projectFile).replace(/\.json$/, '')]
      : (list('templates') ?? TEMPLATE_IDS);
  for (const id of ids)
    if (!projectFile && !TEMPLATE_IDS.includes(id))
      throw new Error(`no template named '${id}' (have: ${TEMPLATE_IDS.join(', ')})`);
  const seeds = (list('seeds') ?? ['1', '2', '3']).map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--seeds: '${s}' is not a whole number`);
    return n;
  });
  const every = intOption(args, 'every', 100)!,
    samples = intOption(args, 'samples', 500)!;
  const projectOf = (id: string) => (projectFile ? parseProject(readFileSync(projectFile, 'utf8')) : loadTemplate(id));

  await useBackend(tf, 'wasm');
  const hosts = new Map<string, HostDataset>();
  let meters: MnistMeters | undefined;
  // Read at every use, not once: runs of other seeds or templates may be going on in parallel processes
  // (one per core), and each keeps the others' records.
  const stored = (): RunRecord[] => (existsSync(RUNS) ? JSON.parse(readFileSync(RUNS, 'utf8')) : []);
  const fresh: RunRecord[] = [];
  for (const id of ids) {
    const project = projectOf(id);
    const key = JSON.stringify(project.dataset);
    if (!hosts.has(key))
      hosts.set(key, await loadDataset(project.dataset, { mnistBytes: async () => readFileSync(mnistPath()) }));
    const host = hosts.get(key)!;
    const isMnist = project.dataset.kind === 'mnist';
    if (isMnist && !meters) {
      meters = await mnistMeters(tf, host, project.dataset.scale, samples, await loadShippedClassifier());
      const r = meters.real;
      console.log(
        `real digits (${r.samples}): ${(r.confident * 100).toFixed(1)}% confident, ${r.classes}/10 classes, score ${r.score.toFixed(2)}, FD ${r.fd.toFixed(1)}, nearest ${r.nearest.toFixed(2)}`,
      );
    }
    const steps = intOption(args, 'steps', isMnist && !hasCategoricalCode(project) ? 1000 : 3000)!;
    for (const seed of seeds) {
      const rec = await qualityRun({
        tf,
        id,
        project,
        projectHash: hash(project),
        host,
        seed,
        steps,
        every,
        samples,
        backend: 'wasm',
        mnist: isMnist ? meters : undefined,
        pngDir: `.cache/quality/${id}/seed${seed}`,
        log: (l) => console.log(l),
      });
      for (const t of THRESHOLDS.filter((x) => rec.points.some((p) => x.applies(p)))) {
        const p = firstPass(rec, t);
        console.log(
          `${id} seed ${seed}: ${t.id} ${p ? `at step ${p.step} (${p.seconds.toFixed(0)} s)` : `not within ${steps} steps`}`,
        );
      }
      fresh.push(rec);
      if (write) {
        const records = stored();
        const i = records.findIndex((r) => r.template === id && r.seed === seed);
        if (i >= 0) records[i] = rec;
        else records.push(rec);
        writeFileSync(RUNS, `${JSON.stringify(records, null, 1)}\n`);
      }
    }
  }
  if (!write) return;
  const records = stored();
  const infos: TemplateInfo[] = TEMPLATE_IDS.map((id) => {
    const p = loadTemplate(id);
    return { id, name: p.name, description: p.description, current: hash(p) };
  });
  const command = 'npm run bench:quality';
  // The real digits' values are the same for every MNIST template (one classifier, one data set).
  const realFile = 'docs/quality-real.json';
  if (meters) writeFileSync(realFile, `${JSON.stringify(meters.real, null, 1)}\n`);
  const real = existsSync(realFile) ? JSON.parse(readFileSync(realFile, 'utf8')) : undefined;
  replaceSection(
    DOC,
    qualitySection(infos, records, real, command),
    '# Sample quality: how fast the templates learn\n',
  );
  replaceSection(BENCH, benchmarksSummary(infos, records, command), '# Benchmarks\n');
  console.log(`wrote ${RUNS}, ${DOC}, ${BENCH} (${fresh.length} new run(s))`);
}

main().catch((e) => {
  console.error(`bench:quality: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
