/** The dock strip's sparkline: the latest values of D's and G's losses on one shared scale. */
import { expect, test } from 'vitest';
import { sparkPoints } from '../../src/training-ui/sparkline';

test('both series on one scale, oldest at x = 0, highest at the top, NaN skipped', () => {
  const [d, g] = sparkPoints(
    [
      [0, 1, 2],
      [2, NaN, 4],
    ],
    100,
    22,
  );
  expect(d).toBe('0.0,21.0 50.0,16.0 100.0,11.0');
  expect(g).toBe('0.0,11.0 100.0,1.0');
  expect(sparkPoints([[]], 100, 22)).toEqual(['']);
  expect(sparkPoints([Array.from({ length: 500 }, (_, i) => i)], 10, 10, 200)[0].split(' ')).toHaveLength(200);
});
