/**
 * The GAN doctor on runs that really fail and really work: gan-2d-ring on the wasm backend, seed 42
 * (weights and batches seeded, so each run repeats exactly). The thresholds in src/core/doctor/* were
 * calibrated on these runs; the numbers they quote are printed here.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadTemplate } from '../../src/core/project/templates';
import { compileGraph } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { TrainingSession } from '../../src/core/train/session';
import { toyDataset, toyModes } from '../../src/core/data/toy2d';
import { toy2dQuality } from '../../src/core/quality/toy2d';
import { contextOf, diagnose } from '../../src/core/doctor/doctor';
import { cycleStats } from '../../src/core/doctor/oscillation';
import { windows } from '../../src/core/doctor/rules';
import { diversityRatio, type SamplePoint } from '../../src/core/doctor/samples';
import type { LayerSeries } from '../../src/core/doctor/layers';
import { isRelu, saturationOf } from '../../src/core/train/tiles';
import { makeProbe } from '../../workers/helpers';
import { wasmTf } from '../helpers/tf';

interface Variant {
  dLr?: number;
  latent?: number;
  gAverage?: number;
}

/** Trains the ring template; every 100 steps measures G's samples and the probe's layer statistics. */
async function run(v: Variant, steps: number) {
  await wasmTf();
  const p = loadTemplate('gan-2d-ring');
  if (v.latent) p.graph.nodes.find((n) => n.id === 'z')!.params.size = v.latent;
  const training = {
    ...p.training,
    gAverage: v.gAverage ?? p.training.gAverage,
    discriminator: { ...p.training.discriminator, learningRate: v.dLr ?? p.training.discriminator.learningRate },
  };
  const res = compileGraph(p.graph, datasetInfo(p.dataset), training);
  if (!res.ok) throw new Error('does not compile');
  const host = toyDataset('ring8', 10_000);
  const s = new TrainingSession(tf, res.plan, host);
  const probe = makeProbe(tf, s, host, 'tanh');
  const ctx = contextOf(res.plan);
  const samples: SamplePoint[] = [];
  const layers = new Map<string, LayerSeries>();
  const real = host.values.subarray(0, 512);
  while (s.step < steps) {
    await s.run(100, { flushEvery: 50 });
    const t = s.sample(512, 99);
    const fake = (await t.data()) as Float32Array;
    t.dispose();
    const q = toy2dQuality(fake, host.values.subarray(0, 5000), toyModes('ring8'));
    samples.push({
      step: s.step,
      diversity: diversityRatio(fake, real, 2),
      modesCovered: q.modesCovered,
      modes: q.modes,
      highQuality: q.highQuality,
    });
    for (const tile of await probe.read()) {
      const kind = isRelu(tile.activation)
        ? 'relu'
        : saturationOf(tile) !== undefined && !ctx.expectedSaturation.includes(tile.nodeId)
          ? 'squashing'
          : 'other';
      const series = layers.get(tile.nodeId) ?? { nodeId: tile.nodeId, kind, points: [] };
      (series.points as { step: number; dead: number; saturated: number }[]).push({
        step: s.step,
        dead: tile.stats.dead,
        saturated: saturationOf(tile) ?? 0,
      });
      layers.set(tile.nodeId, series);
    }
  }
  const findings = diagnose({ history: s.history, samples, layers: [...layers.values()] }, ctx);
  const tail = s.history.slice(-50),
    mean = (k: 'dReal' | 'dFake') => tail.reduce((a, m) => a + m[k], 0) / tail.length;
  const last = samples[samples.length - 1];
  console.log(
    JSON.stringify({
      v,
      steps,
      dReal: +mean('dReal').toFixed(3),
      dFake: +mean('dFake').toFixed(3),
      modes: samples.filter((x) => x.step >= 1000).map((x) => x.modesCovered),
      diversity: +last.diversity.toFixed(2),
      highQuality: samples.filter((x) => x.step >= 1000).map((x) => +(x.highQuality ?? 0).toFixed(3)),
      dead: [...layers.values()]
        .filter((l) => l.kind === 'relu')
        .map((l) => [l.nodeId, +l.points[l.points.length - 1].dead.toFixed(2)]),
      cycles: (['gLoss', 'dLoss'] as const).map((k) => cycleStats(windows(s.history, k, 50).map((w) => w[1]))),
      findings: findings.map((f) => [f.id, f.severity, f.since]),
    }),
  );
  probe.dispose();
  s.dispose();
  return { findings, samples };
}

describe('the GAN doctor on real runs (gan-2d-ring, wasm, seed 42)', () => {
  it('D with 5x the learning rate (0.01): the doctor says the discriminator is winning, from step 300 at the latest', async () => {
    // 0.01 was 10x the template's rate until the ring moved to 2e-3 (docs/quality.md); at 0.02 D also kills ReLUs,
    // and the doctor rightly reports those too.
    const { findings } = await run({ dLr: 0.01 }, 600);
    const wins = findings.find((f) => f.id === 'discriminatorWins');
    expect(wins).toBeDefined();
    expect(wins!.since).toBeLessThanOrEqual(300);
    expect(wins!.nodes).toEqual(['d_head', 'g_out']);
    expect(findings.map((f) => f.id)).toEqual(['discriminatorWins']); // its noisy losses are not 'oscillation'
  }, 240_000);

  it('G with a 1-number latent: few modes covered after 1,000 steps, explained as what the scatter shows (points between the modes)', async () => {
    // Samples from G itself (the template averages G's weights): G's 1-D curve moves along the ring from step
    // to step, so the average of its weights draws a curve pulled in towards the centre (diversity 0.23 at step
    // 1,200 in the tenth sitting, against G's own 0.85; 1.01 now): the scene the issue describes is G's.
    const { findings, samples } = await run({ latent: 1, gAverage: 0 }, 1200);
    const f = findings.find((x) => x.id === 'poorCoverage');
    expect(f).toBeDefined();
    expect(f!.nodes).toEqual(['g_out']);
    // G's 1-D curve runs along the ring: its points are spread out, yet few land on a mode.
    const last = samples[samples.length - 1];
    expect(last.diversity).toBeGreaterThan(0.45);
    expect(last.highQuality).toBeLessThan(0.5);
    expect(f!.title).toBe('The generator draws between the modes');
    expect(f!.explanation).toMatch(/spread out, but only \d+% land on a mode/);
    expect(f!.explanation).not.toMatch(/settled on a few outputs/);
    expect(findings.map((x) => x.id)).toEqual(['poorCoverage']);
  }, 240_000);

  it('the template as it is: the doctor stays quiet', async () => {
    const { findings, samples } = await run({}, 1200);
    expect(findings).toEqual([]);
    // It really works: at least half the modes at a sample point after step 1,000 (the count moves by
    // one between points; any change of float rounding, e.g. a faster kernel, changes the trajectory).
    expect(Math.max(...samples.filter((x) => x.step >= 1000).map((x) => x.modesCovered ?? 0))).toBeGreaterThanOrEqual(
      4,
    );
  }, 240_000);
});
