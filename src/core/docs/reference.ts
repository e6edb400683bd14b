/**
 * docs/reference.md, written from the registries (blocks, losses, optimizers, training settings, dataset
 * kinds): the manual's reference pages cannot drift from what the code declares. `npm run docs` writes
 * it; a test fails when the file differs from what this produces.
 */
import { BLOCKS, CATEGORY_LABELS, CATEGORY_ORDER } from '../blocks';
import type { ParamSpec } from '../blocks/params';
import { LOSSES } from '../losses';
import { OPTIMIZERS } from '../training/optimizers';
import { TRAINING_SETTINGS } from '../training/settings';
import { DATASET_KINDS } from '../datasets';

const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

function range(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return spec.min !== undefined && spec.max !== undefined
        ? `${spec.min} – ${spec.max}`
        : spec.min !== undefined
          ? `≥ ${spec.min}`
          : spec.max !== undefined
            ? `≤ ${spec.max}`
            : 'any';
    case 'choice':
      return spec.options.map((o) => `\`${o}\``).join(', ');
    case 'bool':
      return 'true / false';
    case 'ints':
      return `list of whole numbers ≥ ${spec.min ?? 1}`;
  }
}
const show = (v: unknown) => `\`${JSON.stringify(v)}\``;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function referenceMarkdown(): string {
  const out: string[] = [
    '# Reference',
    '',
    '<!-- Written by `npm run docs` from the registries in src/core (blocks, losses, training, datasets). Do not edit by hand. -->',
    '',
    '## Training settings',
    '',
    'The `training` object of a project file. The settings panel shows the same fields, and `npm run train` takes each as a flag.',
    '',
    table(
      ['setting', 'label', 'default', 'accepted', 'CLI flag', 'what it does'],
      TRAINING_SETTINGS.map((s) => [
        `\`${s.path}\``,
        s.label,
        show(s.spec.default),
        range(s.spec),
        s.flag ? `\`--${s.flag}\`` : '',
        s.help,
      ]),
    ),
    '',
    '## Losses',
    '',
    table(
      ['id', 'name', 'D(x) / D(G(z)) show', 'what it is'],
      LOSSES.map((l) => [
        `\`${l.id}\``,
        l.label,
        l.score === 'probability' ? 'probabilities' : 'raw scores',
        l.description,
      ]),
    ),
    '',
    '## Optimizers',
    '',
    table(
      ['id', 'name', 'settings'],
      OPTIMIZERS.map((o) => [`\`${o.id}\``, o.label, o.usesBetas ? 'learning rate, β1, β2' : 'learning rate']),
    ),
    '',
    '## Dataset kinds',
    '',
    "The `dataset` object of a project file: `kind`, `scale` (`tanh`: values in [-1, 1]; `sigmoid`: [0, 1]) and the kind's own fields.",
    '',
    table(
      ['kind', 'name', 'fields', 'example', 'what it is'],
      DATASET_KINDS.map((d) => [
        `\`${d.id}\``,
        d.label,
        d.fields.map((f) => `\`${f}\``).join(', '),
        show(d.example),
        d.description,
      ]),
    ),
    '',
    '## Blocks',
    '',
  ];
  for (const cat of CATEGORY_ORDER) {
    const blocks = BLOCKS.filter((b) => b.category === cat);
    if (!blocks.length) continue;
    out.push(`### ${CATEGORY_LABELS[cat]}`, '');
    for (const b of blocks) {
      out.push(
        `**${b.label}** (\`${b.type}\`, ${b.network === 'either' ? 'G or D' : b.network === 'generator' ? 'G only' : 'D only'}): ${b.description}`,
        '',
      );
      const params = Object.entries(b.params);
      if (params.length) {
        out.push(
          table(
            ['param', 'default', 'accepted', 'help'],
            params.map(([k, p]) => [`\`${k}\``, show(p.default), range(p), p.help ?? '']),
          ),
          '',
        );
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
