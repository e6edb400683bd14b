"""One DDP step equals one single-process step on the whole batch. usage: ddp_step.py PROJECT OUT [PROJECT
OUT ...], run under torchrun (each process takes its share of the batch) or as one process (the whole batch).
Rank 0 writes each step's metrics (averaged over processes, as train.py reports them) and every weight after it."""
import os
import sys

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from common import use_project, write_tensors

torch.set_num_threads(1)


def share(model, f, part):
    pick = lambda t: None if t is None else t[part]
    return model.Feed([v[part] for v in f.values], pick(f.labels), [c[part] for c in f.categorical], pick(f.continuous))


def run(project, out):
    m = use_project(project)
    model, tw, step, train = m["model"], m["tfjs_weights"], m["step"], m["train"]
    world, rank = int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0"))
    G, D = model.Generator(), model.Discriminator()
    tw.initialise(G, model.GENERATOR_WEIGHTS, 7)
    tw.initialise(D, model.DISCRIMINATOR_WEIGHTS, 7)
    B = 8
    real = torch.randn((B,) + tuple(model.DATA_SHAPE), generator=torch.Generator().manual_seed(3))
    d_feed = model.sample_generator_inputs(B, rng=torch.Generator().manual_seed(4))
    g_feed = model.sample_generator_inputs(B, rng=torch.Generator().manual_seed(5))
    gp_eps = torch.rand((B,) + (1,) * len(model.DATA_SHAPE), generator=torch.Generator().manual_seed(6))
    part = slice(rank * B // world, (rank + 1) * B // world)
    if world > 1:
        G, D = DistributedDataParallel(G), DistributedDataParallel(D)
    cfg = dict(train.TRAINING, batchSize=B, dSteps=1)
    gan = step.GanStep(G, D, cfg, None, B // world, None, torch.device("cpu"))
    metrics = gan.step(batches={"d": [{"real": real[part], "labels": None, "feed": share(model, d_feed, part), "gp_eps": gp_eps[part]}],
                                "g": share(model, g_feed, part)})
    if world > 1:
        dist.all_reduce(metrics)
        metrics /= world
    if rank == 0:
        res = {"metrics": metrics}
        for prefix, net, table in (("g", G, model.GENERATOR_WEIGHTS), ("d", D, model.DISCRIMINATOR_WEIGHTS)):
            for name, a in tw.tfjs_arrays(step.plain(net), table):
                res[f"{prefix}:{name}"] = torch.from_numpy(a)
        write_tensors(out, res)


if __name__ == "__main__":
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:
        dist.init_process_group("gloo")
    args = sys.argv[1:]
    for i in range(0, len(args), 2):
        run(args[i], args[i + 1])
    if dist.is_initialized():
        dist.barrier()  # as train.py: no rank tears gloo down while rank 0 still writes
        dist.destroy_process_group()
    print("ok")
