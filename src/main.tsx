/** Entry point: restore the last session (or a shared link, or the DCGAN template), then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './app/App';
import { boot } from './app/boot';
import { startAutosave } from './state/autosave';
import { TrainingPanel } from './training-ui/TrainingPanel';
import { DockStrip } from './training-ui/DockStrip';
import { TrainingOverlays } from './training-ui/TrainingOverlays';

async function main() {
  await boot();
  startAutosave();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App trainingPanel={<TrainingPanel />} trainingStrip={<DockStrip />} trainingOverlays={<TrainingOverlays />} />
    </StrictMode>,
  );
}
void main();
