/**
 * Every size limit Ganvas enforces, declared once with its value and its reason. The project loader
 * checks the file-shape limits (nesting, nodes, wires) before it reads further; the validator checks
 * the model-size limits (largest layer, parameters per network, estimated training memory at the
 * chosen batch) as Problems on the node at fault (core/validate/limitProblems.ts), so the editor lists them,
 * Train and Export are refused (compileGraph fails) and the CLI stops before it allocates anything.
 * A leaf: it imports nothing, so every layer that checks a limit (core/data's readers too) can import it.
 */

export interface Limit {
  value: number;
  what: string;
  why: string;
}

export const LIMITS = {
  /** How deeply objects and lists may nest in a project file (a real one nests 6 levels). */
  nesting: {
    value: 32,
    what: 'levels of nesting in a project file',
    why: 'a project nests 6 levels; deeper input is not a project and would overflow the stack of every recursive reader',
  },
  projectBytes: {
    value: 16 * 1024 ** 2,
    what: 'bytes of project text',
    why: 'the largest template is 25 KB and a graph at the node limit about 2 MB; a share link or file larger than this is not a project, and would stall the page while it is read',
  },
  nodes: {
    value: 5_000,
    what: 'nodes in a graph',
    why: 'the templates have at most 40; validation and the canvas slow down long before 5,000',
  },
  edges: { value: 20_000, what: 'wires in a graph', why: 'four wires per node on average at the node limit' },
  layerParams: {
    value: 20_000_000,
    what: 'parameters in one layer',
    why: "a layer's weights are one tensor (80 MB of float32 at the limit); the largest layer of the templates (InfoGAN's) has 6.4 million",
  },
  networkParams: {
    value: 50_000_000,
    what: 'parameters in one network',
    why: "with gradients and Adam's two moments that is 800 MB before any activation; the largest template network (InfoGAN's D) has 6.7 million",
  },
  memoryBytes: {
    value: 2 * 1024 ** 3,
    what: 'estimated training memory',
    why: 'half the 4 GiB a WebAssembly heap can reach (the wasm backend keeps every tensor there), leaving room for what the estimate leaves out',
  },
  // User data (core/data): each reader checks these BEFORE it allocates — a file's size before it is read
  // whole, a header's declared size before the buffer it describes, a zip entry's declared size before it is inflated.
  dataFileBytes: {
    value: 512 * 1024 ** 2,
    what: 'bytes in one data file',
    why: 'a browser tab holds the whole file in memory while it decodes it; the full Fashion-MNIST training images are 47 MB, a zip of 10,000 64×64 PNGs about 60 MB',
  },
  expandedBytes: {
    value: 1024 ** 3,
    what: 'bytes once a gzip file or a zip entry is decompressed',
    why: 'a few kilobytes of gzip can claim gigabytes; the declared size is checked before inflating and the stream is cut at the limit',
  },
  imagePixels: {
    value: 40_000_000,
    what: 'pixels in one image',
    why: 'an image is decoded whole (4 bytes a pixel: 160 MB at the limit) before it is shrunk to at most 64×64',
  },
  images: {
    value: 200_000,
    what: 'images in one dataset',
    why: 'decoding takes about 1 ms an image; more is for the CLI or PyTorch',
  },
  points: {
    value: 1_000_000,
    what: 'points in one point cloud',
    why: '8 MB of float32; a 2-D GAN learns from far fewer',
  },
  datasetDeviceBytes: {
    value: 1024 ** 3,
    what: 'device memory for the dataset',
    why: 'the dataset sits on the GPU (or in the WebAssembly heap, at most 4 GB) beside the models, their gradients and optimizer state',
  },
} as const satisfies Record<string, Limit>;

export const fmtInt = (n: number): string =>
  Number.isFinite(n) && n < 1e21 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2);

/** Bytes in binary units as people read them: `16 bytes`, `840 MB`, `2 GB`, `3.4 GB`, `4,068 GB`. */
export function fmtBytes(b: number): string {
  if (b < 1024) return `${fmtInt(b)} bytes`;
  const gb = b / 1024 ** 3;
  if (gb >= 10) return `${fmtInt(gb)} GB`;
  if (gb >= 1) return `${gb.toFixed(1).replace(/\.0$/, '')} GB`;
  if (b >= 1024 ** 2) return `${(b / 1024 ** 2).toFixed(0)} MB`;
  return `${Math.ceil(b / 1024)} KB`;
}

/** Why a project text of `bytes` bytes is refused before it is read, or null when it may be read. */
export function projectSizeError(bytes: number): string | null {
  const max = LIMITS.projectBytes.value;
  return bytes > max
    ? `${fmtBytes(bytes)} is more than the ${fmtBytes(max)} a project file may have: it is not a Ganvas project`
    : null;
}
