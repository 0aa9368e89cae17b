import { errorText } from '../core/error-text.ts';

interface AdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly isFallbackAdapter?: boolean; readonly description?: string };
}

/**
 * Why automatic backend choice should pass over WebGPU here, or null when it is worth trying. A software adapter
 * (SwiftShader) runs WebGPU on the CPU and is far slower than wasm, so it only runs when forced.
 */
export async function webgpuSkipReason(): Promise<string | null> {
  if (!('gpu' in navigator)) return 'this browser has no WebGPU';
  try {
    // Older typings lack `info.isFallbackAdapter`; read both spellings through a narrow shape.
    const adapter = (await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' })) as AdapterLike | null;
    if (!adapter) return 'no WebGPU adapter on this device';
    if (adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter) return 'the only WebGPU adapter is a software fallback (slower than wasm), so it is skipped unless forced';
    return null;
  } catch (e) {
    return `WebGPU adapter request failed (${errorText(e)})`;
  }
}
