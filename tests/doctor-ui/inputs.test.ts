import { describe, expect, it } from 'vitest';
import { classPoints, imageDiversityPoints, labelPoints, layerSeries } from '../../src/doctor-ui/inputs';
import { byNodeOf } from '../../src/doctor-ui/doctorSlice';
import type { ActivationTile } from '../../src/core/train/tiles';
import type { Finding } from '../../src/core/doctor/finding';

describe("the live doctor's inputs from the training store", () => {
  it('judges ReLU nodes by dead units, tanh/sigmoid by saturation, and leaves out the outputs', () => {
    const tile = (activation?: string) => ({ activation }) as ActivationTile;
    const pts = [{ step: 10, mean: 0, std: 1, dead: 0.7, saturated: 0 }];
    const s = layerSeries(
      {
        tiles: { a: tile('relu'), b: tile('tanh'), c: tile('tanh'), d: tile() },
        statHistory: { a: pts, b: pts, c: pts, d: pts },
      },
      ['c'],
    );
    expect(s.map((x) => [x.nodeId, x.kind])).toEqual([
      ['a', 'relu'],
      ['b', 'squashing'],
      ['c', 'other'],
      ['d', 'other'],
    ]);
  });

  it('marks each node with its worst finding', () => {
    const f = (id: Finding['id'], severity: Finding['severity'], nodes: string[]) => ({
      id,
      severity,
      nodes,
      since: 1,
      title: id,
      explanation: '',
      suggestion: '',
    });
    const m = byNodeOf([
      f('discriminatorWins', 'warning', ['d_head', 'g_out']),
      f('poorCoverage', 'critical', ['g_out']),
    ]);
    expect(m).toEqual({
      d_head: { severity: 'warning', titles: ['discriminatorWins'] },
      g_out: { severity: 'critical', titles: ['discriminatorWins', 'poorCoverage'] },
    });
  });

  it('reads class coverage where the classifier measured and pixel diversity where it was measured', () => {
    const nan = NaN;
    const q = {
      step: [100, 200, 300],
      score: [1, nan, 2],
      coverage: [1, nan, 3],
      confidence: [0.5, nan, 0.6],
      confident: [0.2, nan, 0.3],
      fd: [500, nan, 400],
      codeAccuracy: [nan, nan, nan],
      classAgreement: [nan, nan, nan],
      spread: [0.1, 0.2, nan],
      neighbours: [0.01, 0.02, nan],
      real: undefined,
    };
    expect(classPoints(q)).toEqual([
      { step: 100, coverage: 1, classes: 10 },
      { step: 300, coverage: 3, classes: 10 },
    ]);
    expect(imageDiversityPoints(q)).toEqual([
      { step: 100, spread: 0.1, neighbours: 0.01 },
      { step: 200, spread: 0.2, neighbours: 0.02 },
    ]);
    expect(labelPoints(q)).toEqual([]);
    expect(labelPoints({ ...q, classAgreement: [0.1, nan, 0.5] })).toEqual([
      { step: 100, agreement: 0.1 },
      { step: 300, agreement: 0.5 },
    ]);
  });
});
