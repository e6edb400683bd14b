/** Focused timing: the DCGAN template's training step on MNIST (wasm, batch 64), median of N steps. */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/cli/backend';
import { loadDataset } from '../src/core/datasets';
import { loadTemplate } from '../src/core/project/templates';
import { TrainingSession } from '../src/core/train/session';
import { median, planOf, timeOnce } from './common';

const id = process.argv[2] ?? 'dcgan-mnist', batch = Number(process.argv[3] ?? 64), reps = Number(process.argv[4] ?? 15);
await useBackend(tf, 'wasm');
const host = await loadDataset(loadTemplate(id).dataset, { mnistBytes: async () => readFileSync('public/data/mnist-10k.bin') });
const s = new TrainingSession(tf, planOf(id, batch), host);
const t: number[] = [];
for (let r = -2; r < reps; r++) { const x = await timeOnce(() => s.stepper.step()); if (r >= 0) t.push(x); }
console.log(JSON.stringify({ id, batch, median: median(t), min: Math.min(...t), numTensors: tf.memory().numTensors, numBytes: tf.memory().numBytes }));
s.dispose();
