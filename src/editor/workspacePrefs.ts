/**
 * How the workspace's preferences (workspaceSlice.ts, remembered per browser) are decided when they are
 * `undefined`, "decide by the window": the defaults below give the canvas at least 70% of a 1280×800
 * window and open more panels on wider screens. `useWorkspace` is the one store typed as that slice.
 */
import { useWorkspace } from '../state/store';

export { useWorkspace };

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
