// @vitest-environment jsdom
import { afterEach, expect, test } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { applyEvent, initialTraining, useTraining } from '../../src/trainer/store';
import { QualityChart } from '../../src/training-ui/QualityChart';
import type { MnistQuality } from '../../workers/api';

afterEach(() => {
  cleanup();
  useTraining.setState(initialTraining());
});

const quality = (score: number, fd: number, codeAccuracy?: number, confident = 0.6): MnistQuality => ({
  samples: 256,
  classifierScore: score,
  confidence: 0.8,
  confident,
  coverage: Math.round(score),
  classShares: new Array(10).fill(0.1),
  fd,
  codeAccuracy,
});

test('shows nothing before the first measurement, then the quality history and the real digits as the target', () => {
  const { container } = render(<QualityChart />);
  expect(container.innerHTML).toBe('');
  act(() => applyEvent({ type: 'quality', step: 40, quality: quality(1.5, 300), real: quality(9.6, 1.2), ms: 50 }));
  act(() => applyEvent({ type: 'quality', step: 90, quality: quality(4.2, 80), ms: 40 }));
  expect(useTraining.getState().quality).toMatchObject({
    step: [40, 90],
    score: [1.5, 4.2],
    fd: [300, 80],
    coverage: [2, 4],
  });
  expect(screen.getByTestId('chart-Sample quality').getAttribute('data-points')).toBe('2');
  expect(screen.getByTestId('chart-Frechet distance').textContent).toContain('FD 80');
  // The real digits' values stay from the first report.
  expect(screen.getByTestId('quality-charts').textContent).toMatch(
    /real digits: score 9\.60, 10\/10 classes, 60% sure, FD 1\.2/,
  );
  expect(screen.queryByText(/code acc/)).toBeNull();
});

test('adds the InfoGAN code accuracy when the run has a categorical code', () => {
  render(<QualityChart />);
  act(() => applyEvent({ type: 'quality', step: 10, quality: quality(2, 200, 0.35), ms: 50 }));
  expect(screen.getByTestId('chart-Sample quality').textContent).toContain('code acc. ×10 3.50');
});

test('charts the pixel diversity with the classifier metrics on MNIST, and alone on imported images', () => {
  render(<QualityChart />);
  act(() =>
    applyEvent({
      type: 'quality',
      step: 10,
      quality: quality(2, 200),
      diversity: { spread: 0.3, neighbours: 0.2, samples: 256 },
      ms: 50,
    }),
  );
  expect(screen.getByTestId('chart-Diversity (real images = 1)').textContent).toMatch(/spread 0\.30.*neighbours 0\.20/);
  expect(screen.getByTestId('quality-charts').textContent).toMatch(/diversity: spread = mean distance/);
  cleanup();
  useTraining.setState(initialTraining());
  render(<QualityChart />);
  // An imported set: no reference classifier, so no score, classes or FD charts (not a row of NaNs).
  act(() =>
    applyEvent({ type: 'quality', step: 10, diversity: { spread: 0.9, neighbours: 0.8, samples: 256 }, ms: 20 }),
  );
  act(() =>
    applyEvent({ type: 'quality', step: 20, diversity: { spread: 0.85, neighbours: 0.7, samples: 256 }, ms: 20 }),
  );
  expect(screen.getByTestId('chart-Diversity (real images = 1)').getAttribute('data-points')).toBe('2');
  expect(screen.queryByTestId('chart-Sample quality')).toBeNull();
  expect(screen.queryByTestId('chart-Frechet distance')).toBeNull();
  expect(screen.queryByText(/real digits/)).toBeNull();
});

test('marks the step where the samples first read as digits (>= 9 classes at >= 3%, >= 70% sure), with its training time', () => {
  render(<QualityChart />);
  act(() => useTraining.setState({ elapsedMs: 61_000 }));
  act(() => applyEvent({ type: 'quality', step: 300, quality: quality(6, 60, undefined, 0.55), ms: 50 }));
  expect(screen.getByTestId('quality-first-digits').textContent).toMatch(/Not digits yet/);
  expect(screen.getByTestId('chart-Sample quality').getAttribute('data-marker')).toBeNull();
  // Every class at 10%, 75% sure: passes; later measurements (even worse ones) keep the first pass.
  act(() => useTraining.setState({ elapsedMs: 125_000 }));
  act(() => applyEvent({ type: 'quality', step: 450, quality: quality(8, 30, undefined, 0.75), ms: 50 }));
  act(() => useTraining.setState({ elapsedMs: 140_000 }));
  act(() => applyEvent({ type: 'quality', step: 500, quality: quality(8, 30, undefined, 0.5), ms: 50 }));
  expect(useTraining.getState().quality.firstDigits).toEqual({ step: 450, elapsedMs: 125_000 });
  expect(screen.getByTestId('quality-first-digits').textContent).toBe(
    '✔ Drawing digits since step 450 (2:05 of training)',
  );
  expect(screen.getByTestId('chart-Sample quality').getAttribute('data-marker')).toBe('450');
  expect(screen.getByTestId('chart-Sample quality').textContent).toContain('sure ×10 5.00');
});

test('a conditional GAN charts how often the classifier sees the asked-for class', () => {
  render(<QualityChart />);
  act(() => applyEvent({ type: 'quality', step: 10, quality: { ...quality(2, 200), classAgreement: 0.42 }, ms: 50 }));
  expect(screen.getByTestId('chart-Sample quality').textContent).toContain('asked class ×10 4.20');
});
