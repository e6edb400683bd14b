/**
 * Which stored project this tab edits and how its write-through stands: the state persistence.ts writes
 * (it alone: every write is a whole project in one IndexedDB transaction) and the status bar reads.
 */
import type { StateCreator } from 'zustand';
import type { ProjectRecord } from '../storage/records';

/** The open project's record, less its text (the editor holds the content). */
export type OpenProject = Omit<ProjectRecord, 'text'>;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';
export interface SaveState {
  status: SaveStatus;
  /** When the last write completed, and how long it took from the change (ms) and how big it was. */
  at?: number;
  ms?: number;
  bytes?: number;
  error?: string;
}

export interface OpenProjectSlice {
  openProject: OpenProject | null;
  saveStatus: SaveState;
}

export const createOpenProjectSlice: StateCreator<OpenProjectSlice> = () => ({
  openProject: null,
  saveStatus: { status: 'idle' },
});
