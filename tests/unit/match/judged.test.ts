/**
 * Judged ranking cases: realistic people where a programme lead would say who is the better partner.
 * Each case runs with the expected winner's id sorting first and then last, so no case holds only by
 * the id tie-break, and every ranking is checked against the exhaustive scan.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, buildMatchIndex, countMatches, rank, rankExhaustive, type RankOptions } from '../../../lib/match';
import type { DirectoryEntry } from '../../../lib/directory/entry';
import type { Profile } from '../../../lib/profile/model';
import { NOW, me, person } from './helpers';

type Person = Omit<Partial<DirectoryEntry>, 'id'> & { name: string };

function rankPeople(people: readonly Person[], profile: Profile, options: Partial<RankOptions>, ids: (i: number) => string) {
  const entries = people.map((p, i) => person({ ...p, id: ids(i) }));
  const index = buildMatchIndex(entries);
  const full: RankOptions = { mode: 'two-way', now: NOW, ...options };
  const results = rank(index, profile, full);
  expect(results).toEqual(rankExhaustive(index, profile, full));
  return results.map((result) => ({ name: entries[result.position]!.name, result }));
}

/** Ranks `people` twice: ids ascending in list order, then descending; returns both rankings. */
function bothOrders(people: readonly Person[], profile: Profile, options: Partial<RankOptions> = {}) {
  return [
    rankPeople(people, profile, options, (i) => `${String.fromCharCode(97 + i)}@example.com`),
    rankPeople(people, profile, options, (i) => `${String.fromCharCode(122 - i)}@example.com`),
  ];
}

function expectOrder(people: readonly Person[], profile: Profile, expected: string[], options: Partial<RankOptions> = {}) {
  const rankings = bothOrders(people, profile, options);
  for (const ranking of rankings) expect(ranking.map((r) => r.name)).toEqual(expected);
  return rankings[0]!.map((r) => r.result);
}


describe('judged: skill phrases', () => {
  it('a learner who typed "video editing for TikTok" finds the TikTok creator, above someone who only knows Instagram', () => {
    const people: Person[] = [
      { name: 'Instagram only', careerStage: 'early', teach: [{ name: 'Instagram', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] },
      { name: 'Creator', careerStage: 'early', teach: [{ name: 'TikTok', level: 'advanced' }, { name: 'CapCut', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] },
    ];
    const profile = me({ careerStage: 'senior', learn: [{ name: 'video editing for TikTok', priority: 'high', ask: '' }], teach: [{ name: 'Budgeting', level: 'expert' }] });
    const results = expectOrder(people, profile, ['Creator', 'Instagram only']);
    // TikTok exactly; CapCut is related to Video editing (same category).
    expect(results[0]!.explanation.theyTeachMe.map((m) => `${m.skill}:${m.match}`).sort()).toEqual(['CapCut:related', 'TikTok:same']);
    expect(results[0]!.explanation.theyTeachMe.find((m) => m.skill === 'TikTok')!.note).toBe('“video editing for TikTok” read as Video editing + TikTok');
  });

  it('someone who wrote "Excel and Power BI" meets a learner of Power BI dashboards, above a Google Sheets learner', () => {
    const people: Person[] = [
      { name: 'Sheets learner', learn: [{ name: 'Google Sheets', priority: 'high', ask: '' }], teach: [{ name: 'Negotiation', level: 'advanced' }] },
      { name: 'Dashboards learner', learn: [{ name: 'Power BI dashboards', priority: 'high', ask: '' }], teach: [{ name: 'Negotiation', level: 'advanced' }] },
    ];
    const profile = me({ teach: [{ name: 'Excel and Power BI', level: 'expert' }], learn: [{ name: 'Negotiation', priority: 'high', ask: '' }] });
    expectOrder(people, profile, ['Dashboards learner', 'Sheets learner']);
  });

  it('a directory phrase on their side counts for each skill it names', () => {
    const people: Person[] = [
      { name: 'Plain analyst', teach: [{ name: 'Statistics', level: 'expert' }] },
      { name: 'Python analyst', teach: [{ name: 'Python for data analysis', level: 'advanced' }] },
    ];
    const profile = me({ learn: [{ name: 'Python', priority: 'high', ask: '' }, { name: 'Data analysis', priority: 'high', ask: '' }] });
    const results = expectOrder(people, profile, ['Python analyst', 'Plain analyst']);
    expect(results[0]!.explanation.theyTeachMe.map((m) => m.skill)).toEqual(['Python', 'Data analysis']);
  });
});

describe('judged: typos', () => {
  it('"Budegting" (a swap) finds the budgeting teacher, above an expert in a related finance skill', () => {
    const people: Person[] = [
      { name: 'Modeller', teach: [{ name: 'Financial modelling', level: 'expert' }] },
      { name: 'Budget owner', teach: [{ name: 'Budgeting', level: 'intermediate' }] },
    ];
    const results = expectOrder(people, me({ learn: [{ name: 'Budegting', priority: 'high', ask: '' }] }), ['Budget owner', 'Modeller']);
    expect(results[0]!.reasons).toContain("Can teach you Budgeting (intermediate; you wrote 'Budegting')");
  });

  it('their typo "Excle" is read as Excel and said so; an exact name carries no such note', () => {
    const people: Person[] = [
      { name: 'Exact', learn: [{ name: 'Microsoft Excel', priority: 'medium', ask: '' }, { name: 'Welding', priority: 'high', ask: '' }] },
      { name: 'Typo', learn: [{ name: 'Excle', priority: 'high', ask: '' }] },
    ];
    const results = expectOrder(people, me({ teach: [{ name: 'Excel', level: 'expert' }] }), ['Typo', 'Exact']);
    expect(results[0]!.reasons).toContain("Wants to learn Microsoft Excel from you (they wrote 'Excle')");
    expect(results[1]!.reasons).toContain('Wants to learn Microsoft Excel from you');
  });

  it('short names are never guessed: "Goo" is nobody’s Go, and R is not mistaken for Ruby', () => {
    const gophers: Person[] = [{ name: 'Gopher', teach: [{ name: 'Go', level: 'expert' }] }];
    expect(bothOrders(gophers, me({ learn: [{ name: 'Goo', priority: 'high', ask: '' }] }))[0]).toEqual([]);
    const people: Person[] = [
      { name: 'Rubyist', teach: [{ name: 'Ruby', level: 'expert' }] },
      { name: 'Statistician', teach: [{ name: 'R', level: 'advanced' }] },
    ];
    // Ruby is not R, nor in R's category: the Rubyist is not a result at all.
    expectOrder(people, me({ learn: [{ name: 'R', priority: 'high', ask: '' }] }), ['Statistician']);
  });
});

describe('judged: cross-generation in two-way mode', () => {
  const exchange = { teach: [{ name: 'Generative AI', level: 'advanced' as const }], learn: [{ name: 'Stakeholder management', priority: 'high' as const, ask: '' }], department: 'Finance' };
  const people: Person[] = [
    { name: 'Peer', careerStage: 'early', ...exchange },
    { name: 'Executive', careerStage: 'executive', ...exchange },
  ];
  const profile = me({ careerStage: 'early', department: 'Engineering', learn: [{ name: 'GenAI', priority: 'high', ask: '' }], teach: [{ name: 'Stakeholder management', level: 'advanced' }] });

  it('puts an otherwise equal executive above a same-stage peer, and says why on the card', () => {
    const results = expectOrder(people, profile, ['Executive', 'Peer']);
    expect(results[0]!.reasons).toContain('Different career stage: Executive ↔ Early career');
    expect(results[0]!.explanation.factors.find((f) => f.name === 'Cross-generation')).toMatchObject({ detail: 'Different career stage: Executive ↔ Early career' });
    expect(results[0]!.reasons).toContain('Other department: Finance (you: Engineering)');
  });

  it('says whose department is missing instead of "Department unknown"', () => {
    const [mine] = expectOrder(people, { ...profile, department: '' }, ['Executive', 'Peer']);
    expect(mine!.explanation.factors.find((f) => f.name === 'Cross-department')).toMatchObject({ detail: 'Your department is not in your profile' });
    const [theirs] = expectOrder(people.map((person) => ({ ...person, department: '' })), profile, ['Executive', 'Peer']);
    expect(theirs!.explanation.factors.find((f) => f.name === 'Cross-department')).toMatchObject({ detail: 'Their department is not in the directory' });
  });

  it('lets the person turn the factor off (weight 0): then the two tie', () => {
    const [ranking] = bothOrders(people, profile, { weights: { ...DEFAULT_WEIGHTS, crossGeneration: 0 } });
    expect(ranking![0]!.result.score).toBe(ranking![1]!.result.score);
  });

  it('a profile’s weights saved before the factor existed get its default', () => {
    const { crossGeneration: _unused, ...older } = DEFAULT_WEIGHTS;
    const results = expectOrder(people, { ...profile, weights: older }, ['Executive', 'Peer']);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
  });
});

describe('judged: explanations that say why not', () => {
  it('a one-way match says in words what is missing, first', () => {
    const people: Person[] = [
      { name: 'Teacher only', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Welding', priority: 'high', ask: '' }] },
      { name: 'Both ways', teach: [{ name: 'TikTok', level: 'intermediate' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] },
    ];
    const profile = me({ learn: [{ name: 'TikTok', priority: 'high', ask: '' }], teach: [{ name: 'Budgeting', level: 'expert' }] });
    const results = expectOrder(people, profile, ['Both ways', 'Teacher only']);
    const oneWay = results[1]!;
    expect(oneWay.reasons[0]).toBe('They want nothing you listed to teach');
    expect(oneWay.explanation.limitingFactor).toMatchObject({ factor: 'I teach them', reason: 'They want nothing you listed to teach' });
    expect(oneWay.explanation.factors.find((f) => f.name === 'I teach them')!.detail).toBe('They want nothing you listed to teach');
    expect(results[0]!.reasons).not.toContain('They want nothing you listed to teach');
  });

  it('names the limiting factor: a great exchange with no shared working hours says so first', () => {
    const people: Person[] = [
      { name: 'Auckland', timeZone: 'Pacific/Auckland', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }], careerStage: 'executive', department: 'Sales', ergs: ['Pride Network'] },
      { name: 'Weaker in London', teach: [{ name: 'TikTok', level: 'beginner' }], learn: [{ name: 'Budgeting', priority: 'low', ask: '' }, { name: 'Welding', priority: 'high', ask: '' }] },
    ];
    const profile = me({ ergs: ['Pride Network'], learn: [{ name: 'TikTok', priority: 'high', ask: '' }], teach: [{ name: 'Budgeting', level: 'expert' }] });
    const [ranking] = bothOrders(people, profile);
    const auckland = ranking!.find((r) => r.name === 'Auckland')!.result;
    expect(auckland.explanation.limitingFactor?.factor).toBe('Working hours');
    expect(auckland.reasons[0]).toBe('Held back most by: only 0 h of shared working hours');
    const weaker = ranking!.find((r) => r.name === 'Weaker in London')!.result;
    // Their high-priority Welding is nothing I teach: my side is the weaker one.
    expect(weaker.explanation.limitingFactor).toMatchObject({ factor: 'I teach them', reason: 'Held back most by: you teach only part of what they want to learn' });
  });

  it('shows skill names canonical, whatever spacing or case the feed used', () => {
    const people: Person[] = [{ name: 'Spaced', teach: [{ name: '  tik   TOK ', level: 'expert' }] }];
    const [ranking] = bothOrders(people, me({ learn: [{ name: 'TikTok', priority: 'high', ask: '' }] }));
    expect(ranking![0]!.result.reasons).toContain('Can teach you TikTok (expert)');
    expect(ranking![0]!.result.reasons.join(' ')).not.toMatch(/wrote/);
  });
});


describe('judged: searches that answer', () => {
  const people: Person[] = [
    { name: 'Finance in Finance', department: 'Finance', teach: [{ name: 'Corporate finance', level: 'expert' }] },
    { name: 'Marketer, no finance', department: 'Marketing', teach: [{ name: 'Canva', level: 'expert' }] },
    { name: 'Marketer, some finance', department: 'Marketing', teach: [{ name: 'finance', level: 'beginner' }] },
    { name: 'Marketer, finance expert', department: 'Marketing', teach: [{ name: 'Corporate Finance', level: 'expert' }] },
  ];
  const profile = me({ department: 'Engineering', teach: [{ name: 'Python', level: 'expert' }] });

  it.each(['someone in Marketing who knows finance', 'finance experts in the marketing team', 'Who in marketing can teach me finance?'])(
    '"%s" filters by the department and ranks by the skill',
    (query) => {
      const results = expectOrder(people, profile, ['Marketer, finance expert', 'Marketer, some finance'], { query });
      expect(results.every((r) => r.fitsSearch)).toBe(true);
    },
  );

  it('searches the whole text as before when the department is not in the directory', () => {
    const [ranking] = bothOrders(people, profile, { query: 'someone in Legal who knows finance' });
    expect(ranking).toEqual([]);
    const [byName] = bothOrders(people, profile, { query: 'finance expert' });
    expect(byName!.map((r) => r.name).sort()).toEqual(['Finance in Finance', 'Marketer, finance expert', 'Marketer, some finance']);
  });

  it('marks only a search’s results as fitting it', () => {
    const [plain] = bothOrders([{ name: 'Learner', learn: [{ name: 'Python', priority: 'high', ask: '' }] }], profile);
    expect(plain![0]!.result.fitsSearch).toBeUndefined();
  });
});

describe('countMatches', () => {
  const many: Person[] = Array.from({ length: 30 }, (_, i) => ({
    name: `Person ${i}`,
    department: i % 3 ? 'Sales' : 'Finance',
    careerStage: (['early', 'mid', 'senior', 'executive'] as const)[i % 4],
    teach: i % 5 ? [{ name: i % 2 ? 'Negotiation' : 'Sketch', level: 'advanced' as const }] : [{ name: 'Welding', level: 'expert' as const }],
    learn: i % 4 ? [{ name: 'Python', priority: 'high' as const, ask: '' }] : [],
  }));
  const profile = me({ learn: [{ name: 'Negotiation', priority: 'high', ask: '' }, { name: 'Figma', priority: 'low', ask: '' }], teach: [{ name: 'Python', level: 'expert' }] });

  it.each([
    [{ mode: 'two-way' }],
    [{ mode: 'reverse' }],
    [{ mode: 'traditional', filters: { department: 'Sales' } }],
    [{ mode: 'two-way', query: 'who can teach me negotiation' }],
    [{ mode: 'two-way', query: 'people in Finance' }],
    [{ mode: 'two-way', query: 'person 1' }],
  ] as [Partial<RankOptions>][])('counts what rank returns with no limit: %j', (options) => {
    const entries = many.map((p, i) => person({ ...p, id: `p${String(i).padStart(2, '0')}@example.com` }));
    const index = buildMatchIndex(entries);
    const full: RankOptions = { mode: 'two-way', now: NOW, ...options };
    const all = rankExhaustive(index, profile, { ...full, top: 1000 });
    expect(all.length).toBeGreaterThan(0);
    expect(countMatches(index, profile, full)).toBe(all.length);
    expect(rank(index, profile, { ...full, top: 5 })).toHaveLength(Math.min(5, all.length));
  });
});
