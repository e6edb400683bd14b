/**
 * The loss registry: the one place that lists every GAN loss. Adding a loss = one file + one line here.
 */
import type { LossDef } from './defineLoss';
import { nsgan } from './nsgan';
import { minimax } from './minimax';
import { lsgan } from './lsgan';
import { wganGp } from './wganGp';
import { hinge } from './hinge';

export const LOSSES: readonly LossDef[] = [nsgan, minimax, lsgan, wganGp, hinge];

export const LOSS_IDS: readonly string[] = LOSSES.map((l) => l.id);

const byId = new Map(LOSSES.map((l) => [l.id, l]));

export function getLoss(id: string): LossDef {
  const l = byId.get(id);
  if (!l) throw new Error(`unknown loss '${id}' (one of ${LOSS_IDS.join(', ')})`);
  return l;
}
export const hasLoss = (id: string): boolean => byId.has(id);

export * from './defineLoss';
export { sigmoidCE, softmaxCE, toLogits, gradientPenalty, HELPER_TEXT, type HelperName } from './helpers';
