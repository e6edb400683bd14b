/**
 * What choosing data does to the project: the dataset spec changes and the graph follows it where it can
 * (core/shapes/follow.ts), in one undoable step, with a toast saying which blocks changed.
 */
import { datasetInfo } from '../core/datasets';
import { followData } from '../core/shapes/follow';
import type { DatasetSpec } from '../core/project/types';
import type { DatasetRecord } from '../storage/datasets';
import { useEditor } from '../state/store';

export function chooseDataset(spec: DatasetSpec): void {
  const { doc, setDoc, notify } = useEditor.getState();
  const { graph, changed } = followData(doc.graph, datasetInfo(spec));
  setDoc(changed.length ? { dataset: spec, graph } : { dataset: spec });
  if (changed.length)
    notify(
      `The graph follows the data: ${changed.map((id) => `'${id}'`).join(', ')} changed to fit it (Ctrl+Z undoes)`,
    );
}

/** The spec of a kept dataset, at the project's scale. */
export function specOf(r: DatasetRecord): DatasetSpec {
  const scale = useEditor.getState().doc.dataset.scale;
  return {
    kind: 'custom',
    scale,
    name: r.name,
    shape: [...r.shape],
    numClasses: r.numClasses,
    count: r.count,
    hash: r.hash,
    ...(r.fit ? { fit: r.fit } : {}),
  };
}

export const useStoredDataset = (r: DatasetRecord): void => chooseDataset(specOf(r));
