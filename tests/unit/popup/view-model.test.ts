import { describe, expect, it } from 'vitest';
import { buildMatchIndex, rank } from '../../../lib/match';
import type { MatchMode } from '../../../lib/profile/model';
import { outreachContextOf, toPartnerView } from '../../../components/popup/view-model';
import { NOW, me, person } from '../match/helpers';

// Two people as a real directory describes them: skills typed their own way, an ERG and an interest in common.
const dana = person({
  name: 'Dana Okafor',
  title: 'Data engineer',
  teach: [
    { name: 'JS', level: 'expert' },
    { name: 'Excel and Power BI', level: 'advanced' },
  ],
  learn: [{ name: 'Public speaking', priority: 'high', ask: '' }],
  ergs: ['Women in Tech'],
  interests: ['Climbing'],
  timeZone: 'Asia/Tokyo',
});
const sam = person({ name: 'Sam Reyes', teach: [{ name: 'Knitting', level: 'beginner' }] });
const mine = me({
  teach: [{ name: 'Public speaking', level: 'expert' }],
  learn: [
    { name: 'JavaScript', priority: 'high', ask: '' },
    { name: 'Power BI', priority: 'medium', ask: '' },
  ],
  ergs: ['Women in Tech'],
  interests: ['Climbing'],
});

function rankedFor(mode: MatchMode, query?: string) {
  const entries = [dana, sam];
  const results = rank(buildMatchIndex(entries), mine, { mode, now: NOW, ...(query ? { query } : {}) });
  return results.map((match) => ({ entry: entries[match.position]!, match }));
}

describe('toPartnerView: the engine’s result as a card shows it', () => {
  it('names the skills as each side typed them, once each, with the common ground and the score’s parts', () => {
    const [first] = rankedFor('two-way');
    expect(first!.entry.id).toBe(dana.id);
    const view = toPartnerView(first!.entry, first!.match, undefined, NOW);
    expect(view).toMatchObject({ id: dana.id, name: 'Dana Okafor', title: 'Data engineer', score: first!.match.score, fitsSearch: false });
    // Their texts for what they teach me (a phrase that names two skills I want shows once), mine for what I teach them.
    expect(view.theyTeachMe).toEqual(['JS', 'Excel and Power BI']);
    expect(view.iTeachThem).toEqual(['Public speaking']);
    expect(view.sharedErgs).toEqual(['Women in Tech']);
    expect(view.sharedInterests).toEqual(['Climbing']);
    expect(view.reasons).toEqual(first!.match.reasons);
    expect(view.factors.map((factor) => factor.name)).toEqual(first!.match.explanation.factors.map((factor) => factor.name));
    expect(view.localTime).toMatch(/their time$/);
    expect(view.record).toMatchObject({ id: dana.id, status: 'none', shortlisted: false, hidden: false });
  });

  it('says a search’s results are what the search asked for', () => {
    const found = rankedFor('two-way', 'Knitting').find((ranked) => ranked.entry.id === sam.id);
    const view = toPartnerView(found!.entry, found!.match, undefined, NOW);
    expect(view.fitsSearch).toBe(true);
    // And what the search found in their entry, which the card says.
    expect(view.searchFound).toMatch(/^(teaches|wants to learn) Knitting$/);
    expect(toPartnerView(found!.entry, rankedFor('two-way').find((ranked) => ranked.entry.id === sam.id)?.match, undefined, NOW).searchFound).toBeUndefined();
  });

  it('shows a kept person without a match by their entry and record alone', () => {
    const record = { id: sam.id, shortlisted: true, hidden: false, status: 'contacted' as const, updatedAt: NOW.toISOString() };
    const view = toPartnerView(sam, undefined, record, NOW);
    expect(view).toMatchObject({ name: 'Sam Reyes', theyTeachMe: [], iTeachThem: [], reasons: [], factors: [], fitsSearch: false, record });
    expect(view.score).toBeUndefined();
  });

  it('gives the reach-out templates the card’s exchange and common ground', () => {
    const [first] = rankedFor('two-way');
    const view = toPartnerView(first!.entry, first!.match, undefined, NOW);
    expect(outreachContextOf(mine, first!.entry, view)).toEqual({
      me: mine,
      partner: dana,
      theyTeachMe: ['JS', 'Excel and Power BI'],
      iTeachThem: ['Public speaking'],
      sharedErgs: ['Women in Tech'],
      sharedInterests: ['Climbing'],
    });
  });
});
