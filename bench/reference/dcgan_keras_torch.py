"""The dcgan-tf-tutorial template (dcgan-mnist until issue 17)'s models and GAN step, written by hand in PyTorch with the compiled models'
semantics (Keras/tfjs: `same` padding with the odd pixel at the bottom/right, channels-last Reshape and
Flatten, BatchNorm momentum 0.99 = PyTorch 0.01 and epsilon 1e-3, Adam epsilon 1e-7), as an engineer would
write them: the reference the generated project's step is timed against (bench/pytorch_step.py).

Unlike bench/reference/dcgan_torch.py (the TF tutorial's models in PyTorch's own conventions, a speed
anchor) these compute the same function as Ganvas's compiled models: bench/pytorch_step.py checks it.
BatchNorm is PyTorch's own (its moving variance is the unbiased one; the only difference, outside the timed work).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class G(nn.Module):
    def __init__(self):
        super().__init__()
        # Registered in the generated module's order, so weights copy across by position.
        self.fc = nn.Linear(100, 7 * 7 * 256, bias=False)
        self.bn1 = nn.BatchNorm1d(7 * 7 * 256, eps=1e-3, momentum=0.01)
        self.d1 = nn.ConvTranspose2d(256, 128, 5, stride=1, padding=2, bias=False)
        self.bn2 = nn.BatchNorm2d(128, eps=1e-3, momentum=0.01)
        # Keras 'same', kernel 5, stride 2: the full output cropped by 1 at the top/left, 2 at the bottom/right.
        self.d2 = nn.ConvTranspose2d(128, 64, 5, stride=2, padding=1, bias=False)
        self.bn3 = nn.BatchNorm2d(64, eps=1e-3, momentum=0.01)
        self.d3 = nn.ConvTranspose2d(64, 1, 5, stride=2, padding=1, bias=False)

    def forward(self, z):
        x = F.leaky_relu(self.bn1(self.fc(z)), 0.3).view(-1, 7, 7, 256).permute(0, 3, 1, 2)
        x = F.leaky_relu(self.bn2(self.d1(x)), 0.3)
        x = F.leaky_relu(self.bn3(self.d2(x)[:, :, :14, :14]), 0.3)
        return torch.tanh(self.d3(x)[:, :, :28, :28])


class D(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 64, 5, stride=2)
        self.c2 = nn.Conv2d(64, 128, 5, stride=2)
        self.fc = nn.Linear(7 * 7 * 128, 1)

    def forward(self, x):
        # Keras 'same' for kernel 5, stride 2 on 28 and 14: 1 pixel before, 2 after.
        x = F.dropout(F.leaky_relu(self.c1(F.pad(x, (1, 2, 1, 2))), 0.3), 0.3, self.training)
        x = F.dropout(F.leaky_relu(self.c2(F.pad(x, (1, 2, 1, 2))), 0.3), 0.3, self.training)
        return self.fc(x.permute(0, 2, 3, 1).flatten(1))


class Step:
    """Ganvas's step: D on a real and a generated batch (G without a tape), then G through D frozen."""

    def __init__(self, g, d, draw_real, batch):
        self.g, self.d, self.draw_real, self.batch = g, d, draw_real, batch
        self.og = torch.optim.Adam(g.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-7)
        self.od = torch.optim.Adam(d.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-7)

    def __call__(self):
        real = self.draw_real()
        with torch.no_grad():
            fake = self.g(torch.randn(self.batch, 100))
        sr, sf = self.d(real), self.d(fake)
        dl = F.binary_cross_entropy_with_logits(sr, torch.ones_like(sr)) + F.binary_cross_entropy_with_logits(sf, torch.zeros_like(sf))
        self.od.zero_grad(set_to_none=True)
        dl.backward()
        self.od.step()
        for p in self.d.parameters():
            p.requires_grad_(False)
        s = self.d(self.g(torch.randn(self.batch, 100)))
        gl = F.binary_cross_entropy_with_logits(s, torch.ones_like(s))
        self.og.zero_grad(set_to_none=True)
        gl.backward()
        self.og.step()
        for p in self.d.parameters():
            p.requires_grad_(True)
        return torch.stack([dl.detach(), gl.detach()])
