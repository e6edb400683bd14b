/**
 * A hidden file input, opened by the caller's button through `ref.current.click()`. It hands over the
 * files picked and then clears itself, so picking the same file again fires again.
 */
import type { Ref } from 'react';

interface Props {
  ref: Ref<HTMLInputElement>;
  onFiles(files: FileList): void;
  accept?: string;
  multiple?: boolean;
  /** Pick a whole folder (Chromium's webkitdirectory). */
  folder?: boolean;
  testId: string;
}

export function FilePicker({ ref, onFiles, accept, multiple, folder, testId }: Props) {
  return (
    <input
      ref={ref}
      type="file"
      hidden
      accept={accept}
      multiple={multiple}
      data-testid={testId}
      {...(folder ? { webkitdirectory: '', directory: '' } : {})}
      onChange={(e) => {
        if (e.target.files?.length) onFiles(e.target.files);
        e.target.value = '';
      }}
    />
  );
}
