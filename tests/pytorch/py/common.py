"""Shared by the test scripts: tensors exchanged with the TypeScript side (tests/pytorch/helpers.ts) and
importing one generated project at a time (every project has its own model.py, layers.py, ...)."""
import importlib
import json
import sys

import numpy as np
import torch

PROJECT_MODULES = ("model", "layers", "losses", "step", "train", "data", "tfjs_weights", "tfjs_random", "outputs")
DTYPES = {"float32": np.dtype("<f4"), "int32": np.dtype("<i4")}


def read_tensors(file):
    with open(file + ".json") as f:
        specs = json.load(f)
    with open(file + ".bin", "rb") as f:
        data = f.read()
    out, offset = {}, 0
    for s in specs:
        dtype = DTYPES[s["dtype"]]
        n = int(np.prod(s["shape"], dtype=np.int64))
        out[s["name"]] = np.frombuffer(data, dtype=dtype, count=n, offset=offset).reshape(s["shape"]).copy()
        offset += n * dtype.itemsize
    return out


def write_tensors(file, tensors):
    specs, parts = [], []
    for name, a in tensors.items():
        a = a.detach().cpu().numpy() if isinstance(a, torch.Tensor) else np.asarray(a)
        a = np.ascontiguousarray(a, dtype="<i4" if a.dtype.kind in "iu" else "<f4")
        specs.append({"name": name, "shape": list(a.shape), "dtype": "int32" if a.dtype.kind == "i" else "float32"})
        parts.append(a.tobytes())
    with open(file + ".json", "w") as f:
        json.dump(specs, f)
    with open(file + ".bin", "wb") as f:
        f.write(b"".join(parts))


def use_project(path):
    """Imports the generated project at path (forgetting any other project's modules)."""
    for name in PROJECT_MODULES:
        sys.modules.pop(name, None)
    sys.path[:] = [p for p in sys.path if not getattr(use_project, "current", None) or p != use_project.current]
    sys.path.insert(0, path)
    use_project.current = path
    return {name: importlib.import_module(name) for name in PROJECT_MODULES}


def to_torch(a, data):
    """A tfjs-layout array as a PyTorch tensor (images channels-first)."""
    t = torch.from_numpy(a)
    return data.channels_first(t) if t.dtype == torch.float32 else t.long()
