/**
 * The projects feature's slice of the one store (src/state/store.ts): whether the projects list is open,
 * and the pending "where should this go?" question (asked by commands through ui.ts, answered in a dialog).
 */
import type { StateCreator } from 'zustand';

/** New project (nothing is overwritten), into the open one (undoable), or not at all. */
export type Where = 'new' | 'replace' | 'cancel';
export interface WhereQuestion {
  /** What is coming in, as a phrase: 'the template “InfoGAN”', 'the file gan.json'. */
  what: string;
  /** The open project's name. */
  current: string;
}
export interface PendingWhere extends WhereQuestion {
  answer(w: Where): void;
}

export interface ProjectsSlice {
  projectsListOpen: boolean;
  whereQuestion: PendingWhere | null;
}
export const createProjectsSlice: StateCreator<ProjectsSlice> = () => ({
  projectsListOpen: false,
  whereQuestion: null,
});
