/**
 * The inspector's pointer to the training settings, which are edited in one place: the training dock's
 * settings panel. It shows the setup in one line and opens the dock with the focus on the panel.
 */
import { getLoss } from '../core/losses';
import { getOptimizer } from '../core/training/optimizers';
import type { OptimizerConfig } from '../core/training/types';
import { useWorkspace } from '../editor/workspacePrefs';
import { useEditor } from '../state/store';
import { SETTINGS_PANEL_ID } from '../training-ui/SettingsPanel';

const optimizerText = (o: OptimizerConfig) => `${getOptimizer(o.type).label} ${o.learningRate}`;

/** Opens the training dock and puts the focus on its settings (their first field that can be edited now). */
export function showTrainingSettings(): void {
  useWorkspace.getState().setPrefs({ dock: true });
  // The dock renders on the next frame; then its panel can take the focus.
  requestAnimationFrame(() => {
    const panel = document.getElementById(SETTINGS_PANEL_ID);
    const field = panel?.querySelector<HTMLElement>('fieldset:not([disabled]) input, fieldset:not([disabled]) select');
    panel?.scrollIntoView({ block: 'nearest' });
    (field ?? panel)?.focus();
  });
}

export function SettingsLink() {
  const t = useEditor((s) => s.doc.training);
  return (
    <fieldset className="settings-link" data-testid="settings-link">
      <legend>Training</legend>
      <p data-testid="settings-summary">
        {getLoss(t.loss).label} · batch {t.batchSize} · G {optimizerText(t.generator)} · D{' '}
        {optimizerText(t.discriminator)}
      </p>
      <button
        type="button"
        onClick={showTrainingSettings}
        aria-controls={SETTINGS_PANEL_ID}
        title="The training settings are edited in the training dock (T)"
      >
        Training settings ▸
      </button>
    </fieldset>
  );
}
