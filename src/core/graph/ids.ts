/**
 * The rule for node ids, in one place: the project loader and the editor's rename both ask it.
 *
 * A node's id is its name on the canvas, its tfjs layer name (and the prefix of its weights' names,
 * `g_fc1/kernel`) and a key in the maps that training, saving and loading keep per layer. So it must be:
 * - a letter, then letters, digits and `_`: a valid tfjs tensor name (tfjs refuses a leading `_`)
 *   and a valid identifier in exported code;
 * - not a name every JavaScript object already has (`constructor`, `toString`, ... from
 *   Object.prototype): tfjs keeps layers in plain objects keyed by name, so a saved model with a layer
 *   called `constructor` cannot be loaded again (`tf.loadLayersModel` fails), even though it trains.
 */
import { quoteName } from '../messages';

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Own properties of Object.prototype (fixed here rather than read from the running engine, so the rule never moves). */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Why `id` cannot name a node, as a sentence that quotes it (escaped), or null when it can. */
export function idError(id: string): string | null {
  if (PROTOTYPE_NAMES.has(id)) {
    return `'${id}' is a name every JavaScript object already has (Object.prototype.${id}); tfjs could not load a saved model with a layer named so: choose another name`;
  }
  if (!ID_PATTERN.test(id))
    return `${quoteName(id)} is not a valid name: use a letter, then letters, digits and _ (like g_dense1)`;
  return null;
}
