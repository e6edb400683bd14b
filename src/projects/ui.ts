/**
 * The projects feature's commands on its slice of the one store (projectsSlice.ts): opening and closing
 * the projects list, and asking where a project should go (answered in WhereDialog).
 */
import { useGanvas } from '../state/store';
import type { PendingWhere, Where, WhereQuestion } from './projectsSlice';

export type { Where, WhereQuestion } from './projectsSlice';

export const showProjectsList = (): void => {
  useGanvas.setState({ projectsListOpen: true });
};
export const hideProjectsList = (): void => {
  useGanvas.setState({ projectsListOpen: false });
};

/** Asks where a project should go; a question still open is answered 'cancel' first. */
export function askWhere(q: WhereQuestion): Promise<Where> {
  useGanvas.getState().whereQuestion?.answer('cancel');
  return new Promise((ok) => {
    const pending: PendingWhere = {
      ...q,
      answer: (w) => {
        if (useGanvas.getState().whereQuestion === pending) useGanvas.setState({ whereQuestion: null });
        ok(w);
      },
    };
    useGanvas.setState({ whereQuestion: pending });
  });
}
