import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { LOSSES, gradientPenalty, softmaxCE, toLogits } from '../../src/core/losses';
import { lossesPy } from '../../src/core/codegen/pytorch/step';
import { cpuTf } from '../helpers/tf';
import { hostTensor, pythonOk, readTensors, type HostTensor } from './helpers';
import { writeTensors } from './helpers';

/**
 * The loss registry's contract for PyTorch: every loss's `pytorch` form (with its helpers, as losses.py
 * holds them) equals its `tfjs` form on the same logits and real label within 1e-5, and so do the shared
 * helpers the heads use (softmax cross-entropy on logits and on probabilities, WGAN-GP's penalty, logits
 * back from a sigmoid head).
 */
const dir = resolve('.cache', 'pytorch-test', 'losses');
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));

describe('every loss: the PyTorch form equals the tfjs form', () => {
  const want: Record<string, number[]> = {};
  let got: Record<string, HostTensor>;
  beforeAll(async () => {
    const tf = await cpuTf();
    mkdirSync(dir, { recursive: true });
    const real = tf.randomNormal([16, 1], 0.5, 2, 'float32', 1),
      fake = tf.randomNormal([16, 1], -0.5, 2, 'float32', 2);
    const realLabel = 0.9;
    const scores = tf.randomNormal([16, 10], 0, 2, 'float32', 3),
      labels = tf.randomUniform([16], 0, 10, 'int32', 4);
    const probs = tf.softmax(scores);
    const xReal = tf.randomNormal([16, 5], 0, 1, 'float32', 5),
      xFake = tf.randomNormal([16, 5], 0, 1, 'float32', 6);
    const w = tf.randomNormal([5, 3], 0, 1, 'float32', 7),
      eps = tf.randomUniform([16, 1], 0, 1, 'float32', 8);
    const inputs: Record<string, HostTensor> = {
      real: await hostTensor(real),
      fake: await hostTensor(fake),
      real_label: { shape: [1], data: Float32Array.of(realLabel) },
      scores: await hostTensor(scores),
      labels: await hostTensor(labels),
      probs: await hostTensor(probs),
      x_real: await hostTensor(xReal),
      x_fake: await hostTensor(xFake),
      w: await hostTensor(w),
      eps: await hostTensor(eps),
    };
    writeTensors(join(dir, 'inputs'), inputs);
    const val = async (t: tfNs.Tensor) => Array.from(await t.data());
    for (const l of LOSSES) {
      writeFileSync(join(dir, `${l.id}.py`), lossesPy(l.id, ['softmaxCE']));
      want[`${l.id}/d`] = await val(l.tfjs.d(tf, real, fake, realLabel));
      want[`${l.id}/g`] = await val(l.tfjs.g(tf, fake));
      want[`${l.id}/score`] = await val(l.score === 'probability' ? tf.mean(tf.sigmoid(real)) : tf.mean(real));
    }
    writeFileSync(join(dir, 'losses.json'), JSON.stringify(LOSSES.map((l) => l.id)));
    want.softmax_logits = await val(softmaxCE(tf, scores, labels, 'logits'));
    want.softmax_probs = await val(softmaxCE(tf, probs, labels, 'softmax'));
    // gradientPenalty draws its eps from a seed: the same seed's draw is what the Python side was given.
    const critic = (x: tfNs.Tensor) => tf.sum(tf.tanh(tf.matMul(x as tfNs.Tensor2D, w as tfNs.Tensor2D)), 1, true);
    want.penalty = await val(gradientPenalty(tf, critic, xReal, xFake, 8));
    want.to_logits = await val(toLogits(tf, tf.sigmoid(real), 'sigmoid'));
    pythonOk('losses.py', [dir]);
    got = readTensors(join(dir, 'out'));
  }, 300_000);

  for (const l of LOSSES) {
    it(`${l.id}: D's loss, G's loss and the charted score`, () => {
      for (const k of ['d', 'g', 'score']) {
        const a = got[`${l.id}/${k}`].data[0],
          b = want[`${l.id}/${k}`][0];
        expect(close(a, b), `${l.id} ${k}: PyTorch ${a}, tfjs ${b}`).toBe(true);
      }
    });
  }
  it("the heads' helpers: softmax cross-entropy (logits and probabilities), the gradient penalty, logits from a sigmoid head", () => {
    for (const k of ['softmax_logits', 'softmax_probs', 'penalty']) {
      expect(close(got[k].data[0], want[k][0]), `${k}: PyTorch ${got[k].data[0]}, tfjs ${want[k][0]}`).toBe(true);
    }
    got.to_logits.data.forEach((v, i) =>
      expect(Math.abs(v - want.to_logits[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(want.to_logits[i]))),
    );
  });
});
