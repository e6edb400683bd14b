/**
 * src/trainer/client.ts in Node: the page side of the worker, with a MessagePort standing in for the
 * Worker. A crash (an 'error' event on the worker) restarts a fresh trainer with the same plan.
 */
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { cpuTf } from '../helpers/tf';
import { Trainer } from '../../workers/trainer';
import { TrainerClient } from '../../src/trainer/client';
import { useTraining } from '../../src/trainer/store';
import { planOf } from './harness';

/** A "worker": one end of a MessageChannel, the trainer exposed on the other end. */
async function fakeWorker(): Promise<Worker> {
  const tf = await cpuTf();
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(new Trainer(tf, { cpu: async () => {} }), port1);
  return Object.assign(port2, {
    terminate: () => {
      port1.close();
      port2.close();
    },
  }) as unknown as Worker;
}

const until = async (cond: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end)
      throw new Error(
        `condition not met in time: ${JSON.stringify({ status: useTraining.getState().status, step: useTraining.getState().step, notices: useTraining.getState().notices })}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('TrainerClient', () => {
  it('feeds the store, and restarts the worker with the same plan after a crash', async () => {
    const workers: Worker[] = [];
    let made = 0;
    const client = new TrainerClient(() => {
      made++;
      const w = pending.shift()!;
      workers.push(w);
      return w;
    });
    const pending = [await fakeWorker(), await fakeWorker()];
    useTraining.setState({ options: { ...useTraining.getState().options, backend: 'cpu' } });
    const { plan, data } = planOf('gan-2d-ring', { batchSize: 4 });
    await client.init(plan, data);
    expect(useTraining.getState()).toMatchObject({ status: 'paused', step: 1 });
    expect(useTraining.getState().summary?.backend).toBe('cpu');
    await client.step();
    await until(
      () => useTraining.getState().history.length >= 2 && Object.keys(useTraining.getState().tiles).length > 0,
    );
    expect(useTraining.getState().samples?.tile.kind).toBe('scatter');

    // The worker dies: the client says so, starts a new one and builds the same plan again.
    workers[0].dispatchEvent(new Event('error'));
    await until(() => made === 2 && useTraining.getState().status === 'paused' && useTraining.getState().step === 1);
    expect(useTraining.getState().notices.some((n) => /crashed .*restarted with the same graph/.test(n.message))).toBe(
      true,
    );
    expect(useTraining.getState().summary?.params.generator).toBe(plan.generator.params);
    await client.stop();
    expect(useTraining.getState().status).toBe('stopped');
  });
});
