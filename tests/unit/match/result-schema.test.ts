import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from '../../../lib/schema';
import { buildMatchIndex, rank, type MatchResult } from '../../../lib/match';
import { MatchResultSchema, RankedPartnerSchema } from '../../../lib/match-result';
import { NOW, me, person } from './helpers';

describe('the stored form of a match result', () => {
  it('reads exactly the engine’s type: no field more, none less (a type check)', () => {
    expectTypeOf<z.infer<typeof MatchResultSchema>>().toEqualTypeOf<MatchResult>();
  });

  it('reads back a real ranking unchanged after storage (a structured clone)', () => {
    const entries = [
      person({ name: 'Dana Okafor', teach: [{ name: 'JS', level: 'expert' }], learn: [{ name: 'Public speaking', priority: 'high', ask: '' }], timeZone: 'Asia/Tokyo' }),
      person({ name: 'Sam Reyes', teach: [{ name: 'Knitting', level: 'beginner' }] }),
    ];
    const profile = me({ teach: [{ name: 'Public speaking', level: 'expert' }], learn: [{ name: 'JavaScript', priority: 'high', ask: '' }] });
    const ranked = rank(buildMatchIndex(entries), profile, { mode: 'two-way', now: NOW, query: 'JavaScript' }).map((match) => ({ entry: entries[match.position]!, match }));
    expect(ranked.length).toBeGreaterThan(0);
    const stored = structuredClone(ranked);
    expect(stored.map((partner) => RankedPartnerSchema.parse(partner))).toEqual(ranked);
  });

  it('refuses a result of another shape (an older summary kept before the engine’s type was stored)', () => {
    const summary = { score: 80, reasons: ['They can teach you Budgeting'], theyTeachMe: ['Budgeting'], iTeachThem: [], sharedErgs: [], sharedInterests: [], factors: [] };
    expect(MatchResultSchema.safeParse(summary).success).toBe(false);
  });
});
