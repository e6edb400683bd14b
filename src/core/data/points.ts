/**
 * Point clouds from files: CSV text (two columns x, y, or a header naming columns x and y) and NumPy
 * .npy arrays of shape (n, 2), float32 or float64. Every error names the file and the line (CSV, 1-based
 * as an editor shows it) or the row (.npy, 0-based as NumPy indexes it). Sizes are checked against the
 * limits before anything is allocated.
 */
import type { FloatDataset } from './host';
import { LIMITS, fmtBytes, fmtInt } from '../limits';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

function tooMany(name: string, n: number): Error {
  const l = LIMITS.points;
  return new Error(`${name} holds ${fmtInt(n)} points; the limit is ${fmtInt(l.value)} ${l.what} (${l.why})`);
}

/** Splits a CSV line on its delimiter: comma, semicolon, tab, or runs of spaces. */
function splitter(line: string): (l: string) => string[] {
  for (const d of [',', ';', '\t']) if (line.includes(d)) return (l) => l.split(d).map((t) => t.trim());
  return (l) => l.trim().split(/\s+/);
}

/** Points [x0, y0, x1, y1, ...] from CSV text. Blank lines and lines starting with # are skipped. */
export function parsePointsCsv(text: string, name = 'points.csv'): Float32Array {
  const lines = text.split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() && !l.trim().startsWith('#'));
  if (first < 0) throw new Error(`${name} holds no points (it is empty)`);
  const split = splitter(lines[first]);
  let cols: [number, number] = [0, 1];
  let width = split(lines[first]).length;
  let start = first;
  const head = split(lines[first]);
  if (!head.every((t) => NUMBER.test(t) || NOT_FINITE.test(t))) {
    // A header: it must name x and y unless there are exactly two columns.
    const lower = head.map((h) => h.replace(/^["']|["']$/g, '').toLowerCase());
    const x = lower.indexOf('x'),
      y = lower.indexOf('y');
    if (x >= 0 && y >= 0) cols = [x, y];
    else if (head.length !== 2)
      throw new Error(
        `${name}, line ${first + 1}: a header of ${head.length} columns (${head.join(', ')}) must name the columns x and y`,
      );
    width = head.length;
    start = first + 1;
  } else if (width !== 2) {
    throw new Error(
      `${name}, line ${first + 1}: expected 2 numbers (x, y) per line, found ${width}; with more columns, add a header that names x and y`,
    );
  }
  let rows = 0;
  for (let i = start; i < lines.length; i++) if (lines[i].trim() && !lines[i].trim().startsWith('#')) rows++;
  if (rows > LIMITS.points.value) throw tooMany(name, rows);
  if (rows === 0) throw new Error(`${name} holds no points (only a header)`);
  const out = new Float32Array(rows * 2);
  let k = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const f = split(line);
    const where = `${name}, line ${i + 1}`;
    if (f.length !== width)
      throw new Error(
        `${where}: expected ${width} values like line ${start === first ? first + 1 : first + 2}, found ${f.length}`,
      );
    for (const c of cols) {
      const t = f[c];
      if (t === '') throw new Error(`${where}: an empty value where a number should be`);
      if (NOT_FINITE.test(t)) throw new Error(`${where}: '${t}' is not a finite number`);
      if (!NUMBER.test(t)) throw new Error(`${where}: '${t.slice(0, 40)}' is not a number`);
      const v = Number(t);
      if (!Number.isFinite(v) || Math.abs(v) > 3e38) throw new Error(`${where}: '${t}' is too large`);
      out[k++] = v;
    }
  }
  return out;
}

/** Points [x0, y0, ...] from a .npy file holding a float32 or float64 array of shape (n, 2). */
export function parsePointsNpy(b: Uint8Array, name = 'points.npy'): Float32Array {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
  if (b.length < 10 || magic.some((m, i) => b[i] !== m))
    throw new Error(`${name}: not a NumPy .npy file (it must start with \\x93NUMPY)`);
  const major = b[6];
  if (major < 1 || major > 3) throw new Error(`${name}: unknown .npy format version ${major}.${b[7]}`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const lenAt = major === 1 ? 2 : 4,
    headerStart = 8 + lenAt;
  if (b.length < headerStart) throw new Error(`${name}: truncated inside its header`);
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const dataStart = headerStart + headerLen;
  if (dataStart > b.length)
    throw new Error(`${name}: truncated: its header says it is ${headerLen} bytes long, the file ends before that`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(b.subarray(headerStart, dataStart));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw new Error(`${name}: its header is not a NumPy array header (${header.trim().slice(0, 80)})`);
  const dtype = /^([<>|=]?)f(4|8)$/.exec(descr);
  if (!dtype)
    throw new Error(
      `${name}: holds '${descr}' values; expected float32 ('<f4') or float64 ('<f8'): save it with arr.astype('float32')`,
    );
  if (dtype[1] === '>')
    throw new Error(`${name}: holds big-endian floats ('${descr}'); save it with arr.astype('<f4')`);
  const item = Number(dtype[2]);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (shape.length !== 2 || shape[1] !== 2 || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new Error(
      `${name}: an array of shape (${shapeText.trim()}); expected (n, 2): one row per point, columns x and y`,
    );
  }
  const n = shape[0];
  if (n > LIMITS.points.value) throw tooMany(name, n);
  if (n === 0) throw new Error(`${name} holds no points (shape (0, 2))`);
  const need = n * 2 * item;
  if (b.length - dataStart < need) {
    throw new Error(
      `${name}: truncated: its header says (${n}, 2) ${item === 4 ? 'float32' : 'float64'}, ${fmtBytes(need)} of data, but the file holds ${fmtBytes(b.length - dataStart)} after the header`,
    );
  }
  const out = new Float32Array(n * 2);
  const data = new DataView(b.buffer, b.byteOffset + dataStart, need);
  for (let row = 0; row < n; row++) {
    for (let c = 0; c < 2; c++) {
      const at = (fortran === 'True' ? c * n + row : row * 2 + c) * item;
      const v = item === 4 ? data.getFloat32(at, true) : data.getFloat64(at, true);
      if (!Number.isFinite(v) || Math.abs(v) > 3e38)
        throw new Error(
          `${name}: row ${row} holds ${Number.isNaN(v) ? 'NaN' : v > 0 ? 'a value too large for float32' : 'a value too small for float32'} (rows counted from 0, as NumPy does)`,
        );
      out[row * 2 + c] = v;
    }
  }
  return out;
}

export interface PointsOptions {
  /** Centre the cloud and scale it into [-2, 2]² (keeping its aspect), as the toy sets are; default true. */
  normalise?: boolean;
}

/** Half the width of the box a normalised cloud fills: the ring of 8 Gaussians has radius 2. */
export const POINTS_EXTENT = 2;

/** A point cloud as a dataset (no classes), and how it was moved and scaled. */
export function pointsDataset(
  points: Float32Array,
  name: string,
  o: PointsOptions = {},
): { dataset: FloatDataset; centre: [number, number]; factor: number } {
  const n = points.length / 2;
  if (n < 2) throw new Error(`${name} holds ${n} point${n === 1 ? '' : 's'}; a distribution needs at least 2`);
  let centre: [number, number] = [0, 0],
    factor = 1;
  const values = new Float32Array(points);
  if (o.normalise !== false) {
    const lo = [Infinity, Infinity],
      hi = [-Infinity, -Infinity];
    for (let i = 0; i < values.length; i++) {
      lo[i % 2] = Math.min(lo[i % 2], values[i]);
      hi[i % 2] = Math.max(hi[i % 2], values[i]);
    }
    centre = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2];
    const half = Math.max(hi[0] - lo[0], hi[1] - lo[1]) / 2;
    factor = half > 0 ? POINTS_EXTENT / half : 1;
    for (let i = 0; i < values.length; i++) values[i] = (values[i] - centre[i % 2]) * factor;
  }
  return { dataset: { name, shape: [2], count: n, numClasses: 0, values }, centre, factor };
}
