"""The generated data.py's colour sprites. usage: sprites.py PROJECT OUT SIZE COUNT SEED CHANNELS
Writes OUT/default (load_default(): values and labels) and OUT/drawn (draw_sprites(SIZE, COUNT, SEED, CHANNELS):
pixels, labels, factors)."""
import sys

from common import use_project, write_tensors

if __name__ == "__main__":
    project, out = sys.argv[1:3]
    size, count, seed, channels = (int(a) for a in sys.argv[3:7])
    data = use_project(project)["data"]
    values, labels = data.load_default()
    write_tensors(out + "-default", {"values": values, "labels": labels})
    pixels, labels, factors = data.draw_sprites(size, count, seed, channels)
    write_tensors(out + "-drawn", {"pixels": pixels.astype("int32"), "labels": labels, "factors": factors})
    print("ok")
