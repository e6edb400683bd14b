/** The controls of the current mode: sizes, seeds (re-roll buttons), lerp/slerp, which code to sweep. */
import type { Explorations } from '../core/explore';
import { newSeed, type ExplorerSettings } from './settings';

type Props = { s: ExplorerSettings; ex: Explorations; set: (p: Partial<ExplorerSettings>) => void };

function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (v: number) => void;
  testId: string;
}) {
  return (
    <label className="ex-field">
      {label}
      <input
        type="number"
        value={value}
        min={min}
        max={max}
        step={step}
        data-testid={testId}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v >= min && v <= max) onChange(v);
        }}
      />
    </label>
  );
}

export function ModeControls({ s, ex, set }: Props) {
  const reroll = (
    <button
      type="button"
      data-testid="explorer-new-seed"
      onClick={() => set({ seed: newSeed() })}
      title="Draw new latents"
    >
      ⟳ New seed
    </button>
  );
  switch (s.mode) {
    case 'grid':
      return (
        <>
          <NumberField
            label="Rows"
            value={s.rows}
            min={1}
            max={16}
            onChange={(rows) => set({ rows })}
            testId="explorer-rows"
          />
          <NumberField
            label="Columns"
            value={s.cols}
            min={1}
            max={16}
            onChange={(cols) => set({ cols })}
            testId="explorer-cols"
          />
          {reroll}
        </>
      );
    case 'interpolate':
      return (
        <>
          <fieldset className="ex-radio" aria-label="Interpolation path">
            {(['lerp', 'slerp'] as const).map((m) => (
              <label
                key={m}
                title={
                  m === 'slerp'
                    ? 'Along the great circle: keeps the typical norm of a Gaussian latent'
                    : 'Straight line between A and B'
                }
              >
                <input
                  type="radio"
                  name="ex-interp"
                  value={m}
                  checked={s.interp === m}
                  data-testid={`explorer-${m}`}
                  onChange={() => set({ interp: m })}
                />
                {m === 'lerp' ? 'Linear' : 'Spherical (slerp)'}
              </label>
            ))}
          </fieldset>
          <NumberField
            label="Steps"
            value={s.steps}
            min={2}
            max={64}
            onChange={(steps) => set({ steps })}
            testId="explorer-steps"
          />
          <button type="button" data-testid="explorer-reroll-a" onClick={() => set({ seedA: newSeed() })}>
            ⟳ New A
          </button>
          <button type="button" data-testid="explorer-reroll-b" onClick={() => set({ seedB: newSeed() })}>
            ⟳ New B
          </button>
          <span className="muted">
            A = seed {s.seedA}, B = seed {s.seedB}
          </span>
        </>
      );
    case 'sweep': {
      const code = ex.sweeps.find((c) => c.input === s.sweepInput) ?? ex.sweeps[0];
      return (
        <>
          <label className="ex-field">
            Code
            <select
              value={code.input}
              data-testid="explorer-sweep-input"
              onChange={(e) => set({ sweepInput: e.target.value, dim: 0 })}
            >
              {ex.sweeps.map((c) => (
                <option key={c.input} value={c.input}>
                  {c.input} ({c.kind === 'categorical' ? `${c.size} categories` : `${c.size} continuous`})
                </option>
              ))}
            </select>
          </label>
          {code.kind === 'continuous' && (
            <>
              <label className="ex-field">
                Dimension
                <select
                  value={Math.min(s.dim, code.size - 1)}
                  data-testid="explorer-sweep-dim"
                  onChange={(e) => set({ dim: Number(e.target.value) })}
                >
                  {Array.from({ length: code.size }, (_, i) => (
                    <option key={i} value={i}>
                      {i}
                    </option>
                  ))}
                </select>
              </label>
              <NumberField
                label="From"
                value={s.from}
                min={-10}
                max={10}
                step={0.5}
                onChange={(from) => set({ from })}
                testId="explorer-from"
              />
              <NumberField
                label="To"
                value={s.to}
                min={-10}
                max={10}
                step={0.5}
                onChange={(to) => set({ to })}
                testId="explorer-to"
              />
              <NumberField
                label="Steps"
                value={s.steps}
                min={2}
                max={32}
                onChange={(steps) => set({ steps })}
                testId="explorer-steps"
              />
            </>
          )}
          <NumberField
            label="Rows"
            value={s.rows}
            min={1}
            max={16}
            onChange={(rows) => set({ rows })}
            testId="explorer-rows"
          />
          {reroll}
        </>
      );
    }
    case 'arithmetic':
      return (
        <>
          <NumberField
            label="Neighbours"
            value={s.neighbours}
            min={0}
            max={12}
            step={4}
            onChange={(neighbours) => set({ neighbours })}
            testId="explorer-neighbours"
          />
          {reroll}
        </>
      );
    case 'byClass':
      return (
        <>
          <NumberField
            label="Per class"
            value={s.cols}
            min={1}
            max={16}
            onChange={(cols) => set({ cols })}
            testId="explorer-cols"
          />
          {reroll}
        </>
      );
  }
}
