/** Saves what the explorer shows as a PNG download: the image grid enlarged crisply, or the 2-D plot at 768 px. */
import type { ExploreResult } from '../core/explore';
import { downloadBlob } from '../ui/download';
import { samplePng } from '../ui/samplePng';
import { drawPoints } from './drawPoints';

function pointsPng(r: ExploreResult, size = 768): Promise<Blob> {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  drawPoints(c.getContext('2d')!, size, r);
  return new Promise((ok, fail) =>
    c.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}

export const pngName = (r: ExploreResult): string => `ganvas-${r.request.kind}-step${r.step}.png`;

export async function saveExplorationPng(r: ExploreResult): Promise<void> {
  downloadBlob(await (r.tile ? samplePng(r.tile) : pointsPng(r)), pngName(r));
}
