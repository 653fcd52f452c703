import { describe, expect, it } from 'vitest';
import { buildMatchIndex, filterChoices, isCurrentMatchIndex, positionsOf } from '../../../lib/match';
import { person } from './helpers';

describe('index helpers', () => {
  const entries = [
    person({ name: 'A', id: 'a@example.com', department: 'Finance', ergs: ['Women in Tech', 'Green Team'], languages: ['English', 'Español'] }),
    person({ name: 'B', id: 'b@example.com', department: 'finance', ergs: ['women in tech'], languages: ['english'] }),
    person({ name: 'C', id: 'c@example.com', department: '', languages: ['German'] }),
  ];
  const index = buildMatchIndex(entries);

  it('offers each filter value once, as first spelled, sorted, without blanks', () => {
    expect(filterChoices(index)).toEqual({ ergs: ['Green Team', 'Women in Tech'], departments: ['Finance'], languages: ['English', 'Español', 'German'] });
  });

  it('finds positions of ids in entry order', () => {
    expect(positionsOf(index, ['c@example.com', 'a@example.com', 'nobody@example.com'])).toEqual([0, 2]);
  });

  it('recognises an index it can rank with, also after a structured clone, and nothing else', () => {
    expect(isCurrentMatchIndex(structuredClone(index))).toBe(true);
    expect(isCurrentMatchIndex({ ...index, version: index.version + 1 })).toBe(false);
    expect(isCurrentMatchIndex({ ...index, taxonomy: 'other' })).toBe(false);
    expect(isCurrentMatchIndex(undefined)).toBe(false);
  });
});
