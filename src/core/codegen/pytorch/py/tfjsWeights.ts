/** tfjs_weights.py: the tfjs layers format (model.json + weights.bin) read and written with numpy only. */
export const TFJS_WEIGHTS_PY = String.raw`"""Weights in the tfjs layers format: a folder with model.json (the Keras topology and a weights
manifest) and weights.bin (the float32 values, little-endian, in manifest order). It is what Ganvas's
app, npm run train and npm run sample read and write, so weights cross between the engines.

A table in model.py (GENERATOR_WEIGHTS, DISCRIMINATOR_WEIGHTS) names, for every tfjs weight, its
state_dict key and the axis order between the layouts (tfjs kernels are [h, w, in, out], Dense
[in, out]; PyTorch's are [out, in, h, w] and [out, in]). numpy only: no TensorFlow needed.
"""
import io
import json
import os
import re
import zipfile

import numpy as np
import torch

import tfjs_random

NETWORKS = ("generator", "discriminator")
DTYPES = {"float32": np.dtype("<f4"), "int32": np.dtype("<i4")}


class WeightsMismatch(ValueError):
    """The file's weights are not this project's: the message names the first difference."""


def _fmt(shape):
    return "[" + ", ".join(str(int(d)) for d in shape) + "]"


def expected_specs(table):
    return [{"name": name, "shape": list(shape), "dtype": "float32"} for name, shape, *_ in table]


def first_mismatch(network, expected, got):
    """The first difference between this project's weights and a file's, in the words the app uses."""
    by_name = {g["name"]: g for g in got}
    for e in expected:
        g = by_name.get(e["name"])
        if g is None:
            return f"{network}: the file has no weights '{e['name']}' ({_fmt(e['shape'])} in this project)"
        if _fmt(g["shape"]) != _fmt(e["shape"]):
            return f"{network}: '{e['name']}' is {_fmt(g['shape'])} in the file but {_fmt(e['shape'])} in this project"
        if g.get("dtype", "float32") != e["dtype"]:
            return f"{network}: '{e['name']}' is {g.get('dtype')} in the file but {e['dtype']} in this project"
    names = {e["name"] for e in expected}
    for g in got:
        if g["name"] not in names:
            return f"{network}: the file has weights '{g['name']}' that no layer of this project has"
    return None


def _read_manifest(model_json, read_file, where):
    try:
        doc = json.loads(model_json)
    except ValueError as e:
        raise WeightsMismatch(f"{where}/model.json is not JSON ({e})") from None
    groups = doc.get("weightsManifest") if isinstance(doc, dict) else None
    if not groups:
        raise WeightsMismatch(f"{where}/model.json has no weights manifest (is it a tfjs layers model?)")
    specs, data = [], b""
    for group in groups:
        specs += group.get("weights", [])
        for path in group.get("paths", []):
            data += read_file(path)
    return specs, data


def read_network(source, network):
    """(specs, bytes) of one network from a run folder, a model folder or a weights zip."""
    if os.path.isdir(source):
        folder = source if os.path.exists(os.path.join(source, "model.json")) and os.path.basename(os.path.normpath(source)) == network \
            else os.path.join(source, network)
        path = os.path.join(folder, "model.json")
        if not os.path.exists(path):
            raise WeightsMismatch(f"'{source}' has no {network}/model.json (pass a run folder or a weights zip)")

        def read_file(p):
            with open(os.path.join(folder, p), "rb") as f:
                return f.read()
        with open(path, encoding="utf-8") as f:
            return _read_manifest(f.read(), read_file, network)
    if not zipfile.is_zipfile(source):
        raise WeightsMismatch(f"'{source}' is neither a folder nor a zip file")
    with zipfile.ZipFile(source) as z:
        # Anywhere in the zip: a re-zipped folder adds a top-level directory.
        entry = next((n for n in z.namelist() if re.search(rf"(^|/){network}/model\.json$", n)), None)
        if entry is None:
            raise WeightsMismatch(f"the zip has no {network}/model.json")
        prefix = entry[: -len("model.json")]

        def read_file(p):
            try:
                return z.read(prefix + p)
            except KeyError:
                raise WeightsMismatch(f"the zip has no {prefix}{p} (named in {network}/model.json)") from None
        return _read_manifest(z.read(entry).decode("utf-8"), read_file, network)


def _arrays(specs, data, network):
    out, offset = {}, 0
    for s in specs:
        dtype = DTYPES.get(s.get("dtype", "float32"))
        if dtype is None:
            raise WeightsMismatch(f"{network}: '{s['name']}' has dtype {s.get('dtype')}, which Ganvas does not write")
        n = int(np.prod(s["shape"], dtype=np.int64)) * dtype.itemsize
        if offset + n > len(data):
            raise WeightsMismatch(f"{network}: weights.bin holds {len(data)} bytes but its weights need more")
        out[s["name"]] = np.frombuffer(data, dtype=dtype, count=n // dtype.itemsize, offset=offset).reshape(s["shape"])
        offset += n
    if offset != len(data):
        raise WeightsMismatch(f"{network}: weights.bin holds {len(data)} bytes but its weights need {offset}")
    return out


def load(nets, source):
    """Loads both networks' weights from source (a run folder of Ganvas or of this project, or a weights
    zip of the app), all or nothing: every name, shape and byte count is checked before any tensor changes.

    nets: {"generator": (module, table), "discriminator": (module, table)}."""
    arrays = {}
    for network in NETWORKS:
        module, table = nets[network]
        specs, data = read_network(source, network)
        problem = first_mismatch(network, expected_specs(table), specs)
        if problem:
            raise WeightsMismatch(problem)
        arrays[network] = _arrays(specs, data, network)
    for network in NETWORKS:
        module, table = nets[network]
        state = module.state_dict()
        with torch.no_grad():
            for name, _shape, key, perm, _init, _trained in table:
                a = arrays[network][name]
                state[key].copy_(torch.from_numpy(np.array(a.transpose(perm) if perm else a, dtype=np.float32)))


def tfjs_arrays(module, table):
    """(name, float32 array in tfjs layout) for every weight of the table, in its order."""
    state = module.state_dict()
    out = []
    for name, shape, key, perm, _init, _trained in table:
        t = state[key].detach().to("cpu", torch.float32).numpy()
        a = t.transpose(np.argsort(perm)) if perm else t
        assert tuple(a.shape) == tuple(shape), (name, a.shape, shape)
        out.append((name, np.ascontiguousarray(a, dtype="<f4")))
    return out


def save(module, table, topology, folder):
    """Writes model.json + weights.bin as tfjs saves a layers model (tf.loadLayersModel opens it)."""
    os.makedirs(folder, exist_ok=True)
    arrays = tfjs_arrays(module, table)
    manifest = [{"name": n, "shape": list(a.shape), "dtype": "float32"} for n, a in arrays]
    doc = {
        "format": "layers-model", "generatedBy": "PyTorch " + torch.__version__, "convertedBy": "Ganvas (PyTorch export)",
        "modelTopology": topology, "weightsManifest": [{"paths": ["weights.bin"], "weights": manifest}],
    }
    with open(os.path.join(folder, "weights.bin"), "wb") as f:
        for _, a in arrays:
            f.write(a.tobytes())
    with open(os.path.join(folder, "model.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f)


def initialise(module, table, seed):
    """Draws every weight as Ganvas does for this seed: tfjs's initialiser for it (glorot-normal kernels,
    zero biases, BatchNorm's ones and zeros, Embedding's U(-0.05, 0.05)) seeded by the training seed and the
    weight's name, with tfjs's own random numbers (tfjs_random.py): the same initial weights as the app."""
    state = module.state_dict()
    with torch.no_grad():
        for name, shape, key, perm, init, _trained in table:
            value = tfjs_random.INITIALISERS[init](tuple(shape), tfjs_random.weight_seed(seed, name))
            state[key].copy_(torch.from_numpy(np.ascontiguousarray(value.transpose(perm) if perm else value)))


def count(module):
    """Parameters plus moving statistics, as Keras (and Ganvas) count a model's parameters."""
    return sum(p.numel() for p in module.parameters()) + sum(
        b.numel() for n, b in module.named_buffers() if not n.endswith("num_batches_tracked"))
`;
