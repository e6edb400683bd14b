/**
 * Asks the worker for the picture the settings describe, latest request wins (one in flight at a
 * time; a newer one waits and replaces any older waiting one). With `live`, it asks again whenever
 * the training panel gets a new sample grid, i.e. as the weights move.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExploreRequest, ExploreResult } from '../core/explore';
import { run } from '../run';
import { useTraining } from '../trainer/store';

export function useExploration(request: ExploreRequest | undefined, live: boolean) {
  const [result, setResult] = useState<ExploreResult>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const waiting = useRef<ExploreRequest | undefined>(undefined);
  const alive = useRef(true);
  // Set in the effect too: StrictMode mounts, unmounts and mounts again.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const ask = (r: ExploreRequest) => {
    if (inFlight.current) {
      waiting.current = r;
      return;
    }
    inFlight.current = true;
    setBusy(true);
    void run.generate(r).then((res) => {
      inFlight.current = false;
      if (!alive.current) return;
      if (res) setResult(res);
      const next = waiting.current;
      waiting.current = undefined;
      if (next) ask(next);
      else setBusy(false);
    });
  };

  const key = JSON.stringify(request ?? null);
  const sampleStep = useTraining((s) => (live ? s.samples?.step : undefined));
  // Keyed on the request's JSON: a new object with the same content must not ask again.
  useEffect(() => {
    if (request) ask(request);
  }, [key, sampleStep]);
  return {
    result,
    busy,
    refresh: () => {
      if (request) ask(request);
    },
  };
}
