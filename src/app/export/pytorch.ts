/**
 * The project as a PyTorch project zip: the same files `npm run export -- --target pytorch` writes
 * (src/core/codegen/pytorch) in one folder, plus the data files its dataset kind bundles (the MNIST
 * bytes the app already serves). Pure: the caller fetches the data.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { GanPlan } from '../../core/compile/plan';
import { pytorchProject } from '../../core/codegen/pytorch';
import type { Project } from '../../core/project/types';

export function pytorchZip(
  folder: string,
  plan: GanPlan,
  project: Project,
  data: Record<string, Uint8Array>,
): Uint8Array {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(pytorchProject(plan, project))) files[`${folder}/${name}`] = strToU8(text);
  for (const [name, bytes] of Object.entries(data)) files[`${folder}/${name}`] = bytes;
  return zipSync(files);
}
