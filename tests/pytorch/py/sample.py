"""PyTorch's own samples from a run's weights for given latents. usage: sample.py PROJECT WEIGHTS INPUTS OUT
(WEIGHTS: a run folder or weights zip, read by the project's tfjs_weights.load; INPUTS: G's inputs g0, g1, ...
in tfjs layout). Writes OUT/samples: G's output in inference mode, channels last."""
import sys

import torch

from common import read_tensors, to_torch, use_project, write_tensors

if __name__ == "__main__":
    project, weights, inputs, out = sys.argv[1:5]
    m = use_project(project)
    model, data, tw = m["model"], m["data"], m["tfjs_weights"]
    G, D = model.Generator(), model.Discriminator()
    tw.load({"generator": (G, model.GENERATOR_WEIGHTS), "discriminator": (D, model.DISCRIMINATOR_WEIGHTS)}, weights)
    x = read_tensors(inputs)
    G.eval()
    with torch.no_grad():
        y = G(*[to_torch(x[f"g{i}"], data) for i in range(len(x))])
    write_tensors(out, {"samples": data.channels_last(y)})
    print("ok")
