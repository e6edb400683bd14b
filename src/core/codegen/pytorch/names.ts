/**
 * Python names for a plan's nodes: one identifier per node id (from core/codeText.ts's `identifier`), used both
 * as the nn.Module attribute (so state_dict keys name the block: `g_dense.weight`) and as the local
 * variable holding the node's output in `forward`. Ids are unique in a graph; two ids that would map
 * to one name (`class` and `n_class`) are told apart by the `taken` set, in plan order, so the same
 * plan always gives the same names.
 */
import type { GanPlan } from '../../compile/plan';
import { identifier } from '../../codeText';

/** nn.Module's own attributes (torch 2.x): a submodule with one of these names would shadow it. */
const MODULE_ATTRS = (
  'T_destination add_module apply bfloat16 buffers call_super_init children compile cpu cuda double ' +
  'dump_patches eval extra_repr float forward get_buffer get_extra_state get_parameter get_submodule half ipu ' +
  'load_state_dict modules mtia named_buffers named_children named_modules named_parameters parameters ' +
  'register_backward_hook register_buffer register_forward_hook register_forward_pre_hook register_full_backward_hook ' +
  'register_full_backward_pre_hook register_load_state_dict_post_hook register_load_state_dict_pre_hook register_module ' +
  'register_parameter register_state_dict_post_hook register_state_dict_pre_hook requires_grad_ set_extra_state ' +
  'set_submodule share_memory state_dict to to_empty train training type xpu zero_grad'
).split(' ');
/** Names the generated code uses itself next to node names (arguments, helpers, imported modules). */
const GENERATED = (
  'batch labels rng device feed images values target value model layers losses data step train ' +
  'Feed Generator Discriminator KerasBatchNorm KerasLayerNorm resize_bilinear_legacy sample_generator_inputs ' +
  'discriminator_inputs fixed_labels'
).split(' ');

export type PyNames = (id: string) => string;

export function pythonNames(plan: GanPlan): PyNames {
  const taken = new Set([...MODULE_ATTRS, ...GENERATED]);
  const byId = new Map<string, string>();
  const ids = [plan.generator, plan.discriminator].flatMap((n) => [
    ...n.inputs.map((i) => i.id),
    ...n.layers.map((l) => l.id),
  ]);
  for (const id of ids) {
    if (byId.has(id)) continue;
    // Private-looking names (`_x`) would collide with nn.Module internals: prefix them.
    const name = identifier(id.startsWith('_') ? `n${id}` : id, 'python', taken);
    taken.add(name);
    byId.set(id, name);
  }
  return (id) => {
    const n = byId.get(id);
    if (!n) throw new Error(`no node '${id}' in the plan`);
    return n;
  };
}
