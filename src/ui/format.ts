/** How numbers and shapes read on the canvas: short, without the batch axis. */
import type { Shape } from '../core/blocks';

/** [7, 7, 256] -> "7×7×256"; unknown -> "?". */
export const shapeText = (s: Shape | undefined): string => (s ? (s.length ? s.join('×') : 'scalar') : '?');

/** 1234 -> "1.23k", 2330944 -> "2.33M". */
export function compact(n: number): string {
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [v, u] of units) if (n >= v) return `${+(n / v).toPrecision(3)}${u}`;
  return String(n);
}
