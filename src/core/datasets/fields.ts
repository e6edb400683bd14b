/** Field readers shared by the dataset kinds' parsers: each names the path of a bad value. */
import { ProjectError, showValue as show } from '../messages';

const fail = (path: string, reason: string): never => {
  throw new ProjectError(path, reason);
};

export function list(v: unknown, path: string): unknown[] {
  return Array.isArray(v) ? v : fail(path, `expected a list, got ${show(v)}`);
}
export function text(v: unknown, path: string): string {
  return typeof v === 'string' ? v : fail(path, `expected text, got ${show(v)}`);
}
export function number(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(path, `expected a number, got ${show(v)}`);
}
export function wholeNumber(v: unknown, path: string, min: number, max = Infinity): number {
  const n = number(v, path);
  if (!Number.isInteger(n)) fail(path, `expected a whole number, got ${n}`);
  if (n < min) fail(path, `must be at least ${min}, got ${n}`);
  if (n > max) fail(path, `must be at most ${max}, got ${n}`);
  return n;
}
export { fail };
