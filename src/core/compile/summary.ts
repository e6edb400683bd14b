/** The text summary printed by the CLI (and shown by the app): each network's layers and totals. */
import { getBlock } from '../blocks';
import { fmtShape } from '../blocks/defineBlock';
import type { GanPlan, NetPlan } from './plan';

export const fmtCount = (n: number): string => n.toLocaleString('en-US');

export function netSummary(name: string, net: NetPlan): string {
  const rows = [
    ...net.inputs.map((i) => [i.id, getBlock(i.type).label, fmtShape(i.shape), '0']),
    ...net.layers.map((l) => [l.id, getBlock(l.type).label, fmtShape(l.shape), fmtCount(l.paramCount)]),
    ...net.outputs.map((o) => [`-> ${o.head}`, o.role, fmtShape(o.shape), '']),
  ];
  const head = ['name', 'block', 'output shape', 'params'];
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    `  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3].padStart(w[3])}`;
  return [
    `${name}`,
    line(head),
    ...rows.map(line),
    `${name}: ${fmtCount(net.params)} params, ${fmtCount(net.macs)} MACs per sample`,
  ].join('\n');
}

export function planSummary(plan: GanPlan): string {
  return `${netSummary('generator', plan.generator)}\n\n${netSummary('discriminator', plan.discriminator)}`;
}
