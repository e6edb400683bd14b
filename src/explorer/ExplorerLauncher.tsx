/** The training panel's door to the latent explorer: a button (disabled until models exist) and the dialog. */
import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ExplorerDialog, useModelsReady } from './ExplorerDialog';

/** `onResume` resumes the paused run (the app shell hands in the training UI's action). */
export function ExplorerLauncher({ onResume }: { onResume(): void }) {
  const ready = useModelsReady();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <div className="explorer-launcher">
      <button
        type="button"
        ref={button}
        data-testid="explorer-open"
        disabled={!ready}
        onClick={() => setOpen(true)}
        aria-describedby={ready ? undefined : 'explorer-hint'}
      >
        ✦ Latent explorer
      </button>
      {!ready && (
        <div id="explorer-hint" className="muted">
          Train or step once first
        </div>
      )}
      {/* On the body: the dock's layout and styles must not reach into the dialog. */}
      {open && createPortal(<ExplorerDialog onClose={close} onResume={onResume} />, document.body)}
    </div>
  );
}
