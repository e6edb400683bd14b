"""Times the generated project's GAN step against the hand-written one of the same models
(bench/reference/dcgan_keras_torch.py) in one process, in back-to-back pairs whose order alternates.
usage: pytorch_step.py PROJECT --batch B --pairs N --threads T. Prints one JSON line: medians, the median of
the pairs' ratios, the torch build and the BLAS/oneDNN libraries really loaded. Run by bench/pytorch.ts.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def math_build():
    """What this torch build computes with (the official wheel links MKL and oneDNN into libtorch itself)."""
    cfg = torch.__config__.show()
    blas = next((p.split("=")[1] for p in cfg.replace(",", " ").split() if p.startswith("BLAS_INFO=")), "?")
    dnn = next((line.strip("- ").split(" (")[0] for line in cfg.splitlines() if "DNN" in line), "no oneDNN")
    return f"BLAS {blas}, {dnn}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("project")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    sys.path.insert(0, a.project)
    sys.path.insert(0, os.path.join(HERE, "reference"))
    import data, model, step, train, tfjs_weights  # the generated project
    import dcgan_keras_torch as hand

    torch.manual_seed(0)
    values, _ = data.load()
    values = data.channels_first(torch.from_numpy(values))
    draw = lambda: values[torch.randint(0, len(values), (a.batch,))]

    G, D = model.Generator(), model.Discriminator()
    tfjs_weights.initialise(G, model.GENERATOR_WEIGHTS, 42)
    tfjs_weights.initialise(D, model.DISCRIMINATOR_WEIGHTS, 42)
    g, d = hand.G(), hand.D()
    # The same weights by position, and a check that the two compute the same networks.
    with torch.no_grad():
        for mine, theirs in ((G, g), (D, d)):
            for p, q in zip(list(mine.parameters()) + [b for n, b in mine.named_buffers() if "num_batches" not in n],
                            list(theirs.parameters()) + [b for n, b in theirs.named_buffers() if "num_batches" not in n]):
                q.copy_(p)
        G.eval(), g.eval(), D.eval(), d.eval()
        z = torch.randn(8, 100)
        gap = max((G(z) - g(z)).abs().max().item(), (D(*model.discriminator_inputs(G(z)))[0] - d(g(z))).abs().max().item())
        G.train(), g.train(), D.train(), d.train()
    if gap > 1e-4:
        raise SystemExit(f"the hand-written models are not the generated ones (outputs differ by {gap})")

    cfg = dict(train.TRAINING, batchSize=a.batch, dSteps=1)
    ours = step.GanStep(G, D, cfg, lambda: (draw(), None), a.batch, None, torch.device("cpu"))
    theirs = hand.Step(g, d, draw, a.batch)

    def time_one(f):
        t0 = time.perf_counter()
        f().tolist()  # the step's results read, as train.py reads them
        return (time.perf_counter() - t0) * 1000

    for _ in range(2):  # warm-up: allocator, oneDNN primitives, optimizer state
        time_one(ours.step), time_one(theirs)
    gen, ref, ratios = [], [], []
    for i in range(a.pairs):
        if i % 2 == 0:
            x, y = time_one(ours.step), time_one(theirs)
        else:
            y, x = time_one(theirs), time_one(ours.step)
        gen.append(x), ref.append(y), ratios.append(x / y)
    print(json.dumps({
        "batch": a.batch, "threads": torch.get_num_threads(), "pairs": a.pairs, "generated": statistics.median(gen),
        "hand": statistics.median(ref), "ratio": statistics.median(ratios), "torch": torch.__version__,
        "math": math_build(), "sameModelsGap": gap,
    }))


if __name__ == "__main__":
    main()
