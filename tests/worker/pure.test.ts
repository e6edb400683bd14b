import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/core/train/pacing';
import { candidates } from '../../src/core/backend/choose';
import { unpackTiles, type TileLayout } from '../../src/core/train/tiles';
import { tileRgba } from '../../src/ui/tileImage';
import { displaySize } from '../../src/training-ui/TileCanvas';

describe('pacing', () => {
  it('probes rarely enough to keep the probe within 10% of the time', () => {
    const p = new Pacer(0.1, 0);
    p.recordSteps(10, 100); // 10 ms per step
    p.recordProbe(45); // a probe costs 4.5 steps
    const every = p.probeEvery('auto');
    expect(45 / (every * 10 + 45)).toBeLessThanOrEqual(0.1);
    expect(every).toBe(41);
    expect(p.probeEvery(7)).toBe(7);
    expect(p.chunkSteps(250)).toBe(25);
  });
  it('never probes faster than the UI can show', () => {
    const p = new Pacer(0.1, 250);
    p.recordSteps(100, 100); // 1 ms per step, a cheap probe
    p.recordProbe(0.5);
    expect(p.probeEvery('auto')).toBe(250);
  });
});

describe('backend order', () => {
  it('tries the forced backend first, then the ones after it', () => {
    expect(candidates('auto')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(candidates('wasm')).toEqual(['wasm', 'cpu']);
    expect(candidates('cpu')).toEqual(['cpu']);
  });
});

describe('tiles', () => {
  const stats = [0, 1, -1, 1, 0, 0, 0, 0];
  it('bins scatter cells on the host: fake in channel 0, real in channel 1', () => {
    const l: TileLayout = {
      nodeId: 'g_out',
      network: 'generator',
      kind: 'scatter',
      shape: [2],
      width: 2,
      height: 2,
      channels: 2,
      shown: 1,
      total: 1,
      points: 2,
    };
    const [t] = unpackTiles([0, 0, 3, NaN, ...stats], [l]);
    expect(Array.from(t.pixels)).toEqual([192, 0, 0, 0, 0, 0, 0, 96]);
    expect(t.stats).toMatchObject({ mean: 0, std: 1, min: -1, max: 1 });
    const rgba = tileRgba(t);
    expect(rgba.length).toBe(16);
    expect(rgba[3 * 4]).toBeLessThan(255); // the real point is drawn
  });
  it('clamps pixels and keeps strips full width but short', () => {
    const l: TileLayout = {
      nodeId: 'd',
      network: 'discriminator',
      kind: 'strip',
      shape: [3],
      width: 3,
      height: 1,
      channels: 1,
      shown: 3,
      total: 3,
    };
    expect(Array.from(unpackTiles([-5, 300, Infinity, ...stats], [l])[0].pixels)).toEqual([0, 255, 0]);
    expect(displaySize({ kind: 'strip', width: 2, height: 16 }, 164, 56)).toEqual({ w: 164, h: 48 });
    expect(displaySize({ kind: 'mosaic', width: 64, height: 64 }, 164, 56)).toEqual({ w: 56, h: 56 });
  });
});
