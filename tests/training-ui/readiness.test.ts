/** What Train would build, shown before it is pressed; why it is off, with the figures. */
import { expect, test } from 'vitest';
import { docOf, type Doc } from '../../src/state/document';
import { loadTemplate } from '../../src/core/project/templates';
import { validationOf } from '../../src/state/validation';
import { estimateText, memoryDetails, readiness } from '../../src/training-ui/readiness';
import { disconnect } from '../../src/core/graph/ops';

// The TF-tutorial DCGAN: a fixed model whose figures are known (Keras's parameter counts).
const tutorial = (): Doc => docOf(loadTemplate('dcgan-tf-tutorial'));
const withBatch = (batch: number, d: Doc = tutorial()): Doc => ({
  ...d,
  training: { ...d.training, batchSize: batch },
});
const at = (doc: Doc) => readiness(validationOf(doc), doc);

test("the TF-tutorial DCGAN template: both networks' parameters and the training memory at the chosen batch, growing with it", () => {
  const r = at(withBatch(64));
  expect(r.params).toEqual({ generator: 2_330_944, discriminator: 212_865 });
  expect(estimateText(r)).toBe('G 2.33M · D 213k params · ~154 MB at batch 64');
  expect(r.refused).toBeUndefined();
  expect(r.overMemory).toBe(false);
  expect(memoryDetails(r)).toMatch(
    /^Estimated memory of one training step at batch 64: weights 10 MB, gradients 10 MB, optimizer state 19 MB, activations 115 MB;/,
  );
  expect(memoryDetails(r)).toMatch(/The limit is 2 GB: /);
  expect(estimateText(at(withBatch(256)))).toBe('G 2.33M · D 213k params · ~498 MB at batch 256');
  // The weights' share does not depend on the batch; the activations' does.
  expect(at(withBatch(1)).memory.weights).toBe(r.memory.weights);
  expect(at(withBatch(128)).memory.activations).toBeCloseTo(2 * r.memory.activations);
});

test('over the memory limit, Train is refused with the figures, the limit and the node that costs most', () => {
  const r = at(withBatch(2048));
  expect(r.overMemory).toBe(true);
  expect(r.errors).toBe(1);
  expect(r.refused).toBe(
    'Train is off: training at batch 2048 needs about 3.6 GB (weights 10 MB, gradients 10 MB, optimizer state 19 MB, ' +
      "activations 3.6 GB); the limit is 2 GB of estimated training memory. The largest share is Conv2D 'd_conv1' (392 MB): " +
      'make it smaller, or lower the batch size.',
  );
  expect(at(withBatch(1024)).refused).toBeUndefined();
});

test('any error refuses Train, naming the first and counting the rest', () => {
  const d = tutorial();
  const broken = { ...d, graph: disconnect(d.graph, ['g_reshape->g_deconv1:x', 'd_conv1->d_lrelu1:x']) };
  const r = at(broken);
  expect(r.errors).toBeGreaterThan(1);
  expect(r.refused).toMatch(/^Train is off: .+ \(and \d+ more problems?: see Problems\)\.$/);
  expect(r.refused).not.toMatch(/\.\./);
});
