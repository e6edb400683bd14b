/** A project file that cannot be read, with the path of the first bad field (e.g. `graph.nodes[3].type`). */
export class ProjectError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'ProjectError';
  }
}
