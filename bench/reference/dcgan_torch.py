#!/usr/bin/env python3
"""PyTorch CPU reference for the dcgan-tf-tutorial template (the TF DCGAN tutorial's models and step).

Same models as templates/dcgan-tf-tutorial.json: G = Dense(7*7*256, no bias) > BN > LeakyReLU(0.3) >
ConvT(128, 5, s1) > BN > LReLU > ConvT(64, 5, s2) > BN > LReLU > ConvT(1, 5, s2, tanh); D = Conv(64, 5, s2)
> LReLU > Dropout(0.3) > Conv(128, 5, s2) > LReLU > Dropout > Dense(1) logit. One step = one D update
on a real and a fake batch + one G update on a fresh z, non-saturating BCE, Adam(1e-4) for both, as
Ganvas's step does it (G forward twice; the TF tutorial reuses one fake batch for both updates).
Prints one JSON line: ms per step (median), torch version, threads and the BLAS library really loaded
(Debian's reference BLAS makes PyTorch several times slower: not a fair anchor).

  python3 bench/reference/dcgan_torch.py --batch 64 --steps 10 [--threads 2]
"""
import argparse, json, statistics, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def same_pad_convt(cin, cout, stride):
    # Keras 'same' conv2dTranspose with kernel 5: out = in * stride.
    return nn.ConvTranspose2d(cin, cout, 5, stride=stride, padding=2, output_padding=stride - 1, bias=False)


class G(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(100, 7 * 7 * 256, bias=False)
        self.bn1, self.bn2, self.bn3 = nn.BatchNorm1d(7 * 7 * 256), nn.BatchNorm2d(128), nn.BatchNorm2d(64)
        self.d1, self.d2, self.d3 = same_pad_convt(256, 128, 1), same_pad_convt(128, 64, 2), same_pad_convt(64, 1, 2)

    def forward(self, z):
        x = F.leaky_relu(self.bn1(self.fc(z)), 0.3).view(-1, 256, 7, 7)
        x = F.leaky_relu(self.bn2(self.d1(x)), 0.3)
        x = F.leaky_relu(self.bn3(self.d2(x)), 0.3)
        return torch.tanh(self.d3(x))


class D(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1, self.c2 = nn.Conv2d(1, 64, 5, 2, padding=2), nn.Conv2d(64, 128, 5, 2, padding=2)
        self.fc = nn.Linear(7 * 7 * 128, 1)

    def forward(self, x):
        x = F.dropout(F.leaky_relu(self.c1(x), 0.3), 0.3, self.training)
        x = F.dropout(F.leaky_relu(self.c2(x), 0.3), 0.3, self.training)
        return self.fc(x.flatten(1))


def blas_library():
    """The BLAS/LAPACK shared objects this process really mapped (Debian switches them with alternatives)."""
    libs = set()
    with open('/proc/self/maps') as f:
        for line in f:
            path = line.split()[-1] if '/' in line else ''
            if any(k in path for k in ('blas', 'lapack', 'mkl', 'dnnl')):
                libs.add(path)
    return sorted(libs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--steps', type=int, default=10)
    ap.add_argument('--threads', type=int, default=0)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    g, d = G(), D()
    og, od = torch.optim.Adam(g.parameters(), 1e-4), torch.optim.Adam(d.parameters(), 1e-4)
    real = torch.rand(10_000, 1, 28, 28) * 2 - 1  # timing only: the values do not change the arithmetic
    ones, zeros = torch.ones(a.batch, 1), torch.zeros(a.batch, 1)
    times = []
    for step in range(a.steps + 1):  # step 0: warm-up
        t0 = time.perf_counter()
        x = real[torch.randint(0, real.shape[0], (a.batch,))]
        # As Ganvas's step (k D-steps per G-step): D's fake batch from G without a tape, then G's
        # update on a fresh z (so G runs forward twice per step, as in the hand-written tfjs step).
        with torch.no_grad():
            fake = g(torch.randn(a.batch, 100))
        od.zero_grad()
        dl = F.binary_cross_entropy_with_logits(d(x), ones) + F.binary_cross_entropy_with_logits(d(fake), zeros)
        dl.backward()
        od.step()
        og.zero_grad()
        gl = F.binary_cross_entropy_with_logits(d(g(torch.randn(a.batch, 100))), ones)
        gl.backward()
        og.step()
        if step > 0:
            times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({
        'template': 'dcgan-tf-tutorial', 'batch': a.batch, 'msPerStep': statistics.median(times), 'steps': a.steps,
        'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas_library(),
        'losses': [round(float(dl), 4), round(float(gl), 4)],
    }))


if __name__ == '__main__':
    main()
