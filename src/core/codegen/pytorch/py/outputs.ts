/** outputs.py: what a run writes besides weights: sample grids as PNG and the metrics files, as `npm run train` does. */
export const OUTPUTS_PY = String.raw`"""A run's files, as Ganvas's npm run train writes them: samples.png and samples/step-NNNNNN.png (a grid
of images, or generated 2-D points in orange over real ones in grey), metrics.jsonl and metrics.csv
(one row per step, the same columns). Standard library and numpy only.
"""
import json
import os
import struct
import zlib

import numpy as np


def png_bytes(pixels):
    """pixels: uint8 [height, width] (gray) or [height, width, 3] (RGB)."""
    h, w = pixels.shape[:2]
    color = 0 if pixels.ndim == 2 else 2
    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, color, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def image_grid(values, scale, zoom=2):
    """values: [n, h, w, c] in the data's scale -> a grid with 1-pixel gaps, like Ganvas's imageGrid."""
    n, h, w, c = values.shape
    cols = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / cols))
    pad = 1
    out = np.full((rows * (h * zoom + pad) + pad, cols * (w * zoom + pad) + pad, 3 if c == 3 else 1), 40, dtype=np.uint8)
    v = (values + 1) * 127.5 if scale == "tanh" else values * 255
    v = np.clip(np.floor(v + 0.5), 0, 255).astype(np.uint8)
    v = v.repeat(zoom, axis=1).repeat(zoom, axis=2)
    for i in range(n):
        oy, ox = pad + (i // cols) * (h * zoom + pad), pad + (i % cols) * (w * zoom + pad)
        out[oy:oy + h * zoom, ox:ox + w * zoom] = v[i][:, :, :out.shape[2]]
    return out[:, :, 0] if out.shape[2] == 1 else out


def scatter_plot(real, fake, extent=3.0, size=320):
    """Real points in grey, generated points in orange, on [-extent, extent]^2, like Ganvas's scatterPlot."""
    out = np.full((size, size, 3), 255, dtype=np.uint8)
    out[size // 2, :] = 225
    out[:, size // 2] = 225
    for pts, rgb in ((real, (170, 170, 170)), (fake, (230, 110, 20))):
        cx = np.floor((pts[:, 0] + extent) / (2 * extent) * (size - 1) + 0.5).astype(int)
        cy = np.floor((extent - pts[:, 1]) / (2 * extent) * (size - 1) + 0.5).astype(int)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                x, y = cx + dx, cy + dy
                ok = (x >= 0) & (y >= 0) & (x < size) & (y < size)
                out[y[ok], x[ok]] = rgb
    return out


def toy2d_quality(fake, real, modes, std, grid=40):
    """Sample quality on 2-D toy data, as Ganvas measures it (src/core/quality/toy2d.ts): a sample is high
    quality within 3 standard deviations of its nearest mode; a mode is covered when at least 1% of all
    samples are high-quality samples of it; KL(real || fake) and Jensen-Shannon on a grid of histograms."""
    modes = np.asarray(modes, dtype=np.float64)
    fake, real = np.asarray(fake, dtype=np.float64), np.asarray(real, dtype=np.float64)
    d = np.linalg.norm(fake[:, None, :] - modes[None, :, :], axis=2)
    nearest, good = d.argmin(1), d.min(1) <= 3 * std
    per_mode = np.bincount(nearest[good], minlength=len(modes))
    extent = np.abs(modes).max() + 1

    def hist(pts):
        h = np.full((grid, grid), 1e-6)
        ij = np.floor((pts + extent) / (2 * extent) * grid).astype(int)
        ok = (ij >= 0).all(1) & (ij < grid).all(1)
        np.add.at(h, (ij[ok, 1], ij[ok, 0]), 1)
        return (h / h.sum()).ravel()
    p, q = hist(real), hist(fake)
    m = (p + q) / 2
    n = len(fake)
    return {"samples": n, "modes": len(modes), "modesCovered": int((per_mode >= max(1, 0.01 * n)).sum()),
            "highQuality": float(good.mean()), "kl": float((p * np.log(p / q)).sum()),
            "js": float((0.5 * p * np.log(p / m) + 0.5 * q * np.log(q / m)).sum())}


def write_samples(out_dir, step, pixels):
    os.makedirs(os.path.join(out_dir, "samples"), exist_ok=True)
    data = png_bytes(pixels)
    for path in (os.path.join(out_dir, "samples", f"step-{step:06d}.png"), os.path.join(out_dir, "samples.png")):
        with open(path, "wb") as f:
            f.write(data)


class MetricsFiles:
    """metrics.jsonl and metrics.csv; resuming keeps the rows up to the checkpoint's step."""

    def __init__(self, out_dir, names, resume_step=None):
        self.names = names
        self.jsonl, self.csv = os.path.join(out_dir, "metrics.jsonl"), os.path.join(out_dir, "metrics.csv")
        if resume_step is None:
            with open(self.jsonl, "w"):
                pass
            with open(self.csv, "w") as f:
                f.write(",".join(["step", *names, "seconds"]) + "\n")
        else:
            self._truncate(resume_step)

    def _truncate(self, step):
        keep = []
        if os.path.exists(self.jsonl):
            with open(self.jsonl) as f:
                keep = [line for line in f if json.loads(line).get("step", 0) <= step]
        with open(self.jsonl, "w") as f:
            f.writelines(keep)
        rows = []
        if os.path.exists(self.csv):
            with open(self.csv) as f:
                rows = f.readlines()
        with open(self.csv, "w") as f:
            f.write(rows[0] if rows else ",".join(["step", *self.names, "seconds"]) + "\n")
            f.writelines(r for r in rows[1:] if int(r.split(",")[0]) <= step)

    def write(self, step, values, seconds):
        # Not-a-number is null in JSON, as JavaScript's JSON.stringify writes it.
        row = {"step": step, **{k: _finite(float(v)) for k, v in zip(self.names, values)}, "seconds": round(seconds, 3)}
        with open(self.jsonl, "a") as f:
            f.write(json.dumps(row) + "\n")
        with open(self.csv, "a") as f:
            f.write(",".join([str(step), *(_num(float(v)) for v in values), f"{seconds:.3f}"]) + "\n")

    def note(self, record):
        with open(self.jsonl, "a") as f:
            f.write(json.dumps(record) + "\n")


def _finite(v):
    return v if np.isfinite(v) else None


def _num(v):
    """A float as JavaScript prints it in Ganvas's CSV (NaN, Infinity, shortest round-trip digits)."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v) if v != int(v) or abs(v) >= 1e21 else str(int(v))
`;
