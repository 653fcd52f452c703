import { describe, expect, it } from 'vitest';
import { demoFeedEntries } from '../../../lib/directory/demo';
import { acceptEntries } from '../../../lib/directory/validate';
import { buildMatchIndex, mergeMatchIndexes, rank } from '../../../lib/match';
import { NOW, me, person } from './helpers';

const directory = acceptEntries(
  demoFeedEntries(NOW, 600, 3).map((value, index) => ({ at: { index }, value })),
  { now: NOW, maxAgeDays: 3650 },
).entries;

describe('mergeMatchIndexes', () => {
  it.each([0, 1, 77, 300, directory.length - 1, directory.length])('equals the index of both parts together (split at %i)', (cut) => {
    const head = directory.slice(0, cut);
    const tail = directory.slice(cut);
    expect(mergeMatchIndexes(buildMatchIndex(head), buildMatchIndex(tail))).toEqual(buildMatchIndex(directory));
  });

  it('merges tables by their tag, keeping the first spelling, and ranks like one index', () => {
    const head = [person({ name: 'Ana', department: 'Finance', ergs: ['Women in Tech'], teach: [{ name: 'Budgeting', level: 'expert' }], learn: [{ name: 'Knitting', priority: 'high', ask: '' }] })];
    const tail = [
      person({ name: 'Ben', department: 'finance ', ergs: ['women in tech'], teach: [{ name: 'knitting', level: 'advanced' }], learn: [{ name: 'TikTok', priority: 'high', ask: '' }] }),
      person({ name: 'Cleo', department: 'Design', teach: [{ name: 'Knitting', level: 'expert' }] }),
    ];
    const merged = mergeMatchIndexes(buildMatchIndex(head), buildMatchIndex(tail));
    expect(merged.departments).toEqual(['Finance', 'Design']);
    expect(merged.ergs).toEqual(['Women in Tech']);
    // "Knitting" is outside the taxonomy: one skill for both spellings, taught by Ben and Cleo.
    const knitting = merged.skillKeys.indexOf('~knitting');
    expect([...merged.teachPostOwner.subarray(merged.teachPostStart[knitting], merged.teachPostStart[knitting + 1])]).toEqual([1, 2]);
    const profile = me({ teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Knitting', priority: 'high', ask: '' }] });
    const options = { mode: 'two-way' as const, now: NOW };
    expect(rank(merged, profile, options)).toEqual(rank(buildMatchIndex([...head, ...tail]), profile, options));
  });
});
