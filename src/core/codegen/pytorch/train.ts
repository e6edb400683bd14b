/**
 * train.py: the command line of the PyTorch project. One process or many (torchrun: DDP with a
 * DistributedSampler, gloo on CPU, nccl on CUDA, rank 0 writes), checkpoints and --resume, optional
 * mixed precision on CUDA, --init-from weights of the app or the CLI; it writes what `npm run train`
 * writes, so the run opens in Ganvas. The text is the same for every project but its header and settings.
 */
import type { GanPlan } from '../../compile/plan';
import type { Project } from '../../project/types';
import { docstringText, stringLiteral } from '../../codeText';

const pyValue = (v: unknown): string => {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return stringLiteral(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${stringLiteral(k)}: ${pyValue(x)}`)
    .join(', ')}}`;
};

export function emitTrainPy(plan: GanPlan, project: Project): string {
  const t = plan.training;
  const training = Object.entries(t).map(([k, v]) => `    ${stringLiteral(k)}: ${pyValue(v)},`);
  return String.raw`#!/usr/bin/env python3
"""${docstringText(project.name)}: train the GAN designed in Ganvas, with PyTorch, on CPU, one GPU or many.

  python train.py --steps 1000 --out runs/mine                     # one process; --device auto|cpu|cuda|mps
  torchrun --nproc_per_node=4 train.py --steps 1000 --out runs/mine # DDP, one process per GPU (gloo on CPU)
  torchrun --nnodes=2 --node_rank=0 --nproc_per_node=8 --master_addr=HOST --master_port=29500 train.py ...

The run folder gets what Ganvas's npm run train writes: samples.png and samples/, metrics.jsonl and
metrics.csv, generator/ and discriminator/ in the tfjs layers format (model.json + weights.bin), plan.json
and project.json; so npm run sample, the app's Import weights and its latent explorer open it. With G
weight averaging on (TRAINING["gAverage"] > 0) samples and generator/ come from the averaged G, and
checkpoint.pt keeps the average beside G's training weights.
See README.md for every flag.
"""
import argparse
import json
import math
import os
import shutil
import sys
import time

import numpy as np
import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler

import data
import model
import outputs
import step as gan_step
import tfjs_weights

HERE = os.path.dirname(os.path.abspath(__file__))
# The project's training settings as designed in Ganvas (--batch and --seed override two of them).
TRAINING = {
${training.join('\n')}
}
USES_LABELS = ${plan.usesLabels ? 'True' : 'False'}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=1000, help="training steps (each: k D-steps, then one G-step)")
    p.add_argument("--batch", type=int, default=TRAINING["batchSize"], help="batch size of one step, split across processes")
    p.add_argument("--out", default=None, help="run folder (default runs/<project>)")
    p.add_argument("--sample-every", type=int, default=None, help="write a sample grid (and a checkpoint) every K steps")
    p.add_argument("--seed", type=int, default=TRAINING["seed"], help="seed of the initial weights, batches and latents")
    p.add_argument("--data", default=None, help="train on this instead: IDX images (.gz too), a folder or .zip of images, or Ganvas's MNIST .bin")
    p.add_argument("--labels", default=None, help="labels IDX file for --data IDX images")
    p.add_argument("--image-size", type=int, default=28, help="size of images from a folder or zip")
    p.add_argument("--channels", type=int, choices=(1, 3), default=1, help="1 (gray) or 3 (RGB) for images from a folder or zip")
    p.add_argument("--fit", choices=("crop", "pad", "stretch"), default=data.FIT, help=f"how images from a folder or zip become square (default {data.FIT})")
    p.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), default="auto", help="auto: CUDA, else Apple MPS, else CPU")
    p.add_argument("--threads", type=int, default=0, help="CPU threads per process (0: PyTorch's default)")
    p.add_argument("--init-from", default=None, help="start from these weights: a Ganvas run folder or an app weights zip")
    p.add_argument("--checkpoint-every", type=int, default=None, help="save checkpoint.pt every K steps (default: with each sample grid)")
    p.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint.pt")
    p.add_argument("--sync-bn", action="store_true", help="under DDP, BatchNorm statistics over all processes' batches")
    p.add_argument("--amp", action="store_true", help="mixed precision on CUDA (bfloat16, or float16 with loss scaling)")
    p.add_argument("--metrics", action="store_true", help="2-D toy data: modes covered, high-quality share, KL and JS at each sample grid")
    return p.parse_args(argv)


def pick_device(choice, local_rank):
    if choice == "auto":
        choice = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    if choice == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit("--device cuda: PyTorch sees no CUDA device (torch " + torch.__version__ + ")")
        torch.cuda.set_device(local_rank)
        return torch.device("cuda", local_rank)
    if choice == "mps" and not torch.backends.mps.is_available():
        raise SystemExit("--device mps: this PyTorch build has no MPS support")
    return torch.device(choice)


def real_batches(values, labels, sampler, batch, device):
    """This process's share of each epoch (DistributedSampler: disjoint across processes), batch by batch."""
    epoch = 0
    while True:
        sampler.set_epoch(epoch)
        idx = torch.tensor(list(iter(sampler)), dtype=torch.long)
        if len(idx) < batch:  # fewer samples than a batch: draw with replacement, as Ganvas does
            idx = idx[torch.randint(len(idx), (batch * max(1, len(idx) // batch + 1),))]
        for i in range(0, len(idx) - batch + 1, batch):
            j = idx[i:i + batch]
            yield values[j].to(device, non_blocking=True), (labels[j].to(device, non_blocking=True) if labels is not None else None)
        epoch += 1


def fixed_samples(G, n, device, seed=1234):
    """n samples in inference mode from fixed latents (seed 1234) and, for conditional graphs, labels 0, 1, 2, ..."""
    rng = torch.Generator(device=device).manual_seed(seed)
    labels = torch.arange(n, device=device) % model.NUM_CLASSES if USES_LABELS else None
    was = G.training
    G.eval()
    with torch.no_grad():
        x = G(*model.sample_generator_inputs(n, labels=labels, rng=rng, device=device).values).float()
    G.train(was)
    return data.channels_last(x).cpu().numpy()


def sample_picture(G, real_values, device):
    if len(model.DATA_SHAPE) == 1 and model.DATA_SHAPE[0] == 2:
        return outputs.scatter_plot(real_values[:1000].numpy(), fixed_samples(G, 1000, device))
    return outputs.image_grid(fixed_samples(G, 64, device), data.SCALE)


def fmt(x):
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.3f}"


def main(argv=None):
    args = parse_args(argv)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank, local_rank = int(os.environ.get("RANK", "0")), int(os.environ.get("LOCAL_RANK", "0"))
    distributed = world > 1
    device = pick_device(args.device, local_rank)
    if distributed:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    main_process = rank == 0
    log = print if main_process else (lambda *a, **k: None)
    if args.threads:
        torch.set_num_threads(args.threads)
    if args.batch % world:
        raise SystemExit(f"--batch {args.batch} does not split evenly across {world} processes")
    local_batch = args.batch // world
    cfg = dict(TRAINING, batchSize=args.batch, seed=args.seed)
    out = os.path.abspath(args.out or os.path.join("runs", os.path.basename(HERE)))
    every = args.sample_every or max(1, round(args.steps / 10))
    checkpoint_every = args.checkpoint_every or every
    checkpoint = os.path.join(out, "checkpoint.pt")
    if args.resume and not os.path.exists(checkpoint):
        raise SystemExit(f"--resume: no checkpoint at {checkpoint}")

    values, labels = data.load(args.data, args.labels, args.image_size, args.channels, args.fit)
    if tuple(values.shape[1:]) != tuple(model.DATA_SHAPE):
        raise SystemExit(f"the data's samples are {'x'.join(map(str, values.shape[1:]))} but the graph expects {'x'.join(map(str, model.DATA_SHAPE))}")
    if USES_LABELS and labels is None:
        raise SystemExit("the graph uses class labels but the data has none")
    values = data.channels_first(torch.from_numpy(np.ascontiguousarray(values)))
    labels = torch.from_numpy(labels) if USES_LABELS else None

    torch.manual_seed(args.seed)
    G, D = model.Generator(), model.Discriminator()
    tfjs_weights.initialise(G, model.GENERATOR_WEIGHTS, args.seed)
    tfjs_weights.initialise(D, model.DISCRIMINATOR_WEIGHTS, args.seed)
    if args.init_from:
        try:
            tfjs_weights.load({"generator": (G, model.GENERATOR_WEIGHTS), "discriminator": (D, model.DISCRIMINATOR_WEIGHTS)}, args.init_from)
        except tfjs_weights.WeightsMismatch as e:
            raise SystemExit(f"--init-from {args.init_from}: {e}; nothing was loaded") from None
        log(f"weights from {args.init_from}")
    G.to(device)
    D.to(device)
    if distributed and args.sync_bn:
        G, D = nn.SyncBatchNorm.convert_sync_batchnorm(G), nn.SyncBatchNorm.convert_sync_batchnorm(D)
    start = 0
    state = torch.load(checkpoint, map_location=device, weights_only=True) if args.resume else None
    if state:
        G.load_state_dict(state["generator"])
        D.load_state_dict(state["discriminator"])
        start = state["step"]
    if distributed:
        ids = [device.index] if device.type == "cuda" else None
        G, D = DistributedDataParallel(G, device_ids=ids), DistributedDataParallel(D, device_ids=ids)

    sampler = DistributedSampler(range(len(values)), num_replicas=world, rank=rank, shuffle=True, seed=args.seed, drop_last=True)
    batches = real_batches(values, labels, sampler, local_batch, device)
    rng = torch.Generator(device=device).manual_seed(args.seed * 1000 + rank + start * 7919)
    amp_dtype, scalers = None, None
    if args.amp:
        if device.type != "cuda":
            raise SystemExit("--amp needs a CUDA device")
        amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        if amp_dtype == torch.float16:
            scalers = {"d": torch.amp.GradScaler("cuda"), "g": torch.amp.GradScaler("cuda")}
    autocast = (lambda: torch.autocast("cuda", dtype=amp_dtype)) if amp_dtype else None
    gan = gan_step.GanStep(G, D, cfg, lambda: next(batches), local_batch, rng, device, scalers)
    if state:
        gan.opt_g.load_state_dict(state["opt_g"])
        gan.opt_d.load_state_dict(state["opt_d"])
        gan.step_index = start
        if gan.average is not None and "average" in state:
            gan.average.load_state_dict(state["average"])

    if main_process:
        os.makedirs(out, exist_ok=True)
        metrics = outputs.MetricsFiles(out, gan_step.METRICS, resume_step=start if state else None)
    log(f"{cfg['loss']} loss, {args.steps} steps, batch {args.batch}" + (f" ({world} processes x {local_batch})" if distributed else "")
        + f", on {device}" + (f" with {amp_dtype}" if amp_dtype else "") + f", torch {torch.__version__}")
    log(f"generator: {tfjs_weights.count(gan_step.plain(G)):,} params, discriminator: {tfjs_weights.count(gan_step.plain(D)):,} params")
    log(f"data: {len(values):,} samples of {'x'.join(map(str, model.DATA_SHAPE))}" + (f", resuming at step {start}" if state else ""))
    if args.metrics and not data.MODES:
        log("--metrics: quality metrics are computed for 2-D toy data only in this project; losses are still written")

    t0 = time.perf_counter()
    pending, last = [], None

    def flush():
        nonlocal last
        if not pending:
            return
        m = torch.stack([v for _, v in pending])
        if distributed:
            dist.all_reduce(m)  # the mean over processes of each metric
            m /= world
        rows = m.cpu().tolist()
        seconds = time.perf_counter() - t0
        for (s, _), row in zip(pending, rows):
            if main_process:
                metrics.write(s, row, seconds)
            bad = next((n for n, v in zip(gan_step.METRICS, row) if not math.isfinite(v)), None)
            if bad:
                if main_process:
                    with open(os.path.join(out, "error.txt"), "w") as f:
                        f.write(f"step {s}: {bad} is not finite\n")
                raise SystemExit(f"step {s}: {bad} became NaN or infinite; try a lower learning rate or add normalisation")
        last = (pending[-1][0], rows[-1])
        pending.clear()
        s, row = last
        d = dict(zip(gan_step.METRICS, row))
        log(f"step {s}/{args.steps}  D {fmt(d['dLoss'])}  G {fmt(d['gLoss'])}  D(x) {fmt(d['dReal'])}  D(G(z)) {fmt(d['dFake'])}"
            f"  {(s - start) / max(seconds, 1e-9):.2f} steps/s", flush=True)

    G_plain, D_plain = gan_step.plain(G), gan_step.plain(D)
    # Samples, quality measurements and the written generator/ come from G's averaged weights when gAverage > 0.
    G_samples = gan.average if gan.average is not None else G_plain
    for s in range(start + 1, args.steps + 1):
        pending.append((s, gan.step(autocast=autocast)))
        if len(pending) >= 10 or s % every == 0 or s == args.steps:
            flush()
        if main_process and (s % every == 0 or s == args.steps):
            outputs.write_samples(out, s, sample_picture(G_samples, values, device))
            if args.metrics and data.MODES:
                q = outputs.toy2d_quality(fixed_samples(G_samples, 2500, device, seed=99), values[:2500].numpy(), data.MODES, data.MODE_STD)
                metrics.note({"step": s, "quality": q})
                log(f"quality at step {s}: {q['modesCovered']}/{q['modes']} modes covered, {100 * q['highQuality']:.1f}% high-quality samples, "
                    f"KL {q['kl']:.3f}, JS {q['js']:.3f}")
        if main_process and (s % checkpoint_every == 0 or s == args.steps):
            saved = {"step": s, "generator": G_plain.state_dict(), "discriminator": D_plain.state_dict(),
                     "opt_g": gan.opt_g.state_dict(), "opt_d": gan.opt_d.state_dict()}
            if gan.average is not None:
                saved["average"] = gan.average.state_dict()
            torch.save(saved, checkpoint + ".tmp")
            os.replace(checkpoint + ".tmp", checkpoint)
    seconds = time.perf_counter() - t0
    if main_process:
        with open(os.path.join(HERE, "tfjs_topology.json"), encoding="utf-8") as f:
            topology = json.load(f)
        tfjs_weights.save(G_samples, model.GENERATOR_WEIGHTS, topology["generator"], os.path.join(out, "generator"))
        tfjs_weights.save(D_plain, model.DISCRIMINATOR_WEIGHTS, topology["discriminator"], os.path.join(out, "discriminator"))
        with open(os.path.join(HERE, "plan.json"), encoding="utf-8") as f:
            plan = json.load(f)
        plan["training"].update(batchSize=args.batch, seed=args.seed)
        with open(os.path.join(out, "plan.json"), "w", encoding="utf-8") as f:
            json.dump(plan, f, indent=2)
        shutil.copyfile(os.path.join(HERE, "project.json"), os.path.join(out, "project.json"))
        done = args.steps - start
        if last:
            d = dict(zip(gan_step.METRICS, last[1]))
            log(f"done: {done} steps in {seconds:.1f} s ({1000 * seconds / max(done, 1):.1f} ms/step); last D {fmt(d['dLoss'])}, G {fmt(d['gLoss'])}")
        log(f"wrote {out}/: samples.png, samples/, metrics.jsonl, metrics.csv, generator/, discriminator/, plan.json, project.json, checkpoint.pt")
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;
}
