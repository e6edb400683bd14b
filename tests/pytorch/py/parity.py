"""The generated networks on the tfjs weights and inputs the TypeScript test wrote, in inference and
in training mode. usage: parity.py CASES.json, a list of {"project", "weights", "inputs", "out", "train"}:
- weights: a run folder (generator/ and discriminator/ in the tfjs layers format), loaded with the
  project's own tfjs_weights.load (the --init-from path);
- inputs: G's inputs g0, g1, ... and D's d0, d1, ... in tfjs layout;
- out: g_eval, d_eval0.. (and with train: g_train, d_train0.., and every weight after the training-mode
  pass, g:<name> / d:<name>, in tfjs layout), plus params = [G's count, D's count]."""
import json
import sys

import torch

from common import read_tensors, to_torch, use_project, write_tensors

torch.set_num_threads(2)


def run(case):
    m = use_project(case["project"])
    model, data, tw = m["model"], m["data"], m["tfjs_weights"]
    G, D = model.Generator(), model.Discriminator()
    tw.load({"generator": (G, model.GENERATOR_WEIGHTS), "discriminator": (D, model.DISCRIMINATOR_WEIGHTS)}, case["weights"])
    x = read_tensors(case["inputs"])
    g_in = [to_torch(x[f"g{i}"], data) for i in range(sum(k.startswith("g") for k in x))]
    d_in = [to_torch(x[f"d{i}"], data) for i in range(sum(k.startswith("d") for k in x))]
    out = {"params": torch.tensor([tw.count(G), tw.count(D)], dtype=torch.int32)}
    modes = ("eval", "train") if case["train"] else ("eval",)
    for mode in modes:
        G.train(mode == "train")
        D.train(mode == "train")
        with torch.no_grad():
            out[f"g_{mode}"] = data.channels_last(G(*g_in))
            for i, y in enumerate(D(*d_in)):
                out[f"d_{mode}{i}"] = data.channels_last(y)
    if case["train"]:
        for prefix, net, table in (("g", G, model.GENERATOR_WEIGHTS), ("d", D, model.DISCRIMINATOR_WEIGHTS)):
            for name, a in tw.tfjs_arrays(net, table):
                out[f"{prefix}:{name}"] = torch.from_numpy(a)
    write_tensors(case["out"], out)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        for case in json.load(f):
            run(case)
    print("ok")
