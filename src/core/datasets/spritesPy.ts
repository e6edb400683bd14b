/**
 * The colour sprites in the exported PyTorch project's data.py: core/data/sprites.ts and the seeded
 * mulberry32 of core/data/random.ts, line for line in Python (numpy, no Ganvas import). Every step is the
 * same float64 or 32-bit integer operation in the same order, so the same seed gives the same bytes,
 * labels and factors (tests/pytorch/sprites.test.ts compares them).
 */
import { POSITION_RANGE, SPRITE_FACTORS, SPRITE_SHAPES } from '../data/sprites';

const tuple = (xs: readonly string[]) => `(${xs.map((x) => `"${x}"`).join(', ')},)`;

export const SPRITES_PY = `# Ganvas's generated colour sprites (its core/data/sprites.ts, ported operation for operation): one
# shape on black per image, with six known factors, drawn from a seed. The same seed gives the same bytes.
SPRITE_SHAPES = ${tuple(SPRITE_SHAPES)}
SPRITE_FACTORS = ${tuple(SPRITE_FACTORS)}
SPRITE_POSITIONS = (${POSITION_RANGE[0]}, ${POSITION_RANGE[1]})  # where a centre may go, as a fraction of the size
HEART_DY, HEART_SIZE = 0.29348, 0.9  # the heart curve moved onto its area centroid, about the circle's size
SUPERSAMPLES = 3  # per pixel side: pixel = colour x the share of 3 x 3 points inside the shape


def mulberry32(seed):
    """Ganvas's seeded generator: 32-bit integer steps, numbers in [0, 1)."""
    a = seed & 0xFFFFFFFF

    def rand():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = ((a ^ (a >> 15)) * (a | 1)) & 0xFFFFFFFF
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & 0xFFFFFFFF
        return (t ^ (t >> 14)) / 4294967296
    return rand


def sprite_factors(count, seed):
    """[count, 6] float64: shape (an index of SPRITE_SHAPES), hue, scale, rotation, x, y, drawn in this order."""
    rand = mulberry32(seed)
    return np.array([[math.floor(rand() * len(SPRITE_SHAPES)), rand(), rand(), rand(), rand(), rand()]
                     for _ in range(count)])


def inside_shape(shape, u, v):
    """Which points (u, v), in radii in the shape's frame (v up), are inside the shape."""
    if shape == 0:  # square
        return (np.abs(u) <= 0.8) & (np.abs(v) <= 0.8)
    if shape == 1:  # circle
        return u * u + v * v <= 1
    if shape == 2:  # equilateral triangle on its centroid
        return (v >= -0.5) & (math.sqrt(3) * u + v <= 1) & (-math.sqrt(3) * u + v <= 1)
    x, y = u / HEART_SIZE, v / HEART_SIZE + HEART_DY  # heart: (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0
    a = x * x + y * y - 1
    return a * a * a - x * x * y * y * y <= 0


def hue_to_rgb(h):
    k = lambda n: math.fmod(n + h * 6, 6)
    f = lambda n: 1 - max(0, min(k(n), 4 - k(n), 1))
    return [f(5), f(3), f(1)]


def draw_sprite(factors, size, out):
    """Draws one sprite into out ([size, size, channels] uint8, black)."""
    shape, hue, scale, rotation, fx, fy = factors
    r = (0.09 + 0.09 * scale) * size
    lo, hi = SPRITE_POSITIONS
    cx, cy = (lo + (hi - lo) * fx) * size, (lo + (hi - lo) * fy) * size
    angle = 2 * math.pi * rotation
    c, s = math.cos(angle), math.sin(angle)
    rgb = hue_to_rgb(hue)
    colour = rgb if out.shape[2] == 3 else [0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]]
    reach = r * 1.2  # the heart reaches furthest from its centroid
    x0, x1 = max(0, math.floor(cx - reach)), min(size - 1, math.ceil(cx + reach))
    y0, y1 = max(0, math.floor(cy - reach)), min(size - 1, math.ceil(cy + reach))
    sub = (np.arange(SUPERSAMPLES) + 0.5) / SUPERSAMPLES
    # [rows, columns, sub-rows, sub-columns]; image y grows down, the shape's v up.
    dx = (np.arange(x0, x1 + 1.0)[None, :, None, None] + sub[None, None, None, :] - cx) / r
    dy = (cy - (np.arange(y0, y1 + 1.0)[:, None, None, None] + sub[None, None, :, None])) / r
    hits = inside_shape(int(shape), c * dx + s * dy, -s * dx + c * dy).sum(axis=(2, 3))
    cover = hits / (SUPERSAMPLES * SUPERSAMPLES)
    for k, value in enumerate(colour):
        out[y0:y1 + 1, x0:x1 + 1, k] = np.where(hits > 0, np.floor(255 * value * cover + 0.5), 0)


def draw_sprites(size, count, seed, channels=3):
    """(pixels uint8 [count, size, size, channels], labels int64 [count] = the shape, factors float32 [count, 6])."""
    factors = sprite_factors(count, seed)
    pixels = np.zeros((count, size, size, channels), dtype=np.uint8)
    for i in range(count):
        draw_sprite(factors[i], size, pixels[i])
    return pixels, factors[:, 0].astype(np.int64), factors.astype(np.float32)
`;
