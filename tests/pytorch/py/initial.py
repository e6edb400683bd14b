"""The generated projects' seeded initial weights. usage: initial.py SEED PROJECT OUT [PROJECT OUT ...]
Writes, for each project, OUT (G's and D's weights in tfjs's layout, named 'generator:<tfjs name>' and
'discriminator:<tfjs name>') and prints the seconds the initialisation took; first prints a JSON line
'alea {...}': alea's first numbers for the seed text SEED one by one (next) and in lanes (numbers)."""
import json
import sys
import time

from common import use_project, write_tensors

if __name__ == "__main__":
    seed, pairs = int(sys.argv[1]), sys.argv[2:]
    tfjs_random = use_project(pairs[0])["tfjs_random"]
    one = tfjs_random.Alea(seed)
    print("alea " + json.dumps({"next": [one.next() for _ in range(3000)], "numbers": tfjs_random.Alea(seed).numbers(3000).tolist()}))
    for project, out in zip(pairs[0::2], pairs[1::2]):
        m = use_project(project)
        model, tw = m["model"], m["tfjs_weights"]
        G, D = model.Generator(), model.Discriminator()
        start = time.perf_counter()
        tw.initialise(G, model.GENERATOR_WEIGHTS, seed)
        tw.initialise(D, model.DISCRIMINATOR_WEIGHTS, seed)
        seconds = time.perf_counter() - start
        tensors = {f"generator:{n}": a for n, a in tw.tfjs_arrays(G, model.GENERATOR_WEIGHTS)}
        tensors.update({f"discriminator:{n}": a for n, a in tw.tfjs_arrays(D, model.DISCRIMINATOR_WEIGHTS)})
        write_tensors(out, tensors)
        print(f"{project}: {tw.count(G) + tw.count(D)} values in {seconds:.2f} s")
