/** The training UI's views drawn over the page, mounted once by the app: the hover preview and the layer view. */
import { ActivationPreview } from './ActivationPreview';
import { LayerView } from './LayerView';
import './activations.css';

export function TrainingOverlays() {
  return (
    <>
      <ActivationPreview />
      <LayerView />
    </>
  );
}
