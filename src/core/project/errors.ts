/** Errors about a project file, with the path of the first bad field; their text is printable (core/messages.ts). */
import { printable } from '../messages';

export { pathKey, printable, quoteName, showValue } from '../messages';

/** A project file that cannot be read, with the path of the first bad field (e.g. `graph.nodes[3].type`). */
export class ProjectError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    const p = printable(path), r = printable(reason);
    super(p ? `${p}: ${r}` : r);
    this.path = p;
    this.reason = r;
    this.name = 'ProjectError';
  }
}
