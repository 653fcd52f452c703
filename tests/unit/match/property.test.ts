import { describe, expect, it } from 'vitest';
import { buildMatchIndex, rank, rankExhaustive, type RankOptions } from '../../../lib/match';
import { seededRandom, syntheticDirectory, syntheticProfile } from '../../../lib/match/synthetic';
import { MATCH_MODES } from '../../../lib/profile/model';
import { TAXONOMY, createSkillSearch } from '../../../lib/skills';
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

  it('holds when related-only partners compete with weak exact ones', () => {
    const random = seededRandom(77);
    // One skill per category is mine alone: nobody in the directory keeps it, so any meeting with it is through a category.
    const mine = [...new Map(TAXONOMY.map((skill) => [skill.category, skill])).values()];
    const mineIds = new Set(mine.map((skill) => skill.id));
    const search = createSkillSearch();
    const notMine = (skill: { name: string }) => !mineIds.has(search.resolve(skill.name).skill?.id ?? '');
    const entries = syntheticDirectory(2500, 12).map((entry) => ({ ...entry, teach: entry.teach.filter(notMine), learn: entry.learn.filter(notMine) }));
    const index = buildMatchIndex(entries);
    const pick = () => mine[Math.floor(random() * mine.length)]!.name;
    let relatedOnly = 0;
    for (let i = 0; i < 36; i++) {
      const base = syntheticProfile(random, i);
      // A weak exact skill each way fills the list with low scores that related-only partners can beat.
      const profile = {
        ...base,
        teach: [{ name: base.teach[0]!.name, level: 'beginner' as const }, { name: pick(), level: 'expert' as const }, { name: pick(), level: 'advanced' as const }],
        learn: [{ name: base.learn[0]!.name, priority: 'low' as const, ask: '' }, { name: pick(), priority: 'high' as const, ask: '' }, { name: pick(), priority: 'high' as const, ask: '' }],
      };
      const options: RankOptions = { mode: MATCH_MODES[i % MATCH_MODES.length]!, top: 1 + (i % 8), now: NOW };
      const fast = rank(index, profile, options);
      expect(fast, `profile ${i}`).toEqual(rankExhaustive(index, profile, options));
      relatedOnly += fast.filter((r) => [...r.explanation.theyTeachMe, ...r.explanation.iTeachThem].every((m) => m.match === 'related')).length;
    }
    expect(relatedOnly).toBeGreaterThan(0);
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
