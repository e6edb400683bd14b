/**
 * The layer view's data: one sample followed through G and D (the worker's `trace`), fetched when a
 * large view is open and kept as fresh as the node tiles: a new probe (tileStep) asks for a new trace,
 * one request at a time, so an open view never queues work in the worker.
 */
import { useEffect } from 'react';
import type { LayerValues, SampleTrace } from '../../workers/api';
import { run } from '../run';
import { useGanvas } from '../state/store';
import { useTraining } from '../trainer/store';

let inFlight = false;
let wanted: { step: number; sample: number } | undefined;

async function fetchTrace(): Promise<void> {
  if (inFlight || !wanted) return;
  const ask = wanted;
  inFlight = true;
  try {
    const t = await run.trace(ask.sample);
    if (t) useGanvas.setState({ trace: t });
  } finally {
    inFlight = false;
  }
  const cur = useGanvas.getState().trace;
  // Something newer was asked for while this one ran.
  if (wanted && (!cur || wanted.sample !== cur.sample || wanted.step > cur.step)) void fetchTrace();
}

/** Keeps the trace fresh while `active` (a large view is showing). */
export function useLiveTrace(active: boolean): SampleTrace | undefined {
  // Closed views read constants, so tile updates do not re-render them.
  const step = useTraining((s) => (active ? s.tileStep : 0));
  const ready = useTraining((s) => active && (s.status === 'running' || s.status === 'paused'));
  const sample = useGanvas((s) => s.traceSample);
  const trace = useGanvas((s) => s.trace);
  useEffect(() => {
    if (!active || !ready) return;
    if (trace && trace.sample === sample && trace.step >= step) return;
    wanted = { step, sample };
    void fetchTrace();
  }, [active, ready, step, sample, trace]);
  return trace && trace.sample === sample ? trace : undefined;
}

/** A node's values in a trace (the first, for a head holding two outputs). */
export const layerOf = (t: SampleTrace | undefined, nodeId: string): LayerValues | undefined =>
  t?.layers.find((l) => l.nodeId === nodeId);

/** Forget the trace (a new run: its nodes may differ). */
export function clearTrace(): void {
  useGanvas.setState({ trace: undefined });
}

/**
 * Whether a node carries images (G's output and D's data input, for image data): drawn in grey over
 * the data's range rather than on a diverging scale.
 */
export function isImageLayer(t: SampleTrace | undefined, nodeId: string): boolean {
  const l = layerOf(t, nodeId);
  if (!t || !l || l.shape.length !== 3) return false;
  const gOut = t.layers.filter((x) => x.network === 'generator').at(-1)?.nodeId;
  const dIn = t.layers.find((x) => x.network === 'discriminator')?.nodeId;
  return nodeId === gOut || nodeId === dIn;
}
