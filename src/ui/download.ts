/** Downloads: a blob handed to the browser as a file. */

/** Hands a blob to the browser as a download named `fileName` (Save and every Export use this). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; give it time to start.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
