/**
 * The trainer behind Comlink over a real MessageChannel, in Node on the cpu backend: what the page
 * does with the worker, minus the Worker. Events are collected and can be awaited by condition.
 */
import * as Comlink from 'comlink';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpuTf } from '../helpers/tf';
import { Trainer } from '../../workers/trainer';
import type { DatasetInput, EventSink, TrainerApi, TrainerEvent } from '../../workers/api';
import { compileGraph, type GanPlan } from '../../src/core/compile/plan';
import { datasetInfo } from '../../src/core/datasets';
import { loadTemplate } from '../../src/core/project/templates';
import type { TrainingConfig } from '../../src/core/project/types';

export interface Harness {
  api: Comlink.Remote<TrainerApi>;
  /** The event callback to pass to init, as a Comlink proxy (the page does the same). */
  sink: EventSink;
  events: TrainerEvent[];
  /** Resolves with the first event (already received or future) that matches. */
  waitFor<E extends TrainerEvent>(pred: (e: TrainerEvent) => e is E, timeoutMs?: number): Promise<E>;
  close(): void;
}

export async function startTrainer(): Promise<Harness> {
  const tf = await cpuTf();
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(new Trainer(tf, { cpu: async () => {} }), port1);
  const api = Comlink.wrap<TrainerApi>(port2);
  const events: TrainerEvent[] = [];
  const waiters: { pred: (e: TrainerEvent) => boolean; done: (e: TrainerEvent) => void }[] = [];
  const sink = (e: TrainerEvent) => {
    events.push(e);
    for (const w of [...waiters])
      if (w.pred(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(e);
      }
  };
  return {
    api,
    sink: Comlink.proxy(sink),
    events,
    waitFor: (pred, timeoutMs = 60_000) =>
      new Promise((ok, fail) => {
        const seen = events.find(pred);
        if (seen) return ok(seen);
        const timer = setTimeout(() => fail(new Error('timed out waiting for a trainer event')), timeoutMs);
        waiters.push({
          pred,
          done: (e) => {
            clearTimeout(timer);
            ok(e as never);
          },
        });
      }),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

export function planOf(
  template: string,
  training: Partial<TrainingConfig> = {},
): { plan: GanPlan; data: DatasetInput } {
  const p = loadTemplate(template);
  const res = compileGraph(p.graph, datasetInfo(p.dataset), { ...p.training, ...training });
  if (!res.ok) throw new Error(res.problems.map((x) => x.message).join('\n'));
  const data: DatasetInput = { spec: p.dataset };
  if (p.dataset.kind === 'mnist') {
    const b = readFileSync(resolve(import.meta.dirname, '../../public/data/mnist-10k.bin'));
    data.mnistBytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
  return { plan: res.plan, data };
}
