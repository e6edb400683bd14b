/**
 * The app shell puts the features together: the training dock's panel and strip (with the doctor's
 * findings and the latent explorer's door in it), the training overlays, and what features draw on the
 * canvas's nodes. Only this file (and the rest of src/app) imports several features; the features
 * import none of each other, and the editor none of them (tests/architecture/layers.test.ts).
 */
import type { NodeDecorations } from '../editor/canvas/decorations';
import { TrainingPanel } from '../training-ui/TrainingPanel';
import { DockStrip } from '../training-ui/DockStrip';
import { TrainingOverlays } from '../training-ui/TrainingOverlays';
import { NodeActivation } from '../training-ui/NodeActivation';
import { NodeGradNorm } from '../training-ui/NodeGradNorm';
import { DoctorBadge } from '../doctor-ui/DoctorBadge';
import { DoctorList } from '../doctor-ui/DoctorList';
import { ExplorerLauncher } from '../explorer/ExplorerLauncher';
import { run } from '../run';
import type { AppProps } from './App';

/** One constant object: the canvas's nodes re-render only when their own data changes. */
export const NODE_DECORATIONS: NodeDecorations = {
  corner: NodeActivation,
  badges: [DoctorBadge],
  details: [NodeGradNorm],
};

const resume = () => void run.train();

/** Everything the app shows besides the editor. */
export const FEATURES: AppProps = {
  trainingPanel: <TrainingPanel findings={<DoctorList />} samplesFooter={<ExplorerLauncher onResume={resume} />} />,
  trainingStrip: <DockStrip />,
  trainingOverlays: <TrainingOverlays />,
  nodeDecorations: NODE_DECORATIONS,
};
