/// <reference lib="webworker" />
/**
 * What GPUs this browser offers the worker: the WebGPU adapter (if any) and the WebGL renderer string,
 * so 'auto' can tell a real GPU from a software one (SwiftShader, llvmpipe). Never throws.
 */
import { probeWebGpu } from '../src/core/backend/choose';
import type { GpuEnvironment } from '../src/core/backend/pick';

function webglRenderer(): string | undefined {
  try {
    if (typeof OffscreenCanvas === 'undefined') return undefined;
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    // Give the context back at once: browsers cap live WebGL contexts, and tfjs will want one.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return undefined;
  }
}

export async function gpuEnvironment(): Promise<GpuEnvironment> {
  const webgpu = await probeWebGpu().catch(() => undefined);
  return { webgpu, webglRenderer: webglRenderer() };
}
