/** Live charts: losses, D's outputs on real and fake batches, gradient norms. */
import { useMemo } from 'react';
import { historyColumns, useTraining } from '../trainer/store';
import { LineChart, type Series } from './LineChart';

const G = '#7c5cd6',
  D = '#1b9a8f';

export function Charts() {
  const h = historyColumns(useTraining((s) => s.history));
  const version = useTraining((s) => s.historyVersion);
  const charts = useMemo(
    (): { title: string; series: Series[] }[] => [
      {
        title: 'Loss',
        series: [
          { label: 'D', color: D, values: h.dLoss },
          { label: 'G', color: G, values: h.gLoss },
        ],
      },
      {
        title: 'D output',
        series: [
          { label: 'D(x)', color: D, values: h.dReal },
          { label: 'D(G(z))', color: G, values: h.dFake },
        ],
      },
      {
        title: 'Gradient norm',
        series: [
          { label: '‖∇D‖', color: D, values: h.dGradNorm },
          { label: '‖∇G‖', color: G, values: h.gGradNorm },
        ],
      },
    ],
    [h],
  );
  return (
    <div className="charts">
      {charts.map((c) => (
        <LineChart key={c.title} title={c.title} x={h.step} series={c.series} version={version} />
      ))}
    </div>
  );
}
