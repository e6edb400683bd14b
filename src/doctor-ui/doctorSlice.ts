/**
 * The doctor's slice of the one store (src/state/store.ts): what the live doctor found in the current run.
 * Written by live.ts only, read by the panel list and the node badges; kept under one key, `doctor`, so
 * its `step` and `samples` are not the training slice's.
 */
import type { StateCreator } from 'zustand';
import type { Finding } from '../core/doctor/finding';
import type { SamplePoint } from '../core/doctor/samples';

export interface DoctorState {
  findings: Finding[];
  /** The worst severity per involved node, and the titles of its findings (for the canvas badge). */
  byNode: Record<string, { severity: Finding['severity']; titles: string[] }>;
  /** G's fixed batch measured during this run (2-D toy data). */
  samples: SamplePoint[];
  /** The step the findings were computed at. */
  step: number;
}

export const emptyDoctor = (): DoctorState => ({ findings: [], byNode: {}, samples: [], step: 0 });
export interface DoctorSlice {
  doctor: DoctorState;
}
export const createDoctorSlice: StateCreator<DoctorSlice> = () => ({ doctor: emptyDoctor() });

export function byNodeOf(findings: readonly Finding[]): DoctorState['byNode'] {
  const out: DoctorState['byNode'] = {};
  for (const f of findings) {
    for (const id of f.nodes) {
      const cur = out[id] ?? { severity: f.severity, titles: [] };
      if (f.severity === 'critical') cur.severity = 'critical';
      cur.titles.push(f.title);
      out[id] = cur;
    }
  }
  return out;
}
