"""One GAN step of the generated project from the weights, batches and latents the TypeScript test took
from Ganvas's step. usage: step_parity.py CASES.json, a list of {"project", "weights", "batches", "out",
"batch", "d_steps"}. batches holds, per D-step k: d<k>/real, d<k>/labels, d<k>/v<i> (G's inputs),
d<k>/feed_labels, d<k>/cat<i>, d<k>/cont, d<k>/gp_eps; and for G's step g/v<i>, g/feed_labels, g/cat<i>,
g/cont. Writes the step's metrics and every weight after it (tfjs layout)."""
import json
import sys

import torch

from common import read_tensors, to_torch, use_project, write_tensors

torch.set_num_threads(2)


def feed(model, data, t, prefix):
    n = sum(1 for k in t if k.startswith(prefix + "v"))
    values = [to_torch(t[f"{prefix}v{i}"], data) for i in range(n)]
    labels = to_torch(t[prefix + "feed_labels"], data) if prefix + "feed_labels" in t else None
    cats = [to_torch(t[f"{prefix}cat{i}"], data) for i in range(sum(1 for k in t if k.startswith(prefix + "cat")))]
    cont = to_torch(t[prefix + "cont"], data) if prefix + "cont" in t else None
    return model.Feed(values, labels, cats, cont)


def run(case):
    m = use_project(case["project"])
    model, data, tw, step, train = m["model"], m["data"], m["tfjs_weights"], m["step"], m["train"]
    cfg = dict(train.TRAINING, batchSize=case["batch"], dSteps=case["d_steps"])
    G, D = model.Generator(), model.Discriminator()
    tw.load({"generator": (G, model.GENERATOR_WEIGHTS), "discriminator": (D, model.DISCRIMINATOR_WEIGHTS)}, case["weights"])
    t = read_tensors(case["batches"])
    batches = {"d": [], "g": feed(model, data, t, "g/")}
    for k in range(case["d_steps"]):
        p = f"d{k}/"
        batches["d"].append({
            "real": to_torch(t[p + "real"], data),
            "labels": to_torch(t[p + "labels"], data) if p + "labels" in t else None,
            "feed": feed(model, data, t, p),
            "gp_eps": to_torch(t[p + "gp_eps"], data),
        })
    gan = step.GanStep(G, D, cfg, None, case["batch"], None, torch.device("cpu"))
    out = {"metrics": gan.step(batches=batches)}
    for prefix, net, table in (("g", G, model.GENERATOR_WEIGHTS), ("d", D, model.DISCRIMINATOR_WEIGHTS)):
        for name, a in tw.tfjs_arrays(net, table):
            out[f"{prefix}:{name}"] = torch.from_numpy(a)
    if gan.average is not None:
        for name, a in tw.tfjs_arrays(gan.average, model.GENERATOR_WEIGHTS):
            out[f"gavg:{name}"] = torch.from_numpy(a)
    write_tensors(case["out"], out)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        for case in json.load(f):
            run(case)
    print("ok")
