"""The generated data.py's load() for --data arguments. usage: load_data.py PROJECT OUT PATH [LABELS] [SIZE] [CHANNELS] [FIT]
Writes OUT/values (Ganvas layout, channels last) and OUT/labels when the data has them."""
import sys

from common import use_project, write_tensors

if __name__ == "__main__":
    project, out, path = sys.argv[1:4]
    labels = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] != "-" else None
    size = int(sys.argv[5]) if len(sys.argv) > 5 else 28
    channels = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    data = use_project(project)["data"]
    fit = sys.argv[7] if len(sys.argv) > 7 else data.FIT
    values, lab = data.load(path, labels, size, channels, fit)
    write_tensors(out, {"values": values, **({"labels": lab} if lab is not None else {})})
    print("ok")
