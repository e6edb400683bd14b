/**
 * Sample quality while training (image runs): on MNIST the reference classifier's score and class
 * coverage and the Frechet distance of generated to real digits in its feature space (the caption shows
 * what real digits score: the target); on data with known factors (the sprites) class coverage, InfoGAN's
 * codes against the factors (categorical code vs class, MIG) and the line the CLI prints; on any image data
 * G's diversity relative to real images'. Renders
 * nothing until the worker sends a first measurement; a chart appears only for the metrics this data has.
 */
import { useMemo } from 'react';
import { useTraining } from '../trainer/store';
import { LineChart, type Series } from './LineChart';
import './quality.css';

const SCORE = '#c2571a', COVER = '#3b7dd8', FD = '#8a5a9e', CODE = '#2f9e44', SPREAD = '#d6336c', NEAR = '#0c8599';
const measured = (s: Series) => s.values.some(Number.isFinite);

export function QualityChart() {
  const q = useTraining((s) => s.quality);
  const charts = useMemo((): { title: string; series: Series[] }[] => {
    const score: Series[] = [
      { label: 'score', color: SCORE, values: q.score },
      { label: 'classes', color: COVER, values: q.coverage },
    ];
    if (q.codeAccuracy.some(Number.isFinite)) score.push({ label: 'code acc. ×10', color: CODE, values: q.codeAccuracy.map((v) => v * 10) });
    return [
      { title: 'Sample quality', series: score },
      { title: 'Frechet distance', series: [{ label: 'FD', color: FD, values: q.fd }] },
      {
        title: 'Known factors', series: [
          { label: 'classes (share)', color: COVER, values: q.factorCoverage ?? [] },
          { label: 'code vs class', color: CODE, values: q.factorCode ?? [] },
          { label: 'MIG', color: FD, values: q.mig ?? [] },
        ],
      },
      {
        title: 'Diversity (real images = 1)', series: [
          { label: 'spread', color: SPREAD, values: q.spread },
          { label: 'neighbours', color: NEAR, values: q.neighbours },
        ],
      },
    ].map((c) => ({ ...c, series: c.series.filter(measured) })).filter((c) => c.series.length);
  }, [q]);
  if (!q.step.length) return null;
  const real = q.real;
  return (
    <div className="charts quality-charts" data-testid="quality-charts">
      {charts.map((c) => <LineChart key={c.title} title={c.title} x={q.step} series={c.series} version={q.step.length} height={80} />)}
      {real && (
        <p className="quality-target" title="The same metrics on real digits: what a perfect generator would score">
          real digits: score {real.classifierScore.toFixed(2)}, {real.coverage}/10 classes, FD {real.fd.toFixed(1)} · higher score and
          lower FD are better
        </p>
      )}
      {q.factorsText && (
        <p className="quality-target" data-testid="quality-factors" title="The factors of 256 generated samples, measured from their pixels">
          factors at step {q.step.at(-1)}: {q.factorsText}
          {q.realFactorsText && <><br />real samples (the target): {q.realFactorsText}</>}
        </p>
      )}
      {q.spread.some(Number.isFinite) && (
        <p className="quality-target" title="Measured on a fixed batch of 256 generated images, averaged over 4×4 pixel blocks">
          diversity: spread = mean distance between G's images, neighbours = distance to each image's nearest other one, both
          relative to real images (1 = as varied; near 0 = G repeats itself)
        </p>
      )}
    </div>
  );
}
