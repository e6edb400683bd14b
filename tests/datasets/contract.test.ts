/**
 * The dataset-kind registry's contract: every kind's example reads back unchanged through the project
 * file, what `info` promises is what `load` gives, fields of other kinds are refused with their path,
 * and the quality hooks a kind declares work on its data.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASET_KINDS, datasetInfo, loadDataset } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import { parseProject, serializeProject } from '../../src/core/project/schema';
import { hostRange, type HostDataset } from '../../src/core/data/host';

const sources = {
  mnistBytes: async () => readFileSync(resolve('public/data/mnist-10k.bin')),
  /** What an import gives: here 5 random 32×32 RGB images in 4 classes, like the 'custom' example. */
  custom: async (): Promise<HostDataset> => ({
    name: 'sketches',
    shape: [32, 32, 3],
    count: 5,
    numClasses: 4,
    values: new Float32Array(5 * 32 * 32 * 3).fill(0.5),
    labels: Int32Array.from([0, 1, 2, 3, 0]),
  }),
};

describe('every dataset kind in the registry', () => {
  for (const kind of DATASET_KINDS) {
    it(`${kind.id}: its example reads back unchanged through a project file`, () => {
      const p = { ...loadTemplate('gan-2d-ring'), dataset: kind.example };
      expect(parseProject(serializeProject(p)).dataset).toEqual(kind.example);
    });

    it(`${kind.id}: loads data of the shape and classes it promises`, async () => {
      const host = await loadDataset(kind.example, sources);
      const info = datasetInfo(kind.example);
      expect(host.shape).toEqual(info.shape);
      expect(host.numClasses).toBe(info.numClasses);
      const all = hostRange(host, 0, host.count);
      expect(all.length).toBe(host.count * info.shape.reduce((a, b) => a * b, 1));
      expect(all.every(Number.isFinite)).toBe(true);
      if (kind.modes) expect(kind.modes(kind.example).modes.length).toBeGreaterThanOrEqual(2);
    });

    if (kind.factors) {
      it(`${kind.id}: its factor measurement reads the class of its own samples back from their pixels`, async () => {
        const host = await loadDataset(kind.example, sources);
        const n = Math.min(100, host.count),
          f = kind.factors!;
        const m = f.measure(hostRange(host, 0, n), n, kind.example.scale);
        expect(m).toHaveLength(n * f.names.length);
        expect(f.circular).toHaveLength(f.names.length);
        expect(host.factors?.names).toEqual(f.names);
        let same = 0;
        for (let i = 0; i < n; i++) if (m[i * f.names.length] === host.labels![i]) same++;
        expect(same / n).toBeGreaterThan(0.9);
        expect(f.classes).toHaveLength(host.numClasses);
      });
    }

    it(`${kind.id}: a field it does not have is refused with its path`, () => {
      const p = { ...loadTemplate('gan-2d-ring'), dataset: { ...kind.example, colour: 'blue' } };
      expect(() => parseProject(p)).toThrow(`dataset.colour: a '${kind.id}' dataset has no field 'colour'`);
    });
  }
});
