import { describe, expect, it } from 'vitest';
import { autoWasmThreads, wasmThreadCount } from '../../workers/wasmThreads';

describe("the wasm backend's thread count", () => {
  it("'auto' uses both cores of a 2-core machine (measured faster there, the page still at 60 fps) and leaves one core to the page on larger ones", () => {
    expect(autoWasmThreads(1)).toBe(1);
    expect(autoWasmThreads(2)).toBe(2);
    expect(autoWasmThreads(4)).toBe(3);
    expect(autoWasmThreads(16)).toBe(8);
  });

  it('a number from the threads menu is used as asked, within 1-16', () => {
    expect(wasmThreadCount(2)).toBe(2);
    expect(wasmThreadCount(0)).toBe(1);
    expect(wasmThreadCount(64)).toBe(16);
  });
});
