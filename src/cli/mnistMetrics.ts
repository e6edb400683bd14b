/**
 * `--metrics` for MNIST runs: at every sample point, the reference classifier's view of n generated
 * digits (classifier score, confidence, coverage, Frechet distance in its feature space, InfoGAN code
 * accuracy) as a `{ step, quality }` line in metrics.jsonl, plus one `{ step: 0, realQuality }` line
 * with the same metrics on n real digits: the values a perfect generator would get at this n.
 */
import { appendFileSync } from 'node:fs';
import type * as tfNs from '@tensorflow/tfjs';
import type { HostDataset } from '../core/data/host';
import type { DatasetSpec } from '../core/project/types';
import { MnistQualityMeter, mnistQualityApplies, type MnistQuality } from '../core/quality/mnistQuality';
import { loadShippedClassifier } from '../core/quality/shippedClassifier';
import type { TrainingSession } from '../core/train/session';

export function describeMnistQuality(q: MnistQuality): string {
  const code = q.codeAccuracy === undefined ? '' : `, code accuracy ${(q.codeAccuracy * 100).toFixed(1)}%`;
  const asked = q.classAgreement === undefined ? '' : `, asked-for class ${(q.classAgreement * 100).toFixed(1)}%`;
  return `classifier score ${q.classifierScore.toFixed(2)}, confidence ${q.confidence.toFixed(2)} (${(q.confident * 100).toFixed(0)}% sure), ${q.coverage}/10 classes, FD ${q.fd.toFixed(2)}${code}${asked}`;
}

const rounded = (q: MnistQuality) =>
  JSON.parse(JSON.stringify(q, (_, v) => (typeof v === 'number' ? +v.toPrecision(5) : v))) as MnistQuality;

export interface MnistMetricsWriter {
  /** The reference classifier's view of the session's samples: the printed line, and the numbers (for the doctor's verdict). */
  write(session: TrainingSession): Promise<{ line: string; quality: MnistQuality; realCoverage: number }>;
}

/** undefined when the dataset is not the bundled MNIST (the classifier knows only those digits). */
export async function mnistMetricsWriter(
  tf: typeof tfNs,
  spec: DatasetSpec,
  host: HostDataset,
  jsonl: string,
  samples: number,
): Promise<MnistMetricsWriter | undefined> {
  if (!mnistQualityApplies(spec, host.shape)) return undefined;
  const meter = await MnistQualityMeter.create(tf, await loadShippedClassifier(), host, spec.scale);
  const real = await meter.measureReal(host, samples);
  appendFileSync(jsonl, `${JSON.stringify({ step: 0, realQuality: rounded(real) })}\n`);
  console.log(`quality of ${real.samples} real digits (the target): ${describeMnistQuality(real)}`);
  return {
    async write(session) {
      const q = (await meter.measureSession(session, samples))!;
      appendFileSync(jsonl, `${JSON.stringify({ step: session.step, quality: rounded(q) })}\n`);
      return {
        line: `quality at step ${session.step}: ${describeMnistQuality(q)}`,
        quality: q,
        realCoverage: real.coverage,
      };
    },
  };
}
