/**
 * The layer view's slice of the one store (src/state/store.ts): the sample followed through G and D, which
 * sample it is, and whether the view is open. traceStore.ts keeps the trace fresh; the views read it.
 */
import type { StateCreator } from 'zustand';
import type { SampleTrace } from '../../workers/api';

export interface TraceSlice {
  trace?: SampleTrace;
  /** Which sample of the fixed latent batch to follow. */
  traceSample: number;
  /** The layer view (G and D side by side) is open. */
  layerView: boolean;
}
export const createTraceSlice: StateCreator<TraceSlice> = () => ({
  trace: undefined,
  traceSample: 0,
  layerView: false,
});
