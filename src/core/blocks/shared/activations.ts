/** Activation names a layer's built-in `activation` option accepts (a subset of tfjs's). */
export const LAYER_ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'elu', 'softmax'] as const;
