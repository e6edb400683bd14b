/**
 * Checks on user data that come before reading: the values live in the one limits declaration
 * (core/limits.ts: dataFileBytes, expandedBytes, imagePixels, images, points, datasetDeviceBytes).
 */
import { LIMITS, fmtBytes } from '../limits';

/** Refuses a file by its size alone (a File's `size`, a stat), before anything reads it. */
export function checkFileSize(name: string, bytes: number): void {
  const l = LIMITS.dataFileBytes;
  if (bytes > l.value)
    throw new Error(
      `${name} is ${fmtBytes(bytes)}; the limit is ${fmtBytes(l.value)} of ${l.what} (${l.why}). Use fewer or smaller images, or the CLI on a subset`,
    );
}
