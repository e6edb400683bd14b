import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseHistory } from '../../src/core/doctor/rules';
import { diagnoseOscillation } from '../../src/core/doctor/oscillation';
import { diagnoseSamples, diversityRatio, meanPairwiseDistance } from '../../src/core/doctor/samples';
import { diagnoseLayers } from '../../src/core/doctor/layers';
import { diagnose } from '../../src/core/doctor/doctor';
import { diagnoseClasses } from '../../src/core/doctor/classes';
import { diagnoseLabels, type LabelPoint } from '../../src/core/doctor/labels';
import { toyDataset } from '../../src/core/data/toy2d';
import type { RunRecord } from '../../bench/qualityRun';

const ctx = { loss: 'nsgan' as const, discriminatorHead: 'd_head', generatorOutput: 'g_out' };
const base = { dLoss: 1, gLoss: 1, dReal: 0.5, dFake: 0.5, auxLoss: 0, infoLoss: 0, dGradNorm: 1, gGradNorm: 1 };

// Real runs (D at 5x the template's learning rate, a 1-number latent, the working template): tests/core/doctor-runs.test.ts.
describe('the GAN doctor on synthetic histories', () => {
  it('sees gradients explode and vanish', () => {
    const h = Array.from({ length: 300 }, (_, i) => ({
      ...base,
      step: i + 1,
      dGradNorm: i < 200 ? 1 : 5000,
      gGradNorm: i < 200 ? 2 : 0.01,
    }));
    expect(
      diagnoseHistory(h, ctx)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['gradientsExplode', 'gradientsVanish']);
    expect(diagnoseHistory(h, ctx).find((f) => f.id === 'gradientsExplode')!.since).toBe(201);
    // 90x (what D's 10x learning rate does to G's norm on the ring, and training goes on) is not an explosion.
    const grows = h.map((m, i) => ({ ...m, dGradNorm: i < 200 ? 1 : 90, gGradNorm: 1 }));
    expect(diagnoseHistory(grows, ctx)).toEqual([]);
  });

  it('names the layers whose own gradient norm collapsed or blew up, when per-layer norms exist', () => {
    const layers = { generator: ['g_fc1', 'g_fc2', 'g_out'], discriminator: ['d_fc1', 'd_fc2', 'd_head'] };
    const h = Array.from({ length: 300 }, (_, i) => ({
      ...base,
      step: i + 1,
      dGradNorm: i < 200 ? 1 : 5000,
      gGradNorm: i < 200 ? 2 : 0.01,
    }));
    // Every 10 steps: g_fc2's norm collapses (1 -> 1e-4), g_fc1's only halves; d_fc1 blows up, d_fc2 grows 3x.
    const points = Array.from({ length: 30 }, (_, i) => {
      const late = i >= 20;
      return {
        step: 10 * i + 1,
        norms: { g_fc1: late ? 1 : 2, g_fc2: late ? 1e-4 : 1, d_fc1: late ? 6000 : 1, d_fc2: late ? 3 : 1 },
      };
    });
    const f = diagnoseHistory(h, { ...ctx, layers }, points);
    const vanish = f.find((x) => x.id === 'gradientsVanish')!,
      explode = f.find((x) => x.id === 'gradientsExplode')!;
    expect(vanish.nodes).toEqual(['g_out', 'g_fc2']);
    expect(vanish.explanation).toMatch(/fell most in g_fc2 \(0\.010% of its first measurements\)/);
    expect(explode.nodes).toEqual(['d_head', 'd_fc1']);
    expect(explode.explanation).toMatch(/grew most in d_fc1 \(6,000× its first measurements\)/);
    // Without per-layer norms (or with no layer past the threshold, the one that moved most) as before.
    expect(diagnoseHistory(h, { ...ctx, layers }).find((x) => x.id === 'gradientsVanish')!.nodes).toEqual(['g_out']);
    const mild = points.map((p) => ({ ...p, norms: { ...p.norms, g_fc2: p.step > 200 ? 0.8 : 1 } }));
    expect(diagnoseHistory(h, { ...ctx, layers }, mild).find((x) => x.id === 'gradientsVanish')!.nodes).toEqual([
      'g_out',
      'g_fc1',
    ]);
    // A healthy history stays quiet whatever the layers do.
    expect(
      diagnoseHistory(
        h.map((m) => ({ ...m, dGradNorm: 1, gGradNorm: 1 })),
        { ...ctx, layers },
        points,
      ),
    ).toEqual([]);
  });

  it('sees a winning D only when it is sustained for 3 windows, and only for BCE losses', () => {
    const strongD = (from: number) =>
      Array.from({ length: 300 }, (_, i) => ({
        ...base,
        step: i + 1,
        dReal: i < from ? 0.55 : 0.8,
        dFake: i < from ? 0.45 : 0.18,
      }));
    expect(diagnoseHistory(strongD(100), ctx).map((x) => [x.id, x.severity, x.since, x.nodes])).toEqual([
      ['discriminatorWins', 'warning', 101, ['d_head', 'g_out']],
    ]);
    expect(diagnoseHistory(strongD(200), ctx)).toEqual([]); // two windows only
    expect(diagnoseHistory(strongD(100), { ...ctx, loss: 'wgan-gp' })).toEqual([]);
  });

  it('advises against a winning D only what the run does not do already (label smoothing, fewer D steps)', () => {
    const h = Array.from({ length: 300 }, (_, i) => ({ ...base, step: i + 1, dReal: 0.8, dFake: 0.18 }));
    const advice = (more: object) =>
      diagnoseHistory(h, { ...ctx, ...more }).find((x) => x.id === 'discriminatorWins')!.suggestion;
    expect(advice({ realLabel: 1, dSteps: 1 })).toBe(
      "Lower D's learning rate (or raise G's), use one-sided label smoothing (real label 0.9), or add Gaussian noise or dropout to D's input.",
    );
    expect(advice({ realLabel: 0.9, dSteps: 5 })).toBe(
      "Lower D's learning rate (or raise G's), take fewer D steps per G step (now 5), or add Gaussian noise or dropout to D's input.",
    );
    expect(advice({})).toMatch(/label smoothing .*fewer D steps per G step, or add/);
  });

  it('sees losses cycling without trend, but not a loss that converges or drifts', () => {
    const cyc = Array.from({ length: 600 }, (_, i) => ({
      ...base,
      step: i + 1,
      gLoss: 2 + Math.sin((2 * Math.PI * i) / 100) * (i >= 200 ? 1.5 : 0),
    }));
    const f = diagnoseOscillation(cyc, ctx);
    expect(f.map((x) => [x.id, x.since])).toEqual([['oscillation', 201]]);
    const converge = cyc.map((m, i) => ({ ...m, gLoss: 1 + 2 * Math.exp(-i / 100) + 0.05 * Math.sin(i) }));
    expect(diagnoseOscillation(converge, ctx)).toEqual([]);
    const drift = cyc.map((m, i) => ({ ...m, gLoss: i / 100 + 0.2 * Math.sin((2 * Math.PI * i) / 100) }));
    expect(diagnoseOscillation(drift, ctx)).toEqual([]);
  });
});

describe('sample diversity and coverage', () => {
  it('measures diversity relative to real data: a collapsed G scores low, a G like the data ~1', () => {
    const real = toyDataset('ring8', 512, 1).values,
      like = toyDataset('ring8', 512, 2).values;
    expect(diversityRatio(like, real, 2)).toBeCloseTo(1, 1);
    const oneMode = Float32Array.from({ length: 512 }, (_, i) => (i % 2 ? 0 : 2) + 0.02 * Math.sin(i));
    expect(diversityRatio(oneMode, real, 2)).toBeLessThan(0.05);
    expect(meanPairwiseDistance([0, 0, 3, 4], 2)).toBe(5);
  });

  it("flags low diversity after 3 points in a row and poor coverage after 2, from their thresholds' steps on", () => {
    const pts = [100, 200, 300, 400, 500].map((step) => ({ step, diversity: 0.1 }));
    expect(diagnoseSamples(pts, ctx).map((f) => [f.id, f.severity, f.since])).toEqual([
      ['lowDiversity', 'critical', 300],
    ]);
    expect(diagnoseSamples(pts.slice(0, 4), ctx)).toEqual([]);
    const cov = [1000, 1100, 1200].map((step, i) => ({ step, diversity: 1, modesCovered: [5, 2, 1][i], modes: 8 }));
    expect(diagnoseSamples(cov, ctx).map((f) => [f.id, f.severity, f.since])).toEqual([
      ['poorCoverage', 'critical', 1100],
    ]);
    expect(diagnoseSamples(cov.slice(0, 2), ctx)).toEqual([]);
    // The words follow the picture: samples on a few modes (most of them high quality) = settled on a few outputs;
    // spread-out samples mostly off the modes = drawing between them (a 1-number latent's curve along the ring).
    const few = diagnoseSamples(
      cov.map((p) => ({ ...p, diversity: 0.3, highQuality: 0.9 })),
      ctx,
    )[0];
    expect(few.title).toMatch(/covers few modes/);
    expect(few.explanation).toMatch(/settled on a few outputs/);
    const between = diagnoseSamples(
      cov.map((p) => ({ ...p, diversity: 0.9, highQuality: 0.12 })),
      ctx,
    ).find((f) => f.id === 'poorCoverage')!;
    expect(between.title).toBe('The generator draws between the modes');
    expect(between.explanation).toMatch(/only 12% land on a mode/);
    expect(between.suggestion).toMatch(/larger latent input/);
  });
});

describe('dead and saturated layers', () => {
  const pts = (v: number[], key: 'dead' | 'saturated') =>
    v.map((x, i) => ({ step: (i + 1) * 100, dead: 0, saturated: 0, [key]: x }));
  it('flags a ReLU layer dead at 3 probe points in a row, a saturated tanh too, and nothing else', () => {
    const f = diagnoseLayers([
      { nodeId: 'g_fc1', kind: 'relu', points: pts([0.2, 0.6, 0.7, 0.95], 'dead') },
      { nodeId: 'g_fc2', kind: 'relu', points: pts([0.6, 0.6, 0.3], 'dead') },
      { nodeId: 'g_t', kind: 'squashing', points: pts([0.6, 0.7, 0.8], 'saturated') },
      { nodeId: 'g_lin', kind: 'other', points: pts([1, 1, 1], 'dead') },
    ]);
    expect(f.map((x) => [x.id, x.severity, x.since, x.nodes])).toEqual([
      ['deadLayer', 'critical', 200, ['g_fc1']],
      ['saturatedLayer', 'warning', 100, ['g_t']],
    ]);
  });

  it('diagnose() puts critical findings first', () => {
    const h = Array.from({ length: 300 }, (_, i) => ({ ...base, step: i + 1, dReal: 0.8, dFake: 0.18 }));
    const f = diagnose(
      { history: h, layers: [{ nodeId: 'g_fc1', kind: 'relu', points: pts([1, 1, 1], 'dead') }] },
      ctx,
    );
    expect(f.map((x) => x.id)).toEqual(['deadLayer', 'discriminatorWins']);
  });
});

describe('mode collapse on MNIST from the reference classifier', () => {
  const ctx = { loss: 'nsgan' as const, generatorOutput: 'g_out' };
  const points = (coverages: number[]) =>
    coverages.map((coverage, i) => ({ step: 500 * (i + 1), coverage, classes: 10 }));

  it('flags a G whose samples fall in 1-2 classes after step 1000 (the collapsed vanilla GAN run) and names its output node', () => {
    const f = diagnoseClasses(points([1, 2, 1, 2, 2, 1]), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ id: 'poorCoverage', severity: 'critical', since: 1000, nodes: ['g_out'] });
    expect(f[0].explanation).toMatch(/only 1 of 10 classes/);
  });

  it('stays quiet early, on one bad measurement, and on a G that covers the digits', () => {
    expect(diagnoseClasses(points([1]), ctx)).toEqual([]); // step 500: too early to judge
    expect(diagnoseClasses(points([9, 8, 3]), ctx)).toEqual([]); // one bad point is not a trend
    expect(diagnoseClasses(points([4, 7, 9, 10, 10]), ctx)).toEqual([]);
    // Two low measurements of a passing moment (steps 1,500 and 1,550: under 200 steps apart) are not a lasting state.
    expect(
      diagnoseClasses(
        [...points([9, 9]), { step: 1500, coverage: 3, classes: 10 }, { step: 1550, coverage: 3, classes: 10 }],
        ctx,
      ),
    ).toEqual([]);
    // diagnose() passes the points through.
    expect(diagnose({ history: [], classes: points([1, 2, 1]) }, ctx).map((x) => x.id)).toEqual(['poorCoverage']);
  });
});

describe('a conditional G that ignores its label', () => {
  const ctx = { loss: 'nsgan' as const, generatorOutput: 'g_out', generatorLabel: 'g_label' };
  const points = (agreement: number[], every = 250) =>
    agreement.map((a, i) => ({ step: every * (i + 1), agreement: a }));

  it('is flagged when the classifier rarely sees the asked-for class at lasting measurements from step 500, on the label and the output', () => {
    const f = diagnoseLabels(points([0.1, 0.12, 0.11, 0.13]), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ id: 'labelIgnored', severity: 'critical', since: 500, nodes: ['g_label', 'g_out'] });
    expect(f[0].explanation).toMatch(/only 13% of the time/);
    expect(diagnoseLabels(points([0.1, 0.2, 0.25, 0.28]), ctx)[0].severity).toBe('warning');
  });

  it('stays quiet early, on a passing moment, and on a G that follows its labels', () => {
    expect(diagnoseLabels(points([0.1]), ctx)).toEqual([]); // step 250: too early
    expect(diagnoseLabels(points([0.9, 0.95, 0.2]), ctx)).toEqual([]);
    expect(
      diagnoseLabels(
        [
          { step: 1000, agreement: 0.2 },
          { step: 1050, agreement: 0.2 },
        ],
        ctx,
      ),
    ).toEqual([]); // < 200 steps apart
    expect(diagnoseLabels(points([0.1, 0.4, 0.7, 0.9]), ctx)).toEqual([]);
    expect(diagnose({ history: [], labels: points([0.1, 0.1, 0.1]) }, ctx).map((x) => x.id)).toEqual(['labelIgnored']);
  });
  // The calibration runs themselves (docs/doctor-calibration.md): the quality benchmark's recorded curves, every 100 steps.
  it("on the benchmark's runs: the MLP CGAN flagged from step 700 in every seed, the DCGAN-form CGAN and AC-GAN never", () => {
    const runs: RunRecord[] = JSON.parse(readFileSync('docs/quality-runs.json', 'utf8'));
    const curve = (template: string) =>
      runs
        .filter((r) => r.template === template)
        .map((r) => r.points.map((p) => ({ step: p.step, agreement: p.classAgreement! })));
    /** The first step at which the rule fires, reading the points as the app receives them. */
    const firstFlag = (pts: LabelPoint[]) =>
      pts.find((_, i) => diagnoseLabels(pts.slice(0, i + 1), ctx).length > 0)?.step;
    const mlp = curve('cgan-mlp-mnist');
    expect(mlp).toHaveLength(3);
    for (const pts of mlp) {
      expect(firstFlag(pts)).toBe(700);
      // Critical when flagged (9-11% at step 700); still flagged at step 1,000 (10-16%).
      expect(diagnoseLabels(pts.slice(0, 8), ctx)[0].severity).toBe('critical');
      expect(diagnoseLabels(pts, ctx)).toHaveLength(1);
    }
    for (const t of ['cgan-mnist', 'acgan-mnist']) {
      expect(curve(t)).toHaveLength(3);
      for (const pts of curve(t)) expect(firstFlag(pts), t).toBeUndefined();
    }
  });
});
