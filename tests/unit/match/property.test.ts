import { describe, expect, it } from 'vitest';
import { buildMatchIndex, rank, rankExhaustive, type RankOptions } from '../../../lib/match';
import { seededRandom, syntheticDirectory, syntheticProfile } from '../../../lib/match/synthetic';
import { MATCH_MODES } from '../../../lib/profile/model';
import { NOW } from './helpers';

const QUERIES = [undefined, 'who can teach me Python', 'wants to learn excel', 'engineering', 'ana', 'sql'];

describe('rank equals the exhaustive scan (seeded random directories)', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}`, () => {
      const random = seededRandom(seed * 7919);
      // Small directories make weak matches and the related-only path common; larger ones the pruning.
      const entries = syntheticDirectory(seed % 2 ? 300 : 2500, seed);
      const index = buildMatchIndex(entries);
      for (let i = 0; i < 24; i++) {
        const profile = syntheticProfile(random, i);
        const options: RankOptions = {
          mode: MATCH_MODES[i % MATCH_MODES.length]!,
          top: 1 + Math.floor(random() * 25),
          now: NOW,
          query: QUERIES[i % QUERIES.length],
          ...(i % 5 === 4 ? { filters: { location: 'remote' as const } } : {}),
          ...(i % 7 === 6 ? { excludeIds: new Set(entries.slice(0, 50).map((entry) => entry.id)) } : {}),
        };
        const fast = rank(index, profile, options);
        expect(fast, `profile ${i}`).toEqual(rankExhaustive(index, profile, options));
        expect(fast.length).toBeLessThanOrEqual(options.top!);
      }
    });
  }

  it('holds when context is perfect, so scores reach their bounds exactly', () => {
    const random = seededRandom(42);
    const perfect = { ergs: ['Green Team', 'Veterans'], department: 'Elsewhere', timeZone: 'UTC', formats: ['video' as const], languages: ['English'] };
    const entries = syntheticDirectory(1500, 11).map((entry) => ({ ...entry, ...perfect }));
    const index = buildMatchIndex(entries);
    for (let i = 0; i < 30; i++) {
      const profile = { ...syntheticProfile(random, i), ...perfect, department: 'Mine' };
      const options: RankOptions = { mode: MATCH_MODES[i % MATCH_MODES.length]!, top: 1 + (i % 6), now: NOW };
      expect(rank(index, profile, options), `profile ${i}`).toEqual(rankExhaustive(index, profile, options));
    }
  });

  it('is deterministic: the same input gives the same output, also from a structured clone of the index', () => {
    const entries = syntheticDirectory(1000, 9);
    const index = buildMatchIndex(entries);
    const profile = syntheticProfile(seededRandom(5), 0);
    const options: RankOptions = { mode: 'two-way', now: NOW };
    const first = rank(index, profile, options);
    expect(first.length).toBeGreaterThan(0);
    expect(rank(index, profile, options)).toEqual(first);
    expect(rank(structuredClone(index), profile, options)).toEqual(first);
    expect(buildMatchIndex(entries)).toEqual(index);
  });
});
