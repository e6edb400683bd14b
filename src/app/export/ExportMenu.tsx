/** The Export menu of the top bar: code, weights, samples and metrics out; weights back in (a menu button: see ../menuButton.ts). */
import { useRef, type ReactNode } from 'react';
import './export.css';
import { useAvailability } from './availability';
import { importWeightsCommand } from './importWeights';
import {
  exportCodeCommand,
  exportCodeZipCommand,
  exportMetricsCommand,
  exportPytorchCommand,
  exportSamplesCommand,
  exportWeightsCommand,
} from './commands';
import { useMenuButton } from '../menuButton';
import { FilePicker } from '../../ui/FilePicker';

/** A disabled item stays focusable (aria-disabled), so arrowing onto it reads out why it is disabled. */
function Item({
  id,
  label,
  hint,
  reason,
  onRun,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  reason?: string;
  onRun(): void;
}) {
  return (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        data-export={id}
        aria-disabled={Boolean(reason)}
        onClick={() => {
          if (!reason) onRun();
        }}
        title={reason}
        aria-describedby={`export-note-${id}`}
      >
        <strong>{label}</strong>
        <span id={`export-note-${id}`} data-testid={`export-note-${id}`} className={reason ? 'menu-reason' : undefined}>
          {reason ?? hint}
        </span>
      </button>
    </li>
  );
}

function ExportList({ close, pickWeights }: { close(): void; pickWeights(): void }) {
  const a = useAvailability();
  const run = (f: () => unknown) => () => {
    close();
    void f();
  };
  return (
    <>
      <Item
        id="code"
        label="Export code"
        hint="One standalone TypeScript module for @tensorflow/tfjs (same as npm run export)"
        reason={a.code}
        onRun={run(exportCodeCommand)}
      />
      <Item
        id="code-zip"
        label="Export code + package.json (zip)"
        hint="The module and a package.json: npm install, then npm run typecheck"
        reason={a.code}
        onRun={run(exportCodeZipCommand)}
      />
      <Item
        id="pytorch"
        label="PyTorch project (zip)"
        hint="The same GAN as a PyTorch project: python train.py, or torchrun on many GPUs (same as npm run export -- --target pytorch)"
        reason={a.code}
        onRun={run(exportPytorchCommand)}
      />
      <Item
        id="weights"
        label="Export weights (zip)"
        hint="generator/ and discriminator/ as tfjs layers models (model.json + weights.bin)"
        reason={a.weights}
        onRun={run(exportWeightsCommand)}
      />
      <Item
        id="import-weights"
        label="Import weights…"
        hint="A weights zip of this project: train on from it, sample from it"
        reason={a.importWeights}
        onRun={() => {
          close();
          pickWeights();
        }}
      />
      <Item
        id="samples"
        label="Export sample grid (PNG)"
        hint="The sample grid of the training panel"
        reason={a.samples}
        onRun={run(exportSamplesCommand)}
      />
      <Item
        id="metrics"
        label="Export metrics (CSV)"
        hint="step and every loss and score of the charts, one row per step"
        reason={a.metrics}
        onRun={run(exportMetricsCommand)}
      />
    </>
  );
}

export function ExportMenu() {
  const m = useMenuButton('export');
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="menu" onBlur={m.onBlur}>
      <button type="button" {...m.buttonProps}>
        Export ▾
      </button>
      {m.open && (
        <ul className="menu-list export-menu" {...m.menuProps}>
          <ExportList close={m.close} pickWeights={() => picker.current?.click()} />
        </ul>
      )}
      <FilePicker
        ref={picker}
        accept=".zip,application/zip"
        testId="import-weights-file"
        onFiles={(f) => void importWeightsCommand(f[0])}
      />
    </div>
  );
}
