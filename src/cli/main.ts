/** The `ganvas` command line: npm run train | export | sample -- ... */
import { parseArgs } from './args';
import { train } from './train';
import { exportCode } from './export';
import { sample } from './sample';
import { settingFlagsUsage } from './settingsFlags';
import { TORCH_SWITCHES } from './trainTorch';
import { printable } from '../core/messages';

const USAGE = `usage:
  npm run train -- <project.json> [--steps N] [--out DIR] [--backend auto|cpu|wasm] [--sample-every K] [--metrics]
      [--data IMAGES.idx[.gz] [--labels LABELS.idx[.gz]] | --data FOLDER | --data FILE.zip] [--image-size 28] [--channels 1|3]
      [--fit crop|pad|stretch] [--max-images N] | --data POINTS.csv|POINTS.npy [--normalise yes|no]
      | --data sprites32|sprites64|mnist|ring8|... [--data-count N] [--data-seed S]  (see docs/datasets.md)
      [--engine tfjs|torch] with torch: [--device auto|cpu|cuda|mps] [--nproc N] [--threads N] [--init-from RUN|ZIP]
      [--checkpoint-every K] [--resume] [--sync-bn] [--amp]
    training settings (override the project's):
${settingFlagsUsage()}
  npm run export -- <project.json> [--out FILE.ts] | --target pytorch [--out DIR]
  npm run sample -- <run dir> [--n N] [--out FILE.png|FILE.csv] [--seed S]`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseArgs(rest, ['metrics', 'force', ...TORCH_SWITCHES]);
  switch (command) {
    case 'train':
      return train(args);
    case 'export':
      return exportCode(args);
    case 'sample':
      return sample(args);
    default:
      throw new Error(`unknown command '${command ?? ''}'\n${USAGE}`);
  }
}

main().catch((e: unknown) => {
  // Messages quote file names and file contents: escape control characters before they reach a terminal.
  console.error(`\nganvas: ${printable(String((e as Error).message ?? e))}`);
  process.exit(1);
});
