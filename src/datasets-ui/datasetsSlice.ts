/**
 * The Datasets feature's slice of the one store (src/state/store.ts): whether its dialog and the point
 * painter are open, the list of kept datasets, and the running import's progress (ui.ts and the dialog
 * write them).
 */
import type { StateCreator } from 'zustand';
import type { DatasetRecord } from '../storage/datasets';

export interface DatasetsUi {
  open: boolean;
  drawing: boolean;
  list: DatasetRecord[] | null;
  listError?: string;
}
export interface DatasetsSlice {
  datasetsUi: DatasetsUi;
  /**
   * The running import's progress, apart from the dialog's state: the progress line writes it to the page
   * itself, without a render (the import sends a report every 250 ms at most, for as long as it decodes).
   */
  importProgress: { done: number; total: number };
}
export const createDatasetsSlice: StateCreator<DatasetsSlice> = () => ({
  datasetsUi: { open: false, drawing: false, list: null },
  importProgress: { done: 0, total: 0 },
});
