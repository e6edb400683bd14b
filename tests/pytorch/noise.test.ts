import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { blockPlan, probeProject } from './plans';
import { pythonOk, readTensors, writeProject } from './helpers';

/**
 * Dropout and Gaussian noise draw random numbers no two engines share, so parity compares them in inference
 * mode and with rate 0 in training mode; here their training-mode behaviour is checked against tfjs's
 * definition: inverted dropout (a `rate` share zeroed, the rest scaled by 1 / (1 - rate)) and N(0, stddev²) added.
 */
const dir = resolve('.cache', 'pytorch-test', 'noise');

describe('random layers in training mode', () => {
  it('dropout zeroes about `rate` of the values and scales the rest by 1 / (1 - rate); nothing in inference', () => {
    const plan = blockPlan({ name: 'dropout', type: 'dropout', params: { rate: 0.4 }, input: [50] });
    const code = writeProject(join(dir, 'dropout'), plan, probeProject('dropout', plan));
    pythonOk('noise.py', [code, join(dir, 'dropout-out')]);
    const { train, eval: ev } = readTensors(join(dir, 'dropout-out'));
    const zeros = Array.from(train.data).filter((v) => v === 0).length / train.data.length;
    expect(zeros).toBeGreaterThan(0.38);
    expect(zeros).toBeLessThan(0.42);
    for (const v of train.data) if (v !== 0) expect(v).toBeCloseTo(1 / 0.6, 5);
    expect(Array.from(ev.data).every((v) => v === 1)).toBe(true);
  });

  it('Gaussian noise adds N(0, stddev²) in training only (on an image: the layout does not matter)', () => {
    const plan = blockPlan({ name: 'noise', type: 'gaussianNoise', params: { stddev: 0.5 }, input: [4, 5, 3] });
    const code = writeProject(join(dir, 'noise'), plan, probeProject('noise', plan));
    pythonOk('noise.py', [code, join(dir, 'noise-out')]);
    const { train, eval: ev } = readTensors(join(dir, 'noise-out'));
    const d = Array.from(train.data, (v) => v - 1);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const std = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(std).toBeGreaterThan(0.49);
    expect(std).toBeLessThan(0.51);
    expect(Array.from(ev.data).every((v) => v === 1)).toBe(true);
  });
});
