/**
 * The training dock under the canvas: controls, run statistics, notices, hyperparameters, live charts
 * and the sample grid. It talks to the worker only through src/trainer/client.ts (via actions.ts).
 */
import { useEffect } from 'react';
import { useTraining } from '../trainer/store';
import { followDocument } from './actions';
import { ChannelView } from './ChannelView';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { HyperParams } from './HyperParams';
import { Notices } from './Notices';
import { QualityChart } from './QualityChart';
import { DoctorList } from '../doctor-ui/DoctorList';
import { RunStats } from './RunStats';
import { SampleGrid } from './SampleGrid';
import { ExplorerLauncher } from '../explorer/ExplorerLauncher';
import './training.css';

export function TrainingPanel() {
  const busy = useTraining((s) => s.status === 'initializing');
  useEffect(() => followDocument(), []);
  return (
    <section className="training-panel" data-testid="training-panel">
      <div className="tp-main">
        <Controls />
        <RunStats />
        <Notices />
        <DoctorList />
        <div className="tp-body">
          <HyperParams disabled={busy} />
          <Charts />
          <div>
            <SampleGrid />
            <ExplorerLauncher />
          </div>
          <QualityChart />
        </div>
      </div>
      <ChannelView />
    </section>
  );
}
