/** The page's door to the import worker (Comlink), started on first use and kept for the session. */
import * as Comlink from 'comlink';
import type { ImporterApi } from '../../workers/importApi';

let api: Comlink.Remote<ImporterApi> | undefined;

export function importer(): Comlink.Remote<ImporterApi> {
  api ??= Comlink.wrap<ImporterApi>(
    new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'ganvas-import' }),
  );
  return api;
}
