/** Entry point: restore the last session (or a shared link, or the DCGAN template), then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './app/App';
import { boot } from './app/boot';
import { startAutosave } from './state/autosave';
import { FEATURES } from './app/features';

async function main() {
  await boot();
  startAutosave();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App {...FEATURES} />
    </StrictMode>,
  );
}
void main();
