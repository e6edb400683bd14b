/**
 * The tfjs types core code is written against. tf itself is always passed in (the worker, the CLI and
 * the tests each set up their own instance and backend), so core imports only these types — from here,
 * the bottom layer, rather than from the blocks that also use them.
 */
import type * as tfNs from '@tensorflow/tfjs';

export type TF = typeof tfNs;
export type Tensor = tfNs.Tensor;
