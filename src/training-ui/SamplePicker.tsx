/** Which sample of the fixed latent batch the large views follow: ‹ sample 3 of 16 ›. */
import { useGanvas } from '../state/store';

export function SamplePicker({ batch }: { batch?: number }) {
  const sample = useGanvas((s) => s.traceSample);
  const n = batch ?? 16;
  const go = (d: number) => useGanvas.setState({ traceSample: (sample + d + n) % n });
  return (
    <span className="sample-picker" role="group" aria-label="Sample">
      <button type="button" onClick={() => go(-1)} aria-label="Previous sample">
        ‹
      </button>
      <span data-testid="sample-index">
        sample {sample + 1} of {n}
      </span>
      <button type="button" onClick={() => go(1)} aria-label="Next sample">
        ›
      </button>
    </span>
  );
}
