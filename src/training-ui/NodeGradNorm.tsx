/**
 * A layer's latest gradient norm, on its node under the parameter count. Only layers with weights are
 * ever measured, so other nodes show nothing. Its own line, so it never squeezes the params/MACs row.
 */
import { memo } from 'react';
import { useTraining } from '../trainer/store';
import { NORM_EVERY } from '../core/train/step';
import { statNumber } from './statsText';

const TITLE =
  `Gradient norm of this layer's weights, measured every ${NORM_EVERY} steps ` +
  '(square root of the sum of squares of their gradients in the latest network update). ' +
  'Falling towards 0: this layer stops learning (vanishing); growing by orders of magnitude: exploding.';

function NodeGradNormView({ nodeId }: { nodeId: string }) {
  // Each measurement holds every layer of both networks (they are measured on the same step).
  const norm = useTraining((s) => s.gradNormHistory[s.gradNormHistory.length - 1]?.norms[nodeId]);
  if (norm === undefined) return null;
  return (
    <div className="node-grad-norm" data-testid={`grad-norm-${nodeId}`} title={TITLE}>
      ‖∇‖ {statNumber(norm)}
    </div>
  );
}

export const NodeGradNorm = memo(NodeGradNormView);
