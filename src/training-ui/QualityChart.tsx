/**
 * Sample quality while training (image runs): on MNIST the reference classifier's score, class coverage
 * and share of confident samples, and the Frechet distance of generated to real digits in its feature
 * space (the caption shows what real digits score: the target); on any image data G's diversity relative
 * to real images'. The step at which the samples first passed the "readable digits" threshold is marked
 * on the chart and named with its training time, so a user sees when the GAN started drawing digits.
 * Renders nothing until the worker sends a first measurement; a chart appears only for the metrics this data has.
 * On data with known factors (the sprites): class coverage, InfoGAN's codes against the factors (categorical
 * code vs class, MIG) and the line the CLI prints.
 */
import { useMemo } from 'react';
import { useTraining } from '../trainer/store';
import { DIGITS_THRESHOLD } from '../core/quality/digitsThreshold';
import { LineChart, type Marker, type Series } from './LineChart';
import './quality.css';

const SCORE = '#c2571a',
  COVER = '#3b7dd8',
  SURE = '#495057',
  FD = '#8a5a9e',
  CODE = '#2f9e44',
  AGREE = '#e8590c',
  SPREAD = '#d6336c',
  NEAR = '#0c8599';
const DIGITS = '#2b8a3e';
const measured = (s: Series) => s.values.some(Number.isFinite);

export const clock = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const THRESHOLD_WORDS = `≥ ${DIGITS_THRESHOLD.classes} of 10 kinds of digit (each ≥ ${DIGITS_THRESHOLD.classShare * 100}% of samples) and ≥ ${DIGITS_THRESHOLD.confident * 100}% of samples that the reference classifier is sure of (p ≥ 0.9)`;

export function QualityChart() {
  const q = useTraining((s) => s.quality);
  const charts = useMemo((): { title: string; series: Series[]; marker?: Marker }[] => {
    const tenth = (v: number) => v * 10;
    const score: Series[] = [
      { label: 'score', color: SCORE, values: q.score },
      { label: 'classes', color: COVER, values: q.coverage },
      { label: 'sure ×10', color: SURE, values: q.confident.map(tenth) },
      { label: 'code acc. ×10', color: CODE, values: q.codeAccuracy.map(tenth) },
      { label: 'asked class ×10', color: AGREE, values: q.classAgreement.map(tenth) },
    ];
    const marker = q.firstDigits && { x: q.firstDigits.step, label: `digits at ${q.firstDigits.step}`, color: DIGITS };
    return [
      { title: 'Sample quality', series: score, marker },
      { title: 'Frechet distance', series: [{ label: 'FD', color: FD, values: q.fd }], marker },
      {
        title: 'Known factors',
        series: [
          { label: 'classes (share)', color: COVER, values: q.factorCoverage ?? [] },
          { label: 'code vs class', color: CODE, values: q.factorCode ?? [] },
          { label: 'MIG', color: FD, values: q.mig ?? [] },
        ],
      },
      {
        title: 'Diversity (real images = 1)',
        series: [
          { label: 'spread', color: SPREAD, values: q.spread },
          { label: 'neighbours', color: NEAR, values: q.neighbours },
        ],
      },
    ]
      .map((c) => ({ ...c, series: c.series.filter(measured) }))
      .filter((c) => c.series.length);
  }, [q]);
  if (!q.step.length) return null;
  const real = q.real;
  const classifier = q.confident.some(Number.isFinite);
  return (
    <div className="charts quality-charts" data-testid="quality-charts">
      {charts.map((c) => (
        <LineChart
          key={c.title}
          title={c.title}
          x={q.step}
          series={c.series}
          version={q.step.length}
          height={80}
          marker={c.marker}
        />
      ))}
      {classifier &&
        (q.firstDigits ? (
          <p
            className="quality-target quality-digits"
            data-testid="quality-first-digits"
            data-step={q.firstDigits.step}
            title={`The first measurement with ${THRESHOLD_WORDS}`}
          >
            ✔ Drawing digits since step {q.firstDigits.step} ({clock(q.firstDigits.elapsedMs)} of training)
          </p>
        ) : (
          <p
            className="quality-target"
            data-testid="quality-first-digits"
            title={`Marked on the chart when the samples first have ${THRESHOLD_WORDS}`}
          >
            Not digits yet: the chart marks the step where ≥ {DIGITS_THRESHOLD.classes} of 10 classes appear and ≥{' '}
            {DIGITS_THRESHOLD.confident * 100}% of samples are clearly digits
          </p>
        ))}
      {real && (
        <p className="quality-target" title="The same metrics on real digits: what a perfect generator would score">
          real digits: score {real.classifierScore.toFixed(2)}, {real.coverage}/10 classes,{' '}
          {Math.round(real.confident * 100)}% sure, FD {real.fd.toFixed(1)} · higher score and lower FD are better
        </p>
      )}
      {q.factorsText && (
        <p
          className="quality-target"
          data-testid="quality-factors"
          title="The factors of 256 generated samples, measured from their pixels"
        >
          factors at step {q.step.at(-1)}: {q.factorsText}
          {q.realFactorsText && (
            <>
              <br />
              real samples (the target): {q.realFactorsText}
            </>
          )}
        </p>
      )}
      {q.spread.some(Number.isFinite) && (
        <p
          className="quality-target"
          title="Measured on a fixed batch of 256 generated images, averaged over 4×4 pixel blocks"
        >
          diversity: spread = mean distance between G's images, neighbours = distance to each image's nearest other one,
          both relative to real images (1 = as varied; near 0 = G repeats itself)
        </p>
      )}
    </div>
  );
}
