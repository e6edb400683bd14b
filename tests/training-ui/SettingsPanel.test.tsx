// @vitest-environment jsdom
/** The one training settings panel: every applicable setting from its declaration, grouped; edits go to the project. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPanel } from '../../src/training-ui/SettingsPanel';
import { applicableSettings, TRAINING_SETTINGS } from '../../src/core/training/settings';
import { undo, useEditor } from '../../src/state/store';
import { initialTraining, useTraining } from '../../src/trainer/store';
import { resetEditor } from '../state/resetEditor';

beforeEach(resetEditor);
afterEach(() => {
  cleanup();
  useTraining.setState(initialTraining());
});

const training = () => useEditor.getState().doc.training;
const group = (name: string) => screen.getByRole('group', { name });

test('every setting that applies, in three groups, labelled and limited by its declaration', () => {
  render(<SettingsPanel />);
  const shown = applicableSettings(training());
  expect(shown.length).toBeGreaterThan(12);
  for (const s of shown) expect(screen.getByLabelText(s.label)).toBeDefined();
  expect(within(group('Training')).getByLabelText('Batch size')).toBeDefined();
  expect(within(group('G optimizer')).getByLabelText('G learning rate')).toBeDefined();
  expect(within(group('D optimizer')).getByLabelText('D β1')).toBeDefined();
  // Not shown: the gradient-penalty weight (the loss has none).
  expect(TRAINING_SETTINGS.length).toBe(shown.length + 1);
  expect(screen.queryByLabelText('Gradient penalty weight')).toBeNull();
  const batch = screen.getByLabelText('Batch size') as HTMLInputElement;
  expect([batch.min, batch.max, batch.dataset.testid]).toEqual(['1', '4096', 'hp-batch']);
  expect((screen.getByLabelText('Loss') as HTMLSelectElement).selectedOptions[0].text).toBe('Non-saturating BCE');
  expect(screen.getByTestId('hp-lr-G')).toBe(screen.getByLabelText('G learning rate'));
  expect(screen.getByTestId('hp-lr-D')).toBe(screen.getByLabelText('D learning rate'));
});

test('edits go to the project (undoable); a setting that starts to apply appears', async () => {
  render(<SettingsPanel />);
  await userEvent.selectOptions(screen.getByLabelText('Loss'), 'wgan-gp');
  expect(training().loss).toBe('wgan-gp');
  expect(screen.getByLabelText('Gradient penalty weight')).toBeDefined();
  await userEvent.selectOptions(screen.getByLabelText('G optimizer'), 'sgd');
  expect(training().generator.type).toBe('sgd');
  expect(screen.queryByLabelText('G β1')).toBeNull(); // SGD has no betas
  const lr = screen.getByLabelText('D learning rate');
  await userEvent.clear(lr);
  await userEvent.type(lr, '0.0005');
  expect(training().discriminator.learningRate).toBe(0.0005);
  act(() => {
    while (useEditor.temporal.getState().pastStates.length) undo();
  });
  expect(training().loss).toBe('nsgan');
  expect((screen.getByLabelText('D learning rate') as HTMLInputElement).value).toBe(
    String(training().discriminator.learningRate),
  );
});

test('a value out of range is explained inline and not applied', async () => {
  render(<SettingsPanel />);
  const lr = screen.getByLabelText('G learning rate');
  const before = training().generator.learningRate;
  await userEvent.clear(lr);
  await userEvent.paste('1e30');
  expect(screen.getByRole('alert').textContent).toBe('G learning rate must be at most 10, got 1e+30');
  expect(lr.getAttribute('aria-invalid')).toBe('true');
  expect(lr.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
  expect(training().generator.learningRate).toBe(before);
  const batch = screen.getByTestId('hp-batch');
  await userEvent.clear(batch);
  await userEvent.paste('5000');
  expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Batch size must be at most 4096, got 5000');
  expect(training().batchSize).toBe(64);
});

test('each field is described by its help and range (shown under it while it has the focus, and as its tooltip)', async () => {
  render(<SettingsPanel />);
  const seed = screen.getByLabelText('Seed');
  const help = document.getElementById(seed.getAttribute('aria-describedby')!)!;
  expect(help.textContent).toBe(
    'Seeds the initial weights, the batches and the latents: the same project and seed train identically. Range 0 – 2147483647.',
  );
  expect(screen.getByText('Seed').getAttribute('title')).toBe(help.textContent);
  // Reachable from the keyboard, in panel order.
  await userEvent.click(screen.getByLabelText('Loss'));
  await userEvent.tab();
  expect(document.activeElement).toBe(screen.getByLabelText('Batch size'));
});

test('locked with the reason while training runs; editable, and said to apply on resume, while paused', () => {
  render(<SettingsPanel />);
  expect(screen.getByTestId('settings-panel').getAttribute('data-locked')).toBe('false');
  act(() => useTraining.setState({ status: 'running' }));
  for (const name of ['Training', 'G optimizer', 'D optimizer'])
    expect((group(name) as HTMLFieldSetElement).disabled).toBe(true);
  expect(screen.getByTestId('settings-note').textContent).toBe(
    'Training is running: pause it to change the settings (they apply when you resume).',
  );
  expect(group('Training').getAttribute('aria-describedby')).toBe('settings-note');
  act(() => useTraining.setState({ status: 'paused' }));
  expect((group('Training') as HTMLFieldSetElement).disabled).toBe(false);
  expect(screen.getByTestId('settings-note').textContent).toBe('Changes apply to the paused run when you resume.');
});

test('shows what Train would build at the chosen batch, updated as the batch changes', async () => {
  render(<SettingsPanel />);
  const est = screen.getByTestId('train-estimate');
  expect(est.textContent).toBe('G 2.33M · D 213k params · ~154 MB at batch 64');
  const batch = screen.getByTestId('hp-batch');
  await userEvent.clear(batch);
  await userEvent.type(batch, '2048');
  expect(est.textContent).toBe('G 2.33M · D 213k params · ~3.6 GB at batch 2048');
  expect(est.className).toContain('over-limit');
});
