/** tfjs_random.py: tfjs's seeded random numbers (seedrandom's alea, tfjs-core's sampling), for the initial weights. */
export const TFJS_RANDOM_PY = `"""tfjs's seeded random numbers in numpy, value for value, so a seeded project starts from the very
weights Ganvas gives it.

Ganvas seeds every weight by the training seed and the weight's name (weight_seed) and draws it with
the layer's tfjs initialiser. tfjs's seeded ops draw from seedrandom's alea generator: truncatedNormal
takes pairs of its numbers through Marsaglia's polar method and keeps values within 2 standard
deviations, randomUniform scales them. The arithmetic below is the same float64 arithmetic as the
JavaScript, in the same order; the values are then stored as float32, as tfjs stores them.
"""
import math

import numpy as np

TWO_32 = 4294967296


def weight_seed(seed, name):
    """Ganvas's seed of one weight: FNV-1a of the name's UTF-16 code units, mixed with the training seed (31 bits)."""
    h = (0x811C9DC5 ^ ((seed * 0x9E3779B1) % TWO_32)) % TWO_32
    units = name.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h = ((h ^ int.from_bytes(units[i:i + 2], "little")) * 0x01000193) % TWO_32
    return h & 0x7FFFFFFF


def mash(state, text):
    """seedrandom's Mash hash: state is its running number (a one-element list), the result in [0, 1)."""
    n = state[0]
    for ch in text:  # decimal digits and a space: one UTF-16 unit each, as JavaScript's charCodeAt reads them
        n += ord(ch)
        h = 0.02519603282416938 * n
        n = int(h) % TWO_32
        h -= n
        h *= n
        n = int(h) % TWO_32
        h -= n
        n += h * TWO_32
    state[0] = n
    return (int(n) % TWO_32) * 2.3283064365386963e-10


class Alea:
    """seedrandom's alea generator, seeded as tfjs seeds it (the seed's decimal text).

    alea is a multiply-with-carry generator of lag 3: with its state as 32-bit integers x0, x1, x2 and a
    carry c (the JavaScript keeps x / 2^32 as floats, exactly), each step is y = 2091639 x0 + c, the next
    number (y mod 2^32) / 2^32, and the carry y div 2^32. The state read as one number
    z = c 2^96 + x2 2^64 + x1 2^32 + x0 is multiplied by 2^-32 modulo m = 2091639 2^96 - 1 at each step,
    so the state k steps on is one modular power away: numbers() runs many stretches of the stream side by
    side in numpy and gives exactly what next() would give one at a time."""

    A = 2091639
    M = A * TWO_32 ** 3 - 1

    def __init__(self, seed):
        state = [0xEFC8249D]
        s = [mash(state, " ") for _ in range(3)]
        for i in range(3):
            s[i] -= mash(state, str(seed))
            if s[i] < 0:
                s[i] += 1
        self.x = [round(v * TWO_32) for v in s]  # exact: alea's numbers are multiples of 2^-32
        self.c = 1

    def next(self):
        """The next number in [0, 1), as alea's JavaScript gives it."""
        y = self.A * self.x[0] + self.c
        self.c = y >> 32
        self.x = [self.x[1], self.x[2], y % TWO_32]
        return self.x[2] / TWO_32

    def numbers(self, count):
        """The next count numbers (float64), computed in about sqrt(count) stretches of the stream side by side."""
        lanes = max(1, math.isqrt(count))
        per = -(-count // lanes)
        z = self.c * TWO_32 ** 3 + self.x[2] * TWO_32 ** 2 + self.x[1] * TWO_32 + self.x[0]
        starts = [z * pow(TWO_32, -per * k, self.M) % self.M for k in range(lanes)]
        x0, x1, x2, c = (np.array([(s >> (32 * d)) % TWO_32 for s in starts], dtype=np.uint64) for d in range(4))
        out = np.empty((lanes, per), dtype=np.uint64)
        for i in range(per):  # y < 2^53, exact in uint64
            y = np.uint64(self.A) * x0 + c
            x0, x1, x2, c = x1, x2, y & np.uint64(TWO_32 - 1), y >> np.uint64(32)
            out[:, i] = x2
        z = z * pow(TWO_32, -count, self.M) % self.M
        self.x, self.c = [z % TWO_32, (z >> 32) % TWO_32, (z >> 64) % TWO_32], z >> 96
        return out.reshape(-1)[:count] / TWO_32


def truncated_normal(shape, std, seed):
    """tf.truncatedNormal(shape, 0, std, 'float32', seed): Marsaglia's polar method on pairs of alea's
    numbers (v1, v2 in (-1, 1), s = v1^2 + v2^2 in (0, 1), else the next pair); a pair gives x, kept when
    within 2 std (else the pair is dropped), then y when within 2 std."""
    count = int(np.prod(shape, dtype=np.int64))
    rng, out = Alea(seed), []
    while count > 0:
        u = rng.numbers(2 * (math.ceil(count * 0.7) + 64))  # a value takes 1.37 numbers on average
        v1, v2 = 2 * u[0::2] - 1, 2 * u[1::2] - 1
        s = v1 * v1 + v2 * v2
        ok = (s < 1) & (s != 0)
        s = np.where(ok, s, 0.5)  # the others are dropped
        mul = np.sqrt(-2.0 * np.log(s) / s)
        x, y = std * v1 * mul, std * v2 * mul
        keep_x = ok & (x <= std * 2) & (x >= -(std * 2))
        keep_y = keep_x & (y <= std * 2) & (y >= -(std * 2))
        values = np.stack([x, y], 1)[np.stack([keep_x, keep_y], 1)][:count]
        out.append(values)
        count -= values.size
    return np.concatenate(out).astype(np.float32).reshape(shape)


def random_uniform(shape, low, high, seed):
    """tf.randomUniform(shape, low, high, 'float32', seed)."""
    count = int(np.prod(shape, dtype=np.int64))
    return (low + (high - low) * Alea(seed).numbers(count)).astype(np.float32).reshape(shape)


def fans(shape):
    """tfjs's computeFans for channels-last shapes: (fan in, fan out)."""
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) in (3, 4, 5):
        receptive = math.prod(shape[:-2])
        return shape[-2] * receptive, shape[-1] * receptive
    n = math.sqrt(math.prod(shape))
    return n, n


def glorot_normal(shape, seed):
    """tf.initializers.glorotNormal: truncated normal with variance 1 / max(1, (fan in + fan out) / 2)."""
    fan_in, fan_out = fans(shape)
    return truncated_normal(shape, math.sqrt(1.0 / max(1, (fan_in + fan_out) / 2)), seed)


# tfjs's initialiser of each weight, by the name model.py's tables give it: (shape in tfjs's layout, seed) -> float32.
INITIALISERS = {
    "glorot_normal": glorot_normal,
    "uniform": lambda shape, seed: random_uniform(shape, -0.05, 0.05, seed),
    "zeros": lambda shape, seed: np.zeros(shape, dtype=np.float32),
    "ones": lambda shape, seed: np.ones(shape, dtype=np.float32),
}
`;
