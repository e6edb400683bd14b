/**
 * Opening and closing the Datasets dialog and the point painter, and refreshing the list of kept datasets
 * (on change): the commands on the feature's slice of the one store (datasetsSlice.ts).
 */
import { useGanvas } from '../state/store';
import { listDatasets } from '../storage/datasets';
import type { DatasetsUi } from './datasetsSlice';

const setUi = (p: Partial<DatasetsUi>): void => {
  useGanvas.setState((s) => ({ datasetsUi: { ...s.datasetsUi, ...p } }));
};

export const showDatasets = (): void => {
  setUi({ open: true });
  void refreshDatasets();
};
export const hideDatasets = (): void => setUi({ open: false });
export const showDrawing = (): void => setUi({ drawing: true });
export const hideDrawing = (): void => setUi({ drawing: false });

export async function refreshDatasets(): Promise<void> {
  try {
    setUi({ list: await listDatasets(), listError: undefined });
  } catch (e) {
    setUi({ list: [], listError: e instanceof Error ? e.message : String(e) });
  }
}
