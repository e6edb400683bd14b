/// <reference lib="webworker" />
/**
 * The import worker: users' files are read, decoded and resized here, never on the page, so the page
 * stays responsive (no main-thread task over 50 ms while 10,000 images decode). Images are decoded by the
 * browser (createImageBitmap, then their pixels from an OffscreenCanvas) with no colour conversion and no
 * premultiplied alpha, so the bytes are the file's, as the CLI's PNG decoder reads them.
 */
import * as Comlink from 'comlink';
import type { DecodedImage } from '../src/core/data/images';
import { Importer } from './importer';

let canvas: OffscreenCanvas | undefined;

async function decode(name: string, bytes: Uint8Array): Promise<DecodedImage> {
  let bmp: ImageBitmap;
  try {
    bmp = await createImageBitmap(new Blob([bytes as BlobPart]), {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
  } catch (e) {
    throw new Error(
      `not a readable ${/\.png$/i.test(name) ? 'PNG' : 'JPEG'} image (${(e as Error).message || 'the browser could not decode it'})`,
    );
  }
  try {
    if (!canvas || canvas.width < bmp.width || canvas.height < bmp.height)
      canvas = new OffscreenCanvas(Math.max(bmp.width, canvas?.width ?? 0), Math.max(bmp.height, canvas?.height ?? 0));
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.clearRect(0, 0, bmp.width, bmp.height);
    g.drawImage(bmp, 0, 0);
    const img = g.getImageData(0, 0, bmp.width, bmp.height);
    return { name, width: bmp.width, height: bmp.height, rgba: img.data };
  } finally {
    bmp.close();
  }
}

Comlink.expose(new Importer(decode));
