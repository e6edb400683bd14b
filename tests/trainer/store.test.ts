import { afterEach, describe, expect, it } from 'vitest';
import { applyEvent, initialTraining, useTraining } from '../../src/trainer/store';
import type { StepMetrics } from '../../workers/api';

afterEach(() => useTraining.setState(initialTraining()));

const m = (step: number, v = 0.5): StepMetrics => ({
  step,
  dLoss: v,
  gLoss: v,
  dReal: v,
  dFake: v,
  dGradNorm: v,
  gGradNorm: v,
  auxLoss: 0,
  infoLoss: 0,
});
const metrics = (from: number, to: number, last = 0.5) =>
  applyEvent({
    type: 'metrics',
    metrics: Array.from({ length: to - from + 1 }, (_, i) => m(from + i, from + i === to ? last : 0.5)),
    step: to,
    stepsPerSec: 10,
    stepMs: 100,
    elapsedMs: 1000,
    probeOverhead: 0,
    probeEvery: 5,
    numTensors: 10,
  });

describe('the training store', () => {
  it('after a rollback keeps only the history up to the restored step, and clears the fault', () => {
    metrics(1, 20, NaN);
    applyEvent({ type: 'quality', step: 10, diversity: { spread: 1, neighbours: 1, samples: 256 }, ms: 5 });
    applyEvent({ type: 'quality', step: 18, diversity: { spread: 1, neighbours: 1, samples: 256 }, ms: 5 });
    applyEvent({ type: 'fault', fault: { step: 20, metric: 'dLoss', message: 'NaN', causes: [] }, rollbackStep: 15 });
    expect(useTraining.getState().rollbackStep).toBe(15);
    applyEvent({ type: 'rolledBack', step: 15 });
    const s = useTraining.getState();
    expect(s.step).toBe(15);
    expect(s.history.map((r) => r.step)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(s.history.every((r) => Number.isFinite(r.dLoss))).toBe(true);
    expect(s.quality.step).toEqual([10]);
    expect(s.quality.spread).toEqual([1]);
    expect(s.fault).toBeUndefined();
    expect(s.rollbackStep).toBeUndefined();
  });

  it("after Import weights stands at the imported run's step with empty charts (not this run's step 1)", () => {
    metrics(1, 1);
    applyEvent({ type: 'quality', step: 1, diversity: { spread: 0.1, neighbours: 0.1, samples: 256 }, ms: 5 });
    applyEvent({ type: 'imported', step: 1500 });
    const s = useTraining.getState();
    expect(s.step).toBe(1500);
    expect(s.history).toEqual([]);
    expect(s.quality.step).toEqual([]);
    metrics(1501, 1502);
    expect(useTraining.getState().history.map((r) => r.step)).toEqual([1501, 1502]);
  });

  it('shows what init is doing until the run starts', () => {
    useTraining.setState({ status: 'initializing' });
    applyEvent({ type: 'progress', message: 'starting wasm' });
    expect(useTraining.getState().progress).toBe('starting wasm');
    applyEvent({ type: 'status', status: 'running', step: 1 });
    expect(useTraining.getState().progress).toBeUndefined();
  });
});
