/** Whether the Datasets dialog and the point painter are open, and the list of kept datasets (refreshed on change). */
import { create } from 'zustand';
import { listDatasets, type DatasetRecord } from '../storage/datasets';

interface DatasetsUi {
  open: boolean;
  drawing: boolean;
  list: DatasetRecord[] | null;
  listError?: string;
}
export const useDatasetsUi = create<DatasetsUi>(() => ({ open: false, drawing: false, list: null }));

export const showDatasets = (): void => {
  useDatasetsUi.setState({ open: true });
  void refreshDatasets();
};
export const hideDatasets = (): void => useDatasetsUi.setState({ open: false });
export const showDrawing = (): void => useDatasetsUi.setState({ drawing: true });
export const hideDrawing = (): void => useDatasetsUi.setState({ drawing: false });

export async function refreshDatasets(): Promise<void> {
  try {
    useDatasetsUi.setState({ list: await listDatasets(), listError: undefined });
  } catch (e) {
    useDatasetsUi.setState({ list: [], listError: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The running import's progress, apart from the dialog's state: the progress line writes it to the page
 * itself, without a render (the import sends a report every 250 ms at most, for as long as it decodes).
 */
export const useImportProgress = create<{ done: number; total: number }>(() => ({ done: 0, total: 0 }));
