import { describe, expect, it } from 'vitest';
import { toy2dQuality } from '../../src/core/quality/toy2d';
import { toyDataset, toyModes } from '../../src/core/data/toy2d';

describe('2-D sample quality', () => {
  const ring = toyModes('ring8');
  const real = toyDataset('ring8', 4000, 1).values;

  it('scores real data as perfect: every mode covered, all samples high quality, divergences near 0', () => {
    const q = toy2dQuality(toyDataset('ring8', 4000, 2).values, real, ring);
    expect(q.modesCovered).toBe(8);
    expect(q.highQuality).toBeGreaterThan(0.98);
    expect(q.js).toBeLessThan(0.02);
  });

  it('sees a collapse onto two modes, and noise that covers nothing', () => {
    const d = toyDataset('ring8', 4000, 3);
    const collapsed = new Float32Array(d.values.filter((_, i) => d.labels![Math.floor(i / 2)] < 2));
    const qc = toy2dQuality(collapsed, real, ring);
    expect(qc.modesCovered).toBe(2);
    expect(qc.js).toBeGreaterThan(0.3);
    const noise = new Float32Array(4000).map((_, i) => Math.sin(i * 12.9898) * 3);
    const qn = toy2dQuality(noise, real, ring);
    expect(qn.highQuality).toBeLessThan(0.05);
    expect(qn.modesCovered).toBe(0);
  });
});
