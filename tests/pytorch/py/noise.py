"""Dropout and Gaussian noise of a generated project, in training and inference mode, on a batch of ones.
usage: noise.py PROJECT OUT. D is data input -> the block. Writes train (one training-mode pass) and eval."""
import sys

import torch

from common import use_project, write_tensors

if __name__ == "__main__":
    m = use_project(sys.argv[1])
    model = m["model"]
    D = model.Discriminator()
    x = torch.ones((2000,) + tuple(model.DATA_SHAPE))
    torch.manual_seed(0)
    with torch.no_grad():
        D.train()
        train = D(x)[0]
        D.eval()
        ev = D(x)[0]
    write_tensors(sys.argv[2], {"train": train, "eval": ev})
    print("ok")
