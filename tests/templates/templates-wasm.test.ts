import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { TEMPLATE_IDS, loadTemplate } from '../../src/core/project/templates';
import { datasetInfo } from '../../src/core/datasets';
import { compileGraph } from '../../src/core/compile/plan';
import { TrainingSession } from '../../src/core/train/session';
import { toyDataset } from '../../src/core/data/toy2d';
import { wasmTf } from '../helpers/tf';
import type { HostDataset } from '../../src/core/data/host';

function data(shape: number[]): HostDataset {
  if (shape.length === 1) return toyDataset('ring8', 64);
  const n = 16,
    size = shape.reduce((a, b) => a * b, 1);
  return {
    name: 'synthetic',
    shape,
    count: n,
    numClasses: 10,
    values: new Float32Array(n * size).map((_, i) => Math.cos(i)),
    labels: Int32Array.from({ length: n }, (_, i) => i % 10),
  };
}

describe("every template trains on the wasm backend (with Ganvas's composed training kernels)", () => {
  for (const id of TEMPLATE_IDS) {
    it(`${id}: finite losses, no tensor leaks`, async () => {
      await wasmTf();
      const p = loadTemplate(id);
      const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, batchSize: 2, dSteps: 1 });
      if (!res.ok) throw new Error('does not compile');
      const s = new TrainingSession(tf, res.plan, data(res.plan.data.shape));
      await s.run(2);
      const before = tf.memory().numTensors;
      await s.run(2);
      expect(tf.memory().numTensors).toBe(before);
      for (const m of s.history) for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
      expect(tf.getBackend()).toBe('wasm');
      s.dispose();
    });
  }
});
