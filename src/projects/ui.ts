/**
 * The two pieces of UI state the projects feature needs outside React: whether the projects list is
 * open, and the pending "where should this go?" question (asked by commands, answered in a dialog).
 */
import { create } from 'zustand';

export const useProjectsList = create<{ open: boolean }>(() => ({ open: false }));
export const showProjectsList = (): void => useProjectsList.setState({ open: true });
export const hideProjectsList = (): void => useProjectsList.setState({ open: false });

/** New project (nothing is overwritten), into the open one (undoable), or not at all. */
export type Where = 'new' | 'replace' | 'cancel';
export interface WhereQuestion {
  /** What is coming in, as a phrase: 'the template “InfoGAN”', 'the file gan.json'. */
  what: string;
  /** The open project's name. */
  current: string;
}
interface Pending extends WhereQuestion {
  answer(w: Where): void;
}
export const useWhereQuestion = create<{ pending: Pending | null }>(() => ({ pending: null }));

/** Asks where a project should go; a question still open is answered 'cancel' first. */
export function askWhere(q: WhereQuestion): Promise<Where> {
  useWhereQuestion.getState().pending?.answer('cancel');
  return new Promise((ok) => {
    const pending: Pending = {
      ...q,
      answer: (w) => {
        if (useWhereQuestion.getState().pending === pending) useWhereQuestion.setState({ pending: null });
        ok(w);
      },
    };
    useWhereQuestion.setState({ pending });
  });
}
