/** What the explorer's controls hold, and the worker request they stand for. Pure: tested in Node. */
import type { ArithmeticGroups, ExploreRequest, Explorations } from '../core/explore';

export type ExploreMode = 'grid' | 'interpolate' | 'sweep' | 'byClass' | 'arithmetic';
export type GroupName = keyof ArithmeticGroups;

export interface ExplorerSettings {
  mode: ExploreMode;
  /** Seed of the grid, the sweep's rows and the per-class columns. */
  seed: number;
  /** Interpolation endpoints (each re-rollable on its own). */
  seedA: number;
  seedB: number;
  rows: number;
  cols: number;
  steps: number;
  interp: 'lerp' | 'slerp';
  sweepInput: string;
  dim: number;
  from: number;
  to: number;
  /** Latent arithmetic: the samples picked into groups A, B and C (their latent points), and how many neighbours to draw. */
  groups: ArithmeticGroups;
  neighbours: number;
}

export const defaultSettings = (ex: Explorations): ExplorerSettings => ({
  mode: 'interpolate',
  seed: 1,
  seedA: 1,
  seedB: 2,
  rows: ex.points ? 16 : 4,
  cols: ex.points ? 16 : 8,
  steps: ex.points ? 24 : 10,
  interp: 'lerp',
  sweepInput: ex.sweeps[0]?.input ?? '',
  dim: 0,
  from: -2,
  to: 2,
  groups: { a: [], b: [], c: [] },
  neighbours: 4,
});

/** Latent arithmetic can be drawn once every group has a sample. */
export const groupsReady = (s: ExplorerSettings): boolean =>
  s.groups.a.length > 0 && s.groups.b.length > 0 && s.groups.c.length > 0;

/** The modes this plan supports, in the order the tabs show them, with their tab labels. */
export function modesOf(ex: Explorations): { mode: ExploreMode; label: string }[] {
  return [
    { mode: 'grid' as const, label: ex.points ? 'Random cloud' : 'Random grid' },
    { mode: 'interpolate' as const, label: 'Interpolation' },
    ...(ex.sweeps.length ? [{ mode: 'sweep' as const, label: 'Code sweep' }] : []),
    ...(ex.byClass ? [{ mode: 'byClass' as const, label: 'By class' }] : []),
    ...(ex.arithmetic && !ex.points ? [{ mode: 'arithmetic' as const, label: 'A − B + C' }] : []),
  ];
}

export function toRequest(s: ExplorerSettings, ex: Explorations): ExploreRequest {
  switch (s.mode) {
    case 'grid':
      return { kind: 'grid', seed: s.seed, rows: s.rows, cols: s.cols };
    case 'interpolate':
      return { kind: 'interpolate', seedA: s.seedA, seedB: s.seedB, steps: s.steps, mode: s.interp };
    case 'byClass':
      return { kind: 'byClass', seed: s.seed, cols: s.cols };
    case 'arithmetic':
      return { kind: 'arithmetic', ...s.groups, neighbours: s.neighbours, seed: s.seed };
    case 'sweep': {
      const code = ex.sweeps.find((c) => c.input === s.sweepInput) ?? ex.sweeps[0];
      return code.kind === 'categorical'
        ? { kind: 'sweep', seed: s.seed, rows: s.rows, input: code.input }
        : {
            kind: 'sweep',
            seed: s.seed,
            rows: s.rows,
            input: code.input,
            dim: Math.min(s.dim, code.size - 1),
            steps: s.steps,
            from: s.from,
            to: s.to,
          };
    }
  }
}

/** A fresh seed for the re-roll buttons. */
export const newSeed = (): number => 1 + Math.floor(Math.random() * 999_999);
