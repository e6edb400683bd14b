import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostRange } from '../../src/core/data/host';
import { spritesDataset } from '../../src/core/data/sprites';
import { templatePlan } from './plans';
import { pythonOk, readTensors, writeProject } from './helpers';

/**
 * The exported project draws Ganvas's colour sprites itself: the same seed gives the same bytes, labels and
 * factors as core/data/sprites.ts. The Python is the same float64 and 32-bit integer arithmetic in the same
 * order (only cos/sin come from different maths libraries, both within an ulp), so the comparison is exact.
 */
const dir = resolve('.cache', 'pytorch-test', 'sprites');

function differing(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('data.py draws the sprites Ganvas draws', () => {
  it("the project's sprites32 (count and seed from the project), and 64×64 RGB and grayscale sprites of another seed", () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { project, plan } = templatePlan('dcgan-sprites32');
    project.dataset = { ...project.dataset, count: 1500, seed: 11 };
    const code = writeProject(join(dir, 'project'), plan, project);

    const ts32 = spritesDataset({ size: 32, count: 1500, seed: 11, scale: 'tanh' });
    const out = join(dir, 'rgb');
    pythonOk('sprites.py', [code, out, '64', '800', '2024', '3']);
    const def = readTensors(`${out}-default`);
    expect(def.values.shape).toEqual([1500, 32, 32, 3]);
    // The bytes are equal; data.py scales them in float32, Ganvas in float64 then float32: at most an ulp apart.
    const want = hostRange(ts32, 0, ts32.count);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(want[i] - def.values.data[i]));
    expect(worst).toBeLessThanOrEqual(1e-6);
    expect(Array.from(def.labels.data)).toEqual(Array.from(ts32.labels!));

    const ts64 = spritesDataset({ size: 64, count: 800, seed: 2024, scale: 'tanh' });
    const drawn = readTensors(`${out}-drawn`);
    expect(drawn.pixels.shape).toEqual([800, 64, 64, 3]);
    expect(differing(drawn.pixels.data, ts64.pixels!)).toBe(0);
    expect(Array.from(drawn.labels.data)).toEqual(Array.from(ts64.labels!));
    expect(differing(drawn.factors.data, ts64.factors!.values)).toBe(0);

    const gray = spritesDataset({ size: 64, count: 300, seed: 3, scale: 'tanh', channels: 1 });
    const grayOut = join(dir, 'gray');
    pythonOk('sprites.py', [code, grayOut, '64', '300', '3', '1']);
    expect(differing(readTensors(`${grayOut}-drawn`).pixels.data, gray.pixels!)).toBe(0);
  });
});
