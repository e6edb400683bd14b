/**
 * The last weights a run could train from without NaN, so that after a NaN pause the user can roll back to
 * them (and, say, lower the learning rate) instead of resuming from broken weights that fail again.
 *
 * Every so often the models' weights (batch-norm statistics included) are copied on the device as a
 * *candidate* at step s. A candidate becomes the rollback point only once step s + 1 — trained from exactly
 * those weights — has finite losses: weights can be finite yet already ruined (a learning rate of 1e30 makes
 * them ~1e30 after one step, and the next loss is Inf), so finiteness of the weights alone proves nothing.
 * At most two copies live at once (the rollback point and a candidate). Never reads tensors synchronously.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../src/core/blocks';
import { firstNonFinite } from '../src/core/train/metrics';
import type { TrainingSession } from '../src/core/train/session';

interface Copy {
  step: number;
  generator: tfNs.Tensor[];
  discriminator: tfNs.Tensor[];
}

/** Training time between candidates: copying DCGAN's 2.5 M weights costs a few ms, against ~5 s of steps. */
export const CHECKPOINT_MS = 5000;

export class FiniteCheckpoint {
  private good?: Copy;
  private candidate?: Copy;
  private lastMs = -Infinity;

  constructor(
    private readonly tf: TF,
    private readonly everyMs = CHECKPOINT_MS,
  ) {}

  /** How many tensors the copies hold now (0, one or two copies of the weights). */
  get tensors(): number {
    return [this.good, this.candidate].reduce((n, c) => n + (c ? c.generator.length + c.discriminator.length : 0), 0);
  }

  /** The step the run can roll back to, if any. */
  get step(): number | undefined {
    return this.good?.step;
  }

  /** Copies the weights now as a candidate (replacing an unconfirmed one). */
  capture(s: TrainingSession, trainMs = 0): void {
    const copy = (m: tfNs.LayersModel) => m.weights.map((w) => this.tf.keep(this.tf.clone(w.read())));
    this.drop(this.candidate);
    this.candidate = {
      step: s.step,
      generator: copy(s.gan.generator.model),
      discriminator: copy(s.gan.discriminator.model),
    };
    this.lastMs = trainMs;
  }

  /** A new candidate when `everyMs` of training have passed since the last one (called between chunks). */
  captureIfDue(s: TrainingSession, trainMs: number): void {
    if (trainMs - this.lastMs >= this.everyMs) this.capture(s, trainMs);
  }

  /** Promotes the candidate once the step after it is in the history with finite losses; drops it if that step is not finite. */
  confirm(s: TrainingSession): void {
    const c = this.candidate;
    if (!c) return;
    const next = s.history.find((m) => m.step === c.step + 1);
    if (!next) return;
    this.candidate = undefined;
    if (firstNonFinite(next)) {
      this.drop(c);
      return;
    }
    this.drop(this.good);
    this.good = c;
  }

  /** Puts the rollback point's weights back into the models; returns its step (undefined: nothing to roll back to). */
  restore(s: TrainingSession): number | undefined {
    const g = this.good;
    if (!g) return undefined;
    // setWeights assigns; the copies stay ours (a variable's later updates replace its data, never ours).
    s.gan.generator.model.setWeights(g.generator);
    s.gan.discriminator.model.setWeights(g.discriminator);
    this.drop(this.candidate);
    this.candidate = undefined;
    return g.step;
  }

  private drop(c: Copy | undefined): void {
    if (c) for (const t of [...c.generator, ...c.discriminator]) t.dispose();
  }

  dispose(): void {
    this.drop(this.good);
    this.drop(this.candidate);
    this.good = this.candidate = undefined;
  }
}
