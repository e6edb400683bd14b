/** README.md and requirements.txt of a generated PyTorch project. */
import type { GanPlan } from '../../compile/plan';
import { fmtCount } from '../../compile/summary';
import type { Project } from '../../project/types';
import { getLoss } from '../../losses';
import { lineCommentText } from '../../codeText';

export const REQUIREMENTS = [
  '# PyTorch 2.x: pip picks the build for this machine (CPU, CUDA or Apple MPS); see https://pytorch.org/get-started/',
  'torch>=2.1',
  'numpy',
  '# Only to train on a folder or zip of images (--data FOLDER):',
  'pillow',
  '',
].join('\n');

export function emitReadme(plan: GanPlan, project: Project): string {
  // Markdown is text, not code; the one line of user text is still kept to one line.
  const title = lineCommentText(project.name);
  const mnist = project.dataset.kind === 'mnist';
  return `# ${title} — PyTorch

A GAN designed in Ganvas and exported as a standalone PyTorch project: the same
generator (${fmtCount(plan.generator.params)} parameters) and discriminator (${fmtCount(plan.discriminator.params)}),
the same ${getLoss(plan.training.loss).label} loss and GAN step, the same optimizers and data. No Ganvas code is needed.

| file | what it is |
| --- | --- |
| \`model.py\` | \`Generator\` and \`Discriminator\` (\`nn.Module\`s whose \`forward\` follows the graph; module names are the node names, so \`state_dict\` keys say which block they are), the draw of G's inputs, and the table mapping every tfjs weight onto the \`state_dict\` |
| \`layers.py\` | layers with tfjs/Keras semantics where PyTorch's differ (BatchNorm's momentum and biased moving variance, ...) |
| \`losses.py\`, \`step.py\` | the losses and the GAN step: D on a real and a generated batch (k times), then G through D |
| \`train.py\` | the command line: one process or many (torchrun), checkpoints, outputs |
| \`data.py\` | the dataset${mnist ? " (Ganvas's bundled MNIST file: `data/mnist-10k.bin`)" : ''} and \`--data\` formats |
| \`tfjs_weights.py\` | reading and writing the tfjs layers format (\`model.json\` + \`weights.bin\`) with numpy |
| \`tfjs_random.py\` | tfjs's seeded random numbers (seedrandom's alea, tfjs's sampling), so the initial weights for a seed are Ganvas's |
| \`plan.json\`, \`project.json\`, \`tfjs_topology.json\` | the compiled graph and the project, copied into each run so Ganvas can open it |

## Train

\`\`\`sh
pip install -r requirements.txt
python train.py --steps 1000 --out runs/mine                       # CPU, one GPU (--device cuda) or Apple's MPS
torchrun --nproc_per_node=4 train.py --steps 1000 --out runs/mine   # DDP: one process per GPU, or several on a CPU (gloo)
torchrun --nnodes=2 --node_rank=0 --nproc_per_node=8 --master_addr=HOST --master_port=29500 train.py --steps 1000
\`\`\`

| flag | meaning | default |
| --- | --- | --- |
| \`--steps N\` | training steps (each: k D-steps, then one G-step) | 1000 |
| \`--batch B\` | batch of one step; under torchrun each of N processes takes B/N | ${plan.training.batchSize} |
| \`--out DIR\` | the run folder | \`runs/<project folder>\` |
| \`--sample-every K\` | write a sample grid every K steps | steps / 10 |
| \`--seed S\` | seed of the initial weights, batches and latents | ${plan.training.seed} |
| \`--device auto\\|cpu\\|cuda\\|mps\` | auto: CUDA, else MPS, else CPU | auto |
| \`--threads N\` | CPU threads per process | PyTorch's |
| \`--data PATH\` | other data: IDX images (\`.gz\` too, labels with \`--labels\`), a folder or \`.zip\` of images (one subfolder per class gives labels; \`--image-size\`, \`--channels\`, \`--fit\`: crop, pad or stretch to square as Ganvas does; the centre crop unless the project recorded another) | the project's |
| \`--init-from PATH\` | start from weights trained in Ganvas: a run folder of \`npm run train\` or a weights zip of the app | |
| \`--checkpoint-every K\`, \`--resume\` | save \`OUT/checkpoint.pt\` every K steps; continue from it | with each sample grid |
| \`--sync-bn\` | under torchrun, BatchNorm statistics over every process's batch (\`nn.SyncBatchNorm\`) | off |
| \`--amp\` | mixed precision on CUDA (bfloat16 where supported, else float16 with loss scaling) | off |

## Back to Ganvas

A run folder holds what \`npm run train\` writes: \`samples.png\`, \`metrics.jsonl\`/\`metrics.csv\` (same columns),
\`plan.json\`, \`project.json\`, and \`generator/\` and \`discriminator/\` as tfjs layers models. So
\`npm run sample -- runs/mine\` draws from it, and zipping \`generator/\` and \`discriminator/\` gives a file the
app's Export ▾ → Import weights… takes (then the live views, the doctor and the latent explorer work on it).
${
  plan.training.gAverage > 0
    ? `This project averages G's weights (G weight averaging, decay ${plan.training.gAverage}): the sample grids,
\`--metrics\` and \`generator/\` come from the averaged G; \`checkpoint.pt\` keeps it beside G's training weights.
`
    : ''
}
## Semantics

The networks compute what the compiled tfjs models compute (Keras semantics): \`same\` padding with the odd
pixel at the bottom/right, Conv2DTranspose's output sizes, BatchNorm's momentum 0.99 (PyTorch's 0.01) and
epsilon 1e-3, Adam's epsilon 1e-7, the same initial weights for a seed (tfjs's own random numbers, in
\`tfjs_random.py\`). The batches, latents, Dropout and GaussianNoise draw PyTorch's random numbers, so runs
follow the same distributions but not the same numbers. Images are \`[batch, c, h, w]\` inside PyTorch and
channels-last in files: \`data.channels_first\`/\`channels_last\` convert at that boundary.
`;
}
