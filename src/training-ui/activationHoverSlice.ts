/** Which node's tile the pointer rests on, and where (activationHover.ts writes it after a short delay). */
import type { StateCreator } from 'zustand';

export interface HoverState {
  nodeId?: string;
  anchor?: { left: number; top: number; right: number; bottom: number };
}
export interface ActivationHoverSlice {
  activationHover: HoverState;
}
export const createActivationHoverSlice: StateCreator<ActivationHoverSlice> = () => ({ activationHover: {} });
