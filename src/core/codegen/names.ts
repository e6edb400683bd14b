/**
 * The identifiers of one exported module. Every node id becomes a variable through
 * `identifier(id, 'typescript')` (text.ts), never as it is: the table keeps them apart from each
 * other and from every name the module itself declares or that a block's code template uses.
 */
import { identifier } from '../codeText';

/** Names the exported module declares at top level, or that its functions and blocks' templates use. */
export const MODULE_NAMES = [
  'tf',
  'DATA_SHAPE',
  'NUM_CLASSES',
  'TRAINING',
  'buildGenerator',
  'buildDiscriminator',
  'GeneratorFeed',
  'sampleGeneratorInputs',
  'discriminatorInputs',
  'sigmoidCE',
  'softmaxCE',
  'realFakeLogit',
  'gradientPenalty',
  'discriminatorLoss',
  'generatorLoss',
  'auxLoss',
  'infoLoss',
  'Gan',
  'createGan',
  'asArray',
  'variablesOf',
  'trainStep',
  'defaultGan',
  'sample',
  // locals of the generated functions and the words blocks' emitSample templates are written in
  'batch',
  'labels',
  'seed',
  's',
  'value',
  'target',
  'images',
  'feed',
  'data',
  'step',
  'idx',
  'real',
  'fake',
  'k',
  'b',
  'n',
];

export class ModuleNames {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set(MODULE_NAMES);

  /** The variable for node `id` (or for its `role`, e.g. a code's `target`): the same every time it is asked for. */
  of(id: string, role = ''): string {
    const key = `${id}\u0000${role}`;
    let name = this.byKey.get(key);
    if (name === undefined) {
      name = identifier(role ? `${id}_${role}` : id, 'typescript', this.taken);
      this.taken.add(name);
      this.byKey.set(key, name);
    }
    return name;
  }
}

/** Replaces whole-word `from` with `to` in a code expression (a block's template; `from` is a plain word). */
export const substitute = (code: string, from: string, to: string): string =>
  code.replace(new RegExp(`\\b${from}\\b`, 'g'), () => to);
