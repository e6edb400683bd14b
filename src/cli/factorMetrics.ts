/**
 * `--metrics` for data with known factors (the sprites): at every sample point, the factors of n generated
 * samples measured from their pixels — class coverage, and for InfoGAN the categorical code against the
 * class and each continuous code's mutual information with each factor — as a `{ step, factors }` line in
 * metrics.jsonl; once, a `{ step: 0, realFactors }` line with the same measurement of real samples.
 */
import { appendFileSync } from 'node:fs';
import type * as tfNs from '@tensorflow/tfjs';
import { getDatasetKind } from '../core/datasets';
import { hostRange, type HostDataset } from '../core/data/host';
import type { DatasetSpec } from '../core/project/types';
import { describeFactorQuality, factorQuality, type FactorQuality } from '../core/quality/factors';
import { measureFactors } from '../core/quality/factorMeter';
import type { TrainingSession } from '../core/train/session';

const rounded = (q: FactorQuality) =>
  JSON.parse(JSON.stringify(q, (_, v) => (typeof v === 'number' ? +v.toPrecision(4) : v))) as FactorQuality;

export interface FactorMetricsWriter {
  write(session: TrainingSession): Promise<string>;
}

/** undefined when the dataset's kind has no known factors. */
export function factorMetricsWriter(
  tf: typeof tfNs,
  spec: DatasetSpec,
  host: HostDataset,
  jsonl: string,
  samples: number,
): FactorMetricsWriter | undefined {
  const model = getDatasetKind(spec.kind).factors;
  if (!model) return undefined;
  const n = Math.min(samples, host.count);
  const real = factorQuality({
    measured: model.measure(hostRange(host, 0, n), n, spec.scale),
    names: model.names,
    classes: model.classes.length,
  });
  appendFileSync(jsonl, `${JSON.stringify({ step: 0, realFactors: rounded(real) })}\n`);
  console.log(`factors of ${n} real samples (the target): ${describeFactorQuality(real, model.classes)}`);
  return {
    async write(session) {
      const q = (await measureFactors(tf, session, model, spec.scale, samples))!;
      appendFileSync(jsonl, `${JSON.stringify({ step: session.step, factors: rounded(q) })}\n`);
      return `factors at step ${session.step}: ${describeFactorQuality(q, model.classes)}`;
    },
  };
}
