/**
 * How the user arranged the workspace: palette and inspector open or folded, the training dock open or
 * folded to its strip, the minimap on or off. Remembered in localStorage (per browser, not per project).
 * `undefined` means "decide by the window": the defaults below give the canvas at least 70% of a
 * 1280×800 window and open more panels on wider screens.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/**
 * From this window width the open training dock sits beside the canvas (and opens by default): from
 * here the canvas beside a 420 px dock is still as wide as at 1280 px with the dock below (~1060 px).
 */
export const DOCK_WIDE = 1720;
/** From this window width the inspector shows the project settings while nothing is selected (more with the dock beside). */
export const INSPECTOR_WIDE = 1440;
export const INSPECTOR_WIDE_WITH_DOCK = 2000;
/** From this canvas width the minimap is on by default. */
export const MINIMAP_WIDE = 1400;

export interface WorkspacePrefs {
  palette: boolean;
  inspector?: boolean;
  dock?: boolean;
  minimap?: boolean;
  setPrefs(p: Partial<Omit<WorkspacePrefs, 'setPrefs'>>): void;
}

export const useWorkspace = create<WorkspacePrefs>()(
  persist((set) => ({ palette: true, setPrefs: (p) => set(p) }), {
    name: 'ganvas.workspace',
    partialize: ({ palette, inspector, dock, minimap }) => ({ palette, inspector, dock, minimap }),
  }),
);

/** The inspector folded to its rail unless asked for, a selection wants it, or the window is wide. */
export const inspectorOpen = (
  pref: boolean | undefined,
  selected: boolean,
  windowWidth: number,
  dockIsBeside = false,
): boolean => pref ?? (selected || windowWidth >= (dockIsBeside ? INSPECTOR_WIDE_WITH_DOCK : INSPECTOR_WIDE));
export const dockOpen = (pref: boolean | undefined, windowWidth: number): boolean => pref ?? windowWidth >= DOCK_WIDE;
export const dockBeside = (windowWidth: number): boolean => windowWidth >= DOCK_WIDE;
export const minimapOn = (pref: boolean | undefined, canvasWidth: number): boolean =>
  pref ?? canvasWidth >= MINIMAP_WIDE;

/** The canvas's current width (px), kept by the canvas: not a preference, not remembered. */
export const useCanvasWidth = create<{ width: number }>(() => ({ width: 0 }));
