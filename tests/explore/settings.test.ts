import { describe, expect, it } from 'vitest';
import type { Explorations } from '../../src/core/explore';
import { defaultSettings, modesOf, toRequest } from '../../src/explorer/settings';

const info: Explorations = {
  sweeps: [
    { input: 'c_cat', kind: 'categorical', size: 10 },
    { input: 'c_cont', kind: 'continuous', size: 2 },
  ],
  byClass: false,
  points: false,
  arithmetic: true,
};
const ring: Explorations = { sweeps: [], byClass: false, points: true, arithmetic: true };

describe('explorer settings -> worker request', () => {
  it('offers only the modes that apply', () => {
    expect(modesOf(info).map((m) => m.mode)).toEqual(['grid', 'interpolate', 'sweep', 'arithmetic']);
    expect(modesOf(ring).map((m) => m.label)).toEqual(['Random cloud', 'Interpolation']);
    expect(modesOf({ ...ring, points: false, byClass: true }).map((m) => m.mode)).toEqual([
      'grid',
      'interpolate',
      'byClass',
      'arithmetic',
    ]);
  });
  it('opens on an interpolation strip; 2-D data gets a longer path and a bigger cloud', () => {
    expect(toRequest(defaultSettings(info), info)).toEqual({
      kind: 'interpolate',
      seedA: 1,
      seedB: 2,
      steps: 10,
      mode: 'lerp',
    });
    expect(toRequest({ ...defaultSettings(ring), mode: 'grid' }, ring)).toEqual({
      kind: 'grid',
      seed: 1,
      rows: 16,
      cols: 16,
    });
  });
  it('a categorical sweep ignores the continuous settings; a continuous one clamps the dimension', () => {
    const s = { ...defaultSettings(info), mode: 'sweep' as const, dim: 5 };
    expect(toRequest(s, info)).toEqual({ kind: 'sweep', seed: 1, rows: 4, input: 'c_cat' });
    expect(toRequest({ ...s, sweepInput: 'c_cont' }, info)).toEqual({
      kind: 'sweep',
      seed: 1,
      rows: 4,
      input: 'c_cont',
      dim: 1,
      steps: 10,
      from: -2,
      to: 2,
    });
  });
});
