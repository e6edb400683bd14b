import { describe, expect, it } from 'vitest';
import { diagnoseHistory } from '../../src/core/doctor/rules';

const ctx = { loss: 'nsgan' as const, discriminatorHead: 'd_head', generatorOutput: 'g_out' };

// Calibration on real runs (a D with 10x the learning rate; a G with a 1-number latent) is not in the suite yet:
// without seeded weight initialisation the same configuration fails on some runs and not on others.
describe('the GAN doctor', () => {
  it('sees gradients explode and vanish, and a winning D, in synthetic histories', () => {
    const base = { dLoss: 1, gLoss: 1, dReal: 0.5, dFake: 0.5, auxLoss: 0, infoLoss: 0 };
    const h = Array.from({ length: 300 }, (_, i) => ({ ...base, step: i + 1, dGradNorm: i < 200 ? 1 : 500, gGradNorm: i < 200 ? 2 : 0.01 }));
    const ids = diagnoseHistory(h, ctx).map((f) => f.id).sort();
    expect(ids).toEqual(['gradientsExplode', 'gradientsVanish']);
    expect(diagnoseHistory(h, ctx).find((f) => f.id === 'gradientsExplode')!.since).toBe(201);
    const strongD = Array.from({ length: 200 }, (_, i) => ({ ...base, step: i + 1, dGradNorm: 1, gGradNorm: 1, dReal: i < 100 ? 0.55 : 0.8, dFake: i < 100 ? 0.45 : 0.1 }));
    const f = diagnoseHistory(strongD, ctx);
    expect(f.map((x) => [x.id, x.since, x.nodes])).toEqual([['discriminatorWins', 101, ['d_head', 'g_out']]]);
    expect(diagnoseHistory(strongD, { ...ctx, loss: 'wgan-gp' })).toEqual([]);
  });
});
