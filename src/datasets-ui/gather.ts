/**
 * Files from what the user dropped or picked, each with its path under what was chosen (a dropped folder
 * keeps its subfolders: they are the classes). Folders are walked with the browser's entry API; nothing is
 * read here (the import worker reads the files), so this stays quick on the main thread.
 */
import type { ImportSource } from '../../workers/importApi';

type Entry = FileSystemEntry;
const isFile = (e: Entry): e is FileSystemFileEntry => e.isFile;
const isDir = (e: Entry): e is FileSystemDirectoryEntry => e.isDirectory;

function fileOf(e: FileSystemFileEntry): Promise<File> {
  return new Promise((ok, fail) => e.file(ok, fail));
}

/** Every entry of a folder (readEntries returns them in batches of up to 100). */
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader(),
    all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(e: Entry, prefix: string, out: ImportSource[]): Promise<void> {
  const path = prefix ? `${prefix}/${e.name}` : e.name;
  if (isFile(e)) out.push({ path, file: await fileOf(e) });
  else if (isDir(e)) for (const child of await entriesOf(e)) await walk(child, path, out);
}

/** What a drop holds: files and folders (walked); a name for the dataset (the folder's or file's name). */
export async function fromDrop(dt: DataTransfer): Promise<{ name: string; sources: ImportSource[] }> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is Entry => Boolean(e));
  const sources: ImportSource[] = [];
  if (entries.length) for (const e of entries) await walk(e, '', sources);
  else for (const f of dt.files) sources.push({ path: f.name, file: f });
  return { name: nameOf(entries.length === 1 ? entries[0].name : (sources[0]?.path ?? 'data')), sources };
}

/** What a file input gave: files with their folder paths when a folder was picked. */
export function fromInput(files: FileList): { name: string; sources: ImportSource[] } {
  const sources = [...files].map((f) => ({
    path: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
    file: f as Blob,
  }));
  const top = sources[0]?.path.split('/')[0] ?? 'data';
  return {
    name: nameOf(sources.length === 1 || !sources[0]?.path.includes('/') ? (sources[0]?.path ?? 'data') : top),
    sources,
  };
}

/** A dataset's name from a file or folder name: without its extension(s). */
export const nameOf = (path: string): string =>
  path.replace(/^.*\//, '').replace(/(\.(zip|gz|idx\d?-ubyte|idx|csv|tsv|txt|npy|png|jpe?g))+$/i, '') || 'data';
