/**
 * The quality benchmark's thresholds (from issue 17, declared once here) and its report: docs/quality.md's
 * generated section (per template: steps and seconds to each threshold per seed and their median, and the
 * quality curve, medians over seeds) and a summary in BENCHMARKS.md. Pure text from the stored run records.
 */
import type { QualityPoint, RealDigits, RunRecord } from './qualityRun';
import { DIGITS_THRESHOLD } from '../src/core/quality/digitsThreshold';

export interface Threshold {
  id: string;
  label: string;
  applies(p: QualityPoint): boolean;
  passes(p: QualityPoint): boolean;
}

export const THRESHOLDS: Threshold[] = [
  {
    id: 'digits',
    label: `digits: ≥ ${DIGITS_THRESHOLD.classes} of 10 classes (≥ ${DIGITS_THRESHOLD.classShare * 100}% of samples each) and ≥ ${DIGITS_THRESHOLD.confident * 100}% of samples classified with p ≥ 0.9`,
    applies: (p) => p.readable !== undefined,
    passes: (p) => !!p.readable,
  },
  {
    id: 'code',
    label: 'InfoGAN: categorical code → digit ≥ 90% (best one-to-one matching)',
    applies: (p) => p.codeAccuracy !== undefined,
    passes: (p) => p.codeAccuracy! >= 0.9,
  },
  {
    id: 'agreement',
    label: 'conditional: the classifier agrees with the asked-for class on ≥ 80%',
    applies: (p) => p.classAgreement !== undefined,
    passes: (p) => p.classAgreement! >= 0.8,
  },
  {
    id: 'modes',
    label: '2-D: every mode covered and ≥ 90% high-quality samples',
    applies: (p) => p.modes !== undefined,
    passes: (p) => p.modesCovered === p.modes && p.highQuality! >= 0.9,
  },
];

/** The first measurement that passes `t`, or undefined. */
export const firstPass = (r: RunRecord, t: Threshold): QualityPoint | undefined =>
  r.points.find((p) => t.applies(p) && t.passes(p));

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median over seeds where a run that never passed counts as "later than any": undefined when the median is such a run. */
function medianPass(runs: RunRecord[], t: Threshold, key: 'step' | 'seconds'): number | undefined {
  const v = median(runs.map((r) => firstPass(r, t)?.[key] ?? Infinity));
  return Number.isFinite(v) ? v : undefined;
}

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
const num = (x: number | undefined, d = 1) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  current: string;
}

function templateSection(info: TemplateInfo, runs: RunRecord[], real?: RealDigits): string[] {
  const seeds = runs.map((r) => r.seed).join(', ');
  const r0 = runs[0];
  const stale = runs.some((r) => r.projectHash !== info.current);
  const out = [
    `### ${info.id}`,
    '',
    `*${info.name}* — ${info.description}`,
    '',
    `Seeds ${seeds}; ${r0.steps.toLocaleString('en-US')} steps at batch ${r0.batch} on ${r0.backend}; ${median(runs.map((r) => r.msPerStep)).toFixed(0)} ms/step (median of the runs; load average ${runs.map((r) => r.load.join('→')).join(', ')}); measured ${[...new Set(runs.map((r) => r.date.slice(0, 10)))].join(', ')}.`,
  ];
  if (stale)
    out.push('', '**Stale: the template has changed since some of these runs; run the benchmark again for it.**');
  const ths = THRESHOLDS.filter((t) => r0.points.some((p) => t.applies(p)));
  out.push(
    '',
    `| threshold | ${runs.map((r) => `seed ${r.seed}: step (s)`).join(' | ')} | median step | median seconds |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} | ---: | ---: |`,
  );
  for (const t of ths) {
    const cells = runs.map((r) => {
      const p = firstPass(r, t);
      return p ? `${p.step} (${p.seconds.toFixed(0)})` : `not by ${r.steps}`;
    });
    out.push(
      `| ${t.label} | ${cells.join(' | ')} | ${num(medianPass(runs, t, 'step'), 0)} | ${num(medianPass(runs, t, 'seconds'), 0)} |`,
    );
  }
  const steps = r0.points.map((p) => p.step).filter((s) => runs.every((r) => r.points.some((p) => p.step === s)));
  const at = (s: number) => runs.map((r) => r.points.find((p) => p.step === s)!);
  const med = (ps: QualityPoint[], k: keyof QualityPoint) =>
    ps[0][k] === undefined ? undefined : median(ps.map((p) => Number(p[k])));
  out.push('', 'The curve (medians over the seeds):', '');
  if (r0.points[0].modes !== undefined) {
    out.push('| step | seconds | modes covered | high-quality share |', '| ---: | ---: | ---: | ---: |');
    for (const s of steps) {
      const ps = at(s);
      out.push(
        `| ${s} | ${num(med(ps, 'seconds'), 0)} | ${num(med(ps, 'modesCovered'), 0)}/${ps[0].modes} | ${pct(med(ps, 'highQuality'))} |`,
      );
    }
  } else {
    const code = r0.points.some((p) => p.codeAccuracy !== undefined),
      agree = r0.points.some((p) => p.classAgreement !== undefined);
    out.push(
      `| step | seconds | confident (p ≥ 0.9) | classes (≥ 3%) | score | FD | nearest real |${code ? ' code → digit |' : ''}${agree ? ' asked-for class |' : ''}`,
      `| ---: | ---: | ---: | ---: | ---: | ---: | ---: |${code ? ' ---: |' : ''}${agree ? ' ---: |' : ''}`,
    );
    if (real)
      out.push(
        `| real digits | | ${pct(real.confident)} | ${real.classes} | ${num(real.score, 2)} | ${num(real.fd)} | ${num(real.nearest, 2)} |${code ? ' |' : ''}${agree ? ' |' : ''}`,
      );
    for (const s of steps) {
      const ps = at(s);
      out.push(
        `| ${s} | ${num(med(ps, 'seconds'), 0)} | ${pct(med(ps, 'confident'))} | ${num(med(ps, 'classes'), 0)} | ${num(med(ps, 'score'), 2)} | ${num(med(ps, 'fd'))} | ${num(med(ps, 'nearest'), 2)} |${code ? ` ${pct(med(ps, 'codeAccuracy'))} |` : ''}${agree ? ` ${pct(med(ps, 'classAgreement'))} |` : ''}`,
      );
    }
  }
  return out;
}

export function qualitySection(
  infos: TemplateInfo[],
  records: RunRecord[],
  real: RealDigits | undefined,
  command: string,
): string {
  const runs = (id: string) => records.filter((r) => r.template === id).sort((a, b) => a.seed - b.seed);
  const cpus = [...new Set(records.map((r) => `${r.cores} cores, ${r.cpu}`))].join('; ');
  const lines = [
    '<!-- quality-bench:start -->',
    `Generated by \`${command}\` from docs/quality-runs.json (every run's measurements). Machine: ${cpus || '—'}; Node ${process.version}; tfjs-backend-wasm in Node (one thread). Seconds are training time to that step (measurements not counted) on a CPU other processes share: compare steps, and seconds only within one template's runs.`,
    '',
  ];
  if (real)
    lines.push(
      `Real digits (${real.samples} held-out digits, the target): ${pct(real.confident)} confident, ${real.classes} of 10 classes, score ${real.score.toFixed(2)}, FD ${real.fd.toFixed(1)}, nearest real digit ${real.nearest.toFixed(2)}.`,
      '',
    );
  for (const info of infos) {
    const rs = runs(info.id);
    if (!rs.length) continue;
    lines.push(...templateSection(info, rs, real), '');
  }
  lines.push('<!-- quality-bench:end -->');
  return lines.join('\n');
}

/** BENCHMARKS.md's short version: per template, the median step and seconds to each of its thresholds. */
export function benchmarksSummary(infos: TemplateInfo[], records: RunRecord[], command: string): string {
  const rows: string[] = [];
  for (const info of infos) {
    const rs = records.filter((r) => r.template === info.id);
    if (!rs.length) continue;
    for (const t of THRESHOLDS.filter((x) => rs[0].points.some((p) => x.applies(p)))) {
      const passed = rs.filter((r) => firstPass(r, t)).length;
      rows.push(
        `| ${info.id} | ${t.id} | ${rs.length} | ${passed}/${rs.length} | ${num(medianPass(rs, t, 'step'), 0)} | ${num(medianPass(rs, t, 'seconds'), 0)} | ${median(rs.map((r) => r.msPerStep)).toFixed(0)} |`,
      );
    }
  }
  return [
    '<!-- quality-bench:start -->',
    `## Quality (\`${command}\`)`,
    '',
    'How fast each template learns, in steps and training seconds (Node, wasm, one thread) to the thresholds of issue 17, median over the seeds; the curves, the machine and every number are in [docs/quality.md](docs/quality.md).',
    '',
    '| template | threshold | seeds | seeds that passed | median step | median seconds | ms/step |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '<!-- quality-bench:end -->',
  ].join('\n');
}
