import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getDatasetKind } from '../../src/core/datasets';
import { toy2dQuality } from '../../src/core/quality/toy2d';
import { METRICS } from '../../src/core/train/step';
import { templatePlan } from './plans';
import { pythonOk, readTensors, relDiff, runPython, runTorchrun, writeProject, PY_DIR } from './helpers';

/**
 * Scale-out on PyTorch's own engine, tested on a CPU: `torchrun --nproc_per_node=2` (DDP with gloo, a
 * DistributedSampler, rank 0 writing) trains the 2-D ring to all 8 modes, and `npm run sample` reads the
 * run as one of its own; `--resume` continues it from its checkpoint.
 */
const dir = resolve('.cache', 'pytorch-test', 'ddp');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });

describe('torchrun --nproc_per_node=2 on CPU (gloo)', () => {
  // DDP's averaged gradients must make the same update as one process on the whole batch (no BatchNorm here,
  // so the halves' statistics do not differ): nsgan, and WGAN-GP (its penalty's double backward through DDP).
  it('one step of 2 processes on half batches equals one step on the whole batch (nsgan, wgan-gp)', () => {
    const jobs = ['nsgan', 'wgan-gp'].map((loss) => {
      const { plan, project } = templatePlan('gan-2d-ring', { loss });
      return {
        loss,
        code: writeProject(join(dir, `step-${loss}`), plan, project),
        ddp: join(dir, `step-${loss}-ddp`),
        one: join(dir, `step-${loss}-one`),
        lr: { d: plan.training.discriminator.learningRate, g: plan.training.generator.learningRate },
      };
    });
    const r = runTorchrun(2, [join(PY_DIR, 'ddp_step.py'), ...jobs.flatMap((j) => [j.code, j.ddp])], {
      env: { OMP_NUM_THREADS: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    pythonOk(
      'ddp_step.py',
      jobs.flatMap((j) => [j.code, j.one]),
    );
    for (const j of jobs) {
      const ddp = readTensors(j.ddp),
        one = readTensors(j.one);
      expect(Object.keys(ddp).sort()).toEqual(Object.keys(one).sort());
      // Adam's first step is lr·g/(|g| + 1e-7), so where the whole batch's gradient is zero (seen with the seeded
      // initial weights: one of WGAN-GP's critic biases, g = 0 for the whole batch, 5e-10 as the mean of the two
      // halves' sums) rounding alone moves the weight by a part of a step. Elements may differ by 1% of a step where
      // the tensor as a whole is not within 1e-5 relative.
      const lr = Math.max(j.lr.d, j.lr.g);
      for (const k of Object.keys(one)) {
        const rel = relDiff(ddp[k].data, one[k].data);
        if (rel <= 1e-5) continue;
        const abs = Math.max(...Array.from(one[k].data, (v, i) => Math.abs(v - ddp[k].data[i])));
        expect(abs, `${j.loss} ${k}: ${rel} relative`).toBeLessThanOrEqual(0.01 * lr);
      }
    }
  }, 300_000);

  // Covering all 8 modes by the strict measure (>= 1% of 2,500 samples within 3 sigma = 0.06 of each mode) can come
  // and go during a run, in tfjs as here, and depends on the seed. From Ganvas's initial weights (tfjs_random.py), with
  // the template's seed 42 these two processes cover 8/8 from step 1,000 on (every measurement to 3,000); seed 7 the
  // same; seed 1 stays at 7 (docs/pytorch.md).
  it("trains gan-2d-ring to 8/8 modes (the template's seed, measured every 250 steps); npm run sample reads the run; --resume continues it", () => {
    const { plan, project } = templatePlan('gan-2d-ring');
    const code = writeProject(join(dir, 'project'), plan, project);
    const run = join(dir, 'run');
    const steps = 2500;
    const r = runTorchrun(
      2,
      [join(code, 'train.py'), '--steps', String(steps), '--out', run, '--sample-every', '250', '--metrics'],
      { timeout: 900_000, env: { OMP_NUM_THREADS: '1' } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/batch 256 \(2 processes x 128\), on cpu/);
    expect(r.stdout).toMatch(/^generator: 18,946 params, discriminator: 17,025 params$/m);
    const lines = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const quality = lines.filter((l) => 'quality' in l);
    expect(quality.map((q) => q.step)).toEqual(Array.from({ length: steps / 250 }, (_, i) => 250 * (i + 1)));
    expect(
      Math.max(...quality.map((q) => q.quality.modesCovered)),
      JSON.stringify(quality.map((q) => q.quality.modesCovered)),
    ).toBe(8);
    // One writer: the header and one row per step, however many processes trained.
    const csv = readFileSync(join(run, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(['step', ...METRICS, 'seconds'].join(','));
    expect(csv.slice(1).map((row) => Number(row.split(',')[0]))).toEqual(
      Array.from({ length: steps }, (_, i) => i + 1),
    );
    for (const f of [
      'samples.png',
      'samples/step-000250.png',
      'generator/model.json',
      'discriminator/weights.bin',
      'plan.json',
      'project.json',
      'checkpoint.pt',
    ]) {
      expect(existsSync(join(run, f)), f).toBe(true);
    }

    // npm run sample: tfjs loads the PyTorch run's generator (model.json topology + weights.bin) and its samples are on the ring.
    const samples = join(dir, 'samples.csv');
    const s = cli('sample', run, '--n', '2500', '--out', samples, '--seed', '99');
    expect(s.status, s.stderr).toBe(0);
    const values = Float32Array.from(
      readFileSync(samples, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .flatMap((l) => l.split(',').map(Number)),
    );
    const ring = getDatasetKind('ring8').modes!(project.dataset);
    const q = toy2dQuality(values, Float32Array.from(ring.modes.flat()), ring);
    expect(q.highQuality, JSON.stringify(q)).toBeGreaterThan(0.2);
    expect(q.modesCovered, JSON.stringify(q)).toBeGreaterThanOrEqual(6);

    // --resume (one process now): from the checkpoint at the last step, 20 more; the metrics keep one row per step.
    const more = runPython(
      [join(code, 'train.py'), '--steps', String(steps + 20), '--out', run, '--resume', '--threads', '1'],
      { timeout: 300_000 },
    );
    expect(more.status, more.stderr).toBe(0);
    expect(more.stdout).toMatch(new RegExp(`resuming at step ${steps}`));
    const after = readFileSync(join(run, 'metrics.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => Number(row.split(',')[0]));
    expect(after).toEqual(Array.from({ length: steps + 20 }, (_, i) => i + 1));
  }, 1_200_000);
});
