/**
 * Which backend 'auto' measured fastest where only software GPUs exist, per kind of model (see
 * src/core/backend/pick.ts), kept in localStorage so the measurement runs once, not on every Train.
 * Storage that is missing or full is not an error: 'auto' just measures again.
 */
import type { BackendName } from '../core/backend/choose';

const KEY = 'ganvas.backendMemory.v1';

export function loadBackendMemory(): Record<string, BackendName> {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, BackendName>) : {};
  } catch {
    return {};
  }
}

export function saveBackendMemory(key: string, backend: BackendName): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...loadBackendMemory(), [key]: backend }));
  } catch {
    /* private mode or full: measure again next time */
  }
}
