/**
 * Up-only migrations of the project file. Each entry turns version N into N + 1; a file from a newer
 * Ganvas is refused rather than half-read.
 */
import { PROJECT_VERSION } from './types';
import { ProjectError, showValue } from '../messages';

type Raw = Record<string, unknown>;

/** MIGRATIONS[n] upgrades a version-n file. Version 0 was the pre-release format without `description`. */
const MIGRATIONS: Record<number, (p: Raw) => Raw> = {
  0: (p) => ({ ...p, description: p.description === undefined ? '' : p.description, version: 1 }),
};

/** A file without `version` is version 0; `version: null` (or any other non-whole number) is refused, not read as 0. */
export function migrate(p: Raw): Raw {
  const given = p.version === undefined ? 0 : p.version;
  if (typeof given !== 'number' || !Number.isInteger(given) || given < 0) {
    throw new ProjectError(
      'version',
      `expected a whole number (${PROJECT_VERSION} for this Ganvas), got ${showValue(given)}`,
    );
  }
  let version = given;
  if (version > PROJECT_VERSION) {
    throw new ProjectError(
      'version',
      `this file was made by a newer Ganvas (format ${version}; this one reads up to ${PROJECT_VERSION})`,
    );
  }
  let out = p;
  while (version < PROJECT_VERSION) {
    out = MIGRATIONS[version](out);
    version = out.version as number;
  }
  return out;
}
