/**
 * The workspace's slice of the one store (src/state/store.ts): how the user arranged the workspace
 * (palette and inspector open or folded, the training dock open or folded to its strip, the minimap on
 * or off) and the canvas's measured width. The four preferences are what the store persists, in
 * localStorage under `ganvas.workspace` (per browser, not per project); `undefined` means "decide by
 * the window" (workspacePrefs.ts). The canvas width is not a preference and is not remembered.
 */
import type { StateCreator } from 'zustand';

export interface Prefs {
  palette: boolean;
  inspector?: boolean;
  dock?: boolean;
  minimap?: boolean;
}
export interface WorkspaceSlice extends Prefs {
  /** The canvas's current width (px), kept by the canvas. */
  canvasWidth: number;
  setPrefs(p: Partial<Prefs>): void;
}

/** The key and the stored shape ({ state: Prefs, version: 0 }) are those of the workspace's former own store. */
export const PREFS_KEY = 'ganvas.workspace';
export const defaultPrefs = (): Prefs => ({ palette: true });
export const prefsOf = ({ palette, inspector, dock, minimap }: Prefs): Prefs => ({ palette, inspector, dock, minimap });

export const createWorkspaceSlice: StateCreator<WorkspaceSlice> = (set) => ({
  ...defaultPrefs(),
  canvasWidth: 0,
  setPrefs: (p) => set(p),
});
