import { describe, expect, test } from 'vitest';
import {
  isUntouched,
  listed,
  makeRecord,
  originText,
  projectToOpen,
  purgeable,
  PURGE_AFTER_MS,
  recentlyDeleted,
  type ProjectRecord,
} from '../../src/storage/records';

const rec = (id: string, opened: number, extra: Partial<ProjectRecord> = {}): ProjectRecord => ({
  ...makeRecord(JSON.stringify({ name: id }), { kind: 'blank' }, opened, id),
  ...extra,
});

describe('project records', () => {
  test('a record takes its name from the project text; text that does not parse keeps a stand-in name', () => {
    expect(makeRecord('{"name":"My GAN"}', { kind: 'file', name: 'g.json' }, 5).name).toBe('My GAN');
    const broken = makeRecord('{not json', { kind: 'autosave' }, 5);
    expect(broken.name).toBe('Unnamed project');
    expect(broken.text).toBe('{not json'); // kept as it was: nothing of the user's is thrown away
  });

  test('a copy of a template or a blank project is untouched until edited; files, links and old autosaves never are', () => {
    const t = makeRecord('{}', { kind: 'template', id: 'dcgan-mnist', name: 'DCGAN' }, 1);
    expect(isUntouched(t)).toBe(true);
    expect(isUntouched({ ...t, edited: true })).toBe(false);
    expect(isUntouched(makeRecord('{}', { kind: 'blank' }, 1))).toBe(true);
    for (const origin of [{ kind: 'file', name: 'a.json' }, { kind: 'link' }, { kind: 'autosave' }] as const) {
      expect(isUntouched(makeRecord('{}', origin, 1))).toBe(false);
    }
  });

  test('the list shows live projects, most recently opened first; deleted ones can be restored for a week, then purged', () => {
    const now = 10 * PURGE_AFTER_MS;
    const rs = [
      rec('a', 1),
      rec('b', 3),
      rec('c', 2),
      rec('old', 0, { deleted: now - PURGE_AFTER_MS - 1 }),
      rec('new', 0, { deleted: now - 1000 }),
    ];
    expect(listed(rs).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(recentlyDeleted(rs, now).map((r) => r.id)).toEqual(['new']);
    expect(purgeable(rs, now)).toEqual(['old']);
  });

  test('a tab opens the project it had (a reload), else the most recently opened one; never a deleted one', () => {
    const rs = [rec('a', 1), rec('b', 3), rec('gone', 9, { deleted: 9 })];
    expect(projectToOpen(rs, 'a')?.id).toBe('a');
    expect(projectToOpen(rs, null)?.id).toBe('b');
    expect(projectToOpen(rs, 'gone')?.id).toBe('b');
    expect(projectToOpen([], null)).toBeUndefined();
  });

  test('the list says where each project came from', () => {
    expect(originText({ kind: 'template', id: 'dcgan-mnist', name: 'DCGAN (MNIST)' })).toBe(
      'from the DCGAN (MNIST) template',
    );
    expect(originText({ kind: 'link' })).toBe('from a share link');
    expect(originText({ kind: 'file', name: 'x.ganvas.json' })).toBe('from the file x.ganvas.json');
  });
});
