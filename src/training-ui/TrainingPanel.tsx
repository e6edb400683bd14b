/**
 * The training dock under the canvas: controls, run statistics, notices, the training settings, live charts
 * and the sample grid. It talks to the worker only through the run controller (src/run).
 * Other features' parts of the dock (the doctor's findings, the latent explorer's door) are handed in
 * by the app shell, so this folder imports no other feature.
 */
import { useEffect, type ReactNode } from 'react';
import { run } from '../run';
import { useTraining } from '../trainer/store';
import { ChannelView } from './ChannelView';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { SettingsPanel } from './SettingsPanel';
import { Notices } from './Notices';
import { QualityChart } from './QualityChart';
import { RunStats } from './RunStats';
import { SampleGrid } from './SampleGrid';
import './training.css';

export interface TrainingPanelProps {
  /** Under the notices: findings about the run (the GAN doctor's list). */
  findings?: ReactNode;
  /** Under the sample grid (the latent explorer's button). */
  samplesFooter?: ReactNode;
}

export function TrainingPanel({ findings, samplesFooter }: TrainingPanelProps) {
  useEffect(() => run.followDocument(), []);
  return (
    <section className="training-panel" data-testid="training-panel">
      <div className="tp-main">
        <Controls />
        <RunStats />
        <Notices />
        {findings}
        <div className="tp-body">
          <SettingsPanel />
          <Charts />
          <div>
            <SampleGrid />
            {samplesFooter}
          </div>
          <QualityChart />
        </div>
      </div>
      <ChannelView />
    </section>
  );
}
