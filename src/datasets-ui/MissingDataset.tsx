/**
 * A project whose imported dataset is not in this browser (opened from a file, a link or another
 * browser's autosave) opens anyway; this line says which dataset to load, with the button to do it.
 */
import { useEffect, useState } from 'react';
import { describeImported } from '../core/datasets/custom';
import { getDatasetRecord } from '../storage/datasets';
import { useEditor } from '../state/store';
import { useGanvas } from '../state/store';
import { showDatasets } from './ui';

export function MissingDataset() {
  const dataset = useEditor((s) => s.doc.dataset);
  const list = useGanvas((s) => s.datasetsUi.list);
  const [missing, setMissing] = useState(false);
  const hash = dataset.kind === 'custom' ? dataset.hash : undefined;
  useEffect(() => {
    let live = true;
    if (dataset.kind !== 'custom') {
      setMissing(false);
      return;
    }
    if (!hash) {
      setMissing(true);
      return;
    }
    getDatasetRecord(hash).then(
      (r) => {
        if (live) setMissing(!r);
      },
      () => {
        if (live) setMissing(true);
      },
    );
    return () => {
      live = false;
    };
  }, [dataset.kind, hash, list]);
  if (!missing) return null;
  return (
    <div className="missing-dataset" role="status" data-testid="missing-dataset">
      <span>This project trains on {describeImported(dataset)}, which is not in this browser.</span>
      <button type="button" onClick={showDatasets}>
        Load it…
      </button>
    </div>
  );
}
