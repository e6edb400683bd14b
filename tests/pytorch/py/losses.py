"""Every loss's PyTorch form on the inputs the TypeScript test wrote. usage: losses.py DIR: DIR/<id>.py is the
losses module of loss <id>; DIR/inputs holds real, fake (logits), scores, labels, probs, x (points for the
penalty) and eps. Writes DIR/out: <id>/d, <id>/g, softmax_logits, softmax_probs, penalty."""
import importlib.util
import json
import os
import sys

import torch

from common import read_tensors, write_tensors


def module(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3].replace("-", "_"), path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


if __name__ == "__main__":
    d = sys.argv[1]
    with open(os.path.join(d, "losses.json")) as f:
        ids = json.load(f)
    t = {k: torch.from_numpy(v) for k, v in read_tensors(os.path.join(d, "inputs")).items()}
    out = {}
    for i in ids:
        m = module(os.path.join(d, f"{i}.py"))
        out[f"{i}/d"] = m.discriminator_loss(t["real"], t["fake"], float(t["real_label"][0])).reshape(1)
        out[f"{i}/g"] = m.generator_loss(t["fake"]).reshape(1)
        out[f"{i}/score"] = m.mean_score(t["real"]).reshape(1)
    m = module(os.path.join(d, "wgan-gp.py"))
    out["softmax_logits"] = m.softmax_ce(t["scores"], t["labels"]).reshape(1)
    out["softmax_probs"] = m.softmax_ce(t["probs"], t["labels"], probs=True).reshape(1)
    # The penalty for a fixed critic x -> sum(tanh(x @ w)): its input gradient has a known form in both engines.
    w = t["w"]
    critic = lambda x: torch.tanh(x @ w).sum(dim=1, keepdim=True)
    out["penalty"] = m.gradient_penalty(critic, t["x_real"], t["x_fake"], t["eps"]).reshape(1)
    out["to_logits"] = m.to_logits(torch.sigmoid(t["real"]))
    write_tensors(os.path.join(d, "out"), out)
    print("ok")
