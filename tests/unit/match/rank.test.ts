import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, buildMatchIndex, rank, rankExhaustive, type RankOptions } from '../../../lib/match';
import type { DirectoryEntry } from '../../../lib/directory/entry';
import type { Profile } from '../../../lib/profile/model';
import { NOW, me, person } from './helpers';

function ranked(entries: DirectoryEntry[], profile: Profile, options: Partial<RankOptions> = {}) {
  const index = buildMatchIndex(entries);
  const full = { mode: 'two-way' as const, now: NOW, ...options };
  const results = rank(index, profile, full);
  // Every case is also a check of the fast path against the reference scan.
  expect(results).toEqual(rankExhaustive(index, profile, full));
  return results;
}

const names = (entries: DirectoryEntry[], results: { position: number }[]) => results.map((r) => entries[r.position]!.name);

describe('rank: the skill exchange', () => {
  const profile = me({
    learn: [{ name: 'TikTok', priority: 'high', ask: '' }],
    teach: [{ name: 'Budgeting', level: 'expert' }],
  });

  it('counts both directions: who teaches me and who wants what I teach', () => {
    const entries = [
      person({ name: 'Teacher', teach: [{ name: 'TikTok', level: 'expert' }] }),
      person({ name: 'Learner', learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] }),
      person({ name: 'Stranger', teach: [{ name: 'Welding', level: 'expert' }] }),
    ];
    const results = ranked(entries, profile);
    expect(names(entries, results).sort()).toEqual(['Learner', 'Teacher']);
    const teacher = results.find((r) => entries[r.position]!.name === 'Teacher')!;
    expect(teacher.explanation.theyTeachMe).toMatchObject([{ myText: 'TikTok', theirText: 'TikTok', skill: 'TikTok', match: 'same', level: 'expert', priority: 'high' }]);
    expect(teacher.explanation.iTeachThem).toEqual([]);
    const learner = results.find((r) => entries[r.position]!.name === 'Learner')!;
    expect(learner.explanation.iTeachThem).toMatchObject([{ myText: 'Budgeting', skill: 'Budgeting', level: 'expert', priority: 'high' }]);
  });

  it('ranks a one-sided pair below a balanced one in two-way mode', () => {
    const entries = [
      person({ name: 'One-sided', teach: [{ name: 'TikTok', level: 'expert' }, { name: 'Instagram Reels', level: 'expert' }] }),
      person({ name: 'Balanced', teach: [{ name: 'TikTok', level: 'intermediate' }], learn: [{ name: 'Budgeting', priority: 'medium', ask: '' }] }),
    ];
    const results = ranked(entries, profile);
    expect(names(entries, results)).toEqual(['Balanced', 'One-sided']);
    expect(results[0]!.score).toBeGreaterThan(2 * results[1]!.score);
  });

  it('weighs by the teacher’s level and my priority', () => {
    const entries = [
      person({ name: 'Beginner', teach: [{ name: 'TikTok', level: 'beginner' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] }),
      person({ name: 'Expert', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] }),
    ];
    expect(names(entries, ranked(entries, profile))).toEqual(['Expert', 'Beginner']);
    const wants = me({
      learn: [
        { name: 'TikTok', priority: 'low', ask: '' },
        { name: 'Canva', priority: 'high', ask: '' },
      ],
      teach: profile.teach,
    });
    const byPriority = [
      person({ name: 'Low priority', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] }),
      person({ name: 'High priority', teach: [{ name: 'Canva', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'high', ask: '' }] }),
      // Teachers of each skill in equal numbers, so rarity does not tip the balance.
      person({ name: 'Filler', teach: [{ name: 'TikTok', level: 'beginner' }, { name: 'Canva', level: 'beginner' }] }),
    ];
    expect(names(byPriority, ranked(byPriority, wants)).slice(0, 2)).toEqual(['High priority', 'Low priority']);
  });

  it('values a rare skill above a common one', () => {
    const wants = me({
      learn: [
        { name: 'Excel', priority: 'medium', ask: '' },
        { name: 'Midjourney', priority: 'medium', ask: '' },
      ],
      teach: [{ name: 'Budgeting', level: 'expert' }],
    });
    const learnsBudgeting = [{ name: 'Budgeting', priority: 'medium' as const, ask: '' }];
    const entries = [
      ...Array.from({ length: 6 }, (_, i) => person({ name: `Excel fan ${i}`, teach: [{ name: 'Excel', level: 'advanced' }] })),
      person({ name: 'Common', teach: [{ name: 'Excel', level: 'expert' }], learn: learnsBudgeting }),
      person({ name: 'Rare', teach: [{ name: 'Midjourney', level: 'expert' }], learn: learnsBudgeting }),
    ];
    expect(names(entries, ranked(entries, wants)).slice(0, 2)).toEqual(['Rare', 'Common']);
  });
});

describe('rank: seniority and modes', () => {
  const learnsTikTok = [{ name: 'TikTok', priority: 'high' as const, ask: '' }];
  const teachesTikTok = [{ name: 'TikTok', level: 'expert' as const }];
  const learnsBoards = [{ name: 'Board governance', priority: 'high' as const, ask: '' }];
  const teachesBoards = [{ name: 'Board governance', level: 'expert' as const }];

  it('reverse: an early-career me teaches someone more senior, never someone more junior or a peer', () => {
    const profile = me({ careerStage: 'early', teach: teachesTikTok, learn: learnsBoards });
    const entries = [
      person({ name: 'Executive', careerStage: 'executive', learn: learnsTikTok, teach: teachesBoards }),
      person({ name: 'Peer', careerStage: 'early', learn: learnsTikTok, teach: teachesBoards }),
    ];
    const results = ranked(entries, profile, { mode: 'reverse' });
    expect(names(entries, results)).toEqual(['Executive']);
    expect(results[0]!.explanation.direction).toBe('i-teach-them');
    // What the executive could teach me does not count in reverse mode.
    expect(results[0]!.explanation.factors.find((f) => f.name === 'They teach me')!.contribution).toBe(0);
    expect(results[0]!.reasons).toContain('Reverse mentoring: you teach an executive colleague');
  });

  it('reverse: a senior me learns from someone earlier-career, not from someone who only wants to learn from me', () => {
    const profile = me({ careerStage: 'senior', learn: learnsTikTok, teach: teachesBoards });
    const entries = [
      person({ name: 'Junior teacher', careerStage: 'early', teach: teachesTikTok }),
      person({ name: 'Junior learner', careerStage: 'early', learn: learnsBoards }),
      person({ name: 'Senior teacher', careerStage: 'executive', teach: teachesTikTok }),
    ];
    const results = ranked(entries, profile, { mode: 'reverse' });
    expect(names(entries, results)).toEqual(['Junior teacher']);
    expect(results[0]!.explanation.direction).toBe('they-teach-me');
  });

  it('reverse and traditional: related-only partners count in the direction the gap allows', () => {
    const profile = me({ careerStage: 'mid', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Board governance', priority: 'high', ask: '' }] });
    const wantsInstagram = [{ name: 'Instagram', priority: 'high' as const, ask: '' }];
    const teachesBoardReporting = [{ name: 'Board reporting', level: 'expert' as const }];
    const entries = [
      person({ name: 'Senior learner', careerStage: 'senior', learn: wantsInstagram }),
      person({ name: 'Junior teacher', careerStage: 'early', teach: teachesBoardReporting }),
      person({ name: 'Senior teacher', careerStage: 'senior', teach: teachesBoardReporting }),
      person({ name: 'Junior learner', careerStage: 'early', learn: wantsInstagram }),
    ];
    const reverse = ranked(entries, profile, { mode: 'reverse' });
    expect(names(entries, reverse).sort()).toEqual(['Junior teacher', 'Senior learner']);
    expect(reverse.flatMap((r) => [...r.explanation.theyTeachMe, ...r.explanation.iTeachThem]).every((m) => m.match === 'related')).toBe(true);
    expect(names(entries, ranked(entries, profile, { mode: 'traditional' })).sort()).toEqual(['Junior learner', 'Senior teacher']);
  });

  it('reverse: a related-only partner beats a weak exact one when the list is full', () => {
    const profile = me({ careerStage: 'senior', teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Board governance', priority: 'high', ask: '' }] });
    const entries = [
      person({ name: 'Weak exact', careerStage: 'early', department: 'Marketing', timeZone: 'Pacific/Auckland', teach: [{ name: 'Board governance', level: 'beginner' }] }),
      person({ name: 'Related', careerStage: 'executive', department: 'Finance', learn: [{ name: 'Instagram', priority: 'high', ask: '' }] }),
    ];
    expect(names(entries, ranked(entries, profile, { mode: 'reverse', top: 1 }))).toEqual(['Related']);
  });

  it('traditional: the more senior person teaches', () => {
    const profile = me({ careerStage: 'mid', learn: learnsBoards, teach: teachesTikTok });
    const entries = [
      person({ name: 'Senior mentor', careerStage: 'senior', teach: teachesBoards }),
      person({ name: 'Junior mentor', careerStage: 'early', teach: teachesBoards }),
      person({ name: 'Junior mentee', careerStage: 'early', learn: learnsTikTok }),
      person({ name: 'Senior mentee', careerStage: 'executive', learn: learnsTikTok }),
    ];
    const results = ranked(entries, profile, { mode: 'traditional' });
    expect(names(entries, results).sort()).toEqual(['Junior mentee', 'Senior mentor']);
    const byName = new Map(results.map((r) => [entries[r.position]!.name, r]));
    expect(byName.get('Senior mentor')!.explanation.direction).toBe('they-teach-me');
    expect(byName.get('Junior mentee')!.explanation.direction).toBe('i-teach-them');
  });
});

describe('rank: hard requirements', () => {
  const profile = me({ learn: [{ name: 'Python', priority: 'high', ask: '' }], teach: [{ name: 'SEO', level: 'expert' }] });
  const teaches = [{ name: 'Python', level: 'expert' as const }];

  it('requires at least one shared language', () => {
    const entries = [
      person({ name: 'German only', languages: ['German'], teach: teaches }),
      person({ name: 'Bilingual', languages: ['german', 'ENGLISH'], teach: teaches }),
    ];
    const results = ranked(entries, profile);
    expect(names(entries, results)).toEqual(['Bilingual']);
    // Shown as first spelled in the directory.
    expect(results[0]!.explanation.sharedLanguages).toEqual(['ENGLISH']);
  });

  it('finds a shared language in a directory of many languages', () => {
    // The engine keeps the first 28 languages as bits and checks the rest the long way.
    const many = Array.from({ length: 32 }, (_, i) => person({ name: `Speaker ${i}`, languages: [`Language ${i}`], teach: teaches }));
    const results = ranked(many, { ...profile, languages: ['Language 30', 'Language 3'] });
    expect(names(many, results).sort()).toEqual(['Speaker 3', 'Speaker 30']);
  });

  it('leaves out people who are paused or full', () => {
    const entries = [
      person({ name: 'Paused', status: 'paused', teach: teaches }),
      person({ name: 'Full', capacity: 0, teach: teaches }),
      person({ name: 'Open', teach: teaches }),
    ];
    expect(names(entries, ranked(entries, profile))).toEqual(['Open']);
  });

  it('never suggests me, matched by email whatever its case', () => {
    const entries = [person({ name: 'Me in the directory', id: 'me@example.com', teach: teaches }), person({ name: 'Other', teach: teaches })];
    expect(names(entries, ranked(entries, me({ ...profile, email: 'Me@Example.com' })))).toEqual(['Other']);
  });

  it('leaves out excluded ids (hidden partners)', () => {
    const entries = [person({ name: 'Hidden', teach: teaches }), person({ name: 'Shown', teach: teaches })];
    expect(names(entries, ranked(entries, profile, { excludeIds: new Set([entries[0]!.id]) }))).toEqual(['Shown']);
  });
});

describe('rank: skills as people type them', () => {
  it('meets aliases, typos and related skills, and says how it read them', () => {
    const profile = me({
      learn: [
        { name: 'JS', priority: 'high', ask: '' },
        { name: 'negotiaton', priority: 'high', ask: '' },
        { name: 'Figma', priority: 'high', ask: '' },
      ],
    });
    const entries = [
      person({ name: 'Alias', teach: [{ name: 'JavaScript', level: 'expert' }] }),
      person({ name: 'Typo', teach: [{ name: 'Negotiation', level: 'expert' }] }),
      person({ name: 'Related', teach: [{ name: 'Sketch', level: 'expert' }] }),
    ];
    const meets = new Map(ranked(entries, profile).map((r) => [entries[r.position]!.name, r.explanation.theyTeachMe[0]!]));
    expect(meets.get('Alias')).toMatchObject({ myText: 'JS', myHow: 'alias', theirText: 'JavaScript', skill: 'JavaScript', match: 'same' });
    expect(meets.get('Alias')!.note).toBe('“JS” read as JavaScript');
    expect(meets.get('Typo')).toMatchObject({ myText: 'negotiaton', myHow: 'fuzzy', skill: 'Negotiation', match: 'same' });
    expect(meets.get('Typo')!.note).toContain('you wrote “negotiaton”');
    expect(meets.get('Related')).toMatchObject({ myText: 'Figma', theirText: 'Sketch', match: 'related' });
    expect(meets.get('Related')!.note).toContain('related to Figma (UX & product design)');
  });

  it('ranks a same-skill teacher above a related-skill teacher', () => {
    const profile = me({ learn: [{ name: 'Figma', priority: 'high', ask: '' }] });
    const entries = [person({ name: 'Sketch', teach: [{ name: 'Sketch', level: 'expert' }] }), person({ name: 'Figma', teach: [{ name: 'figma', level: 'intermediate' }] })];
    expect(names(entries, ranked(entries, profile))).toEqual(['Figma', 'Sketch']);
  });

  it('still lists a one-sided, related-only match when nothing better exists', () => {
    const profile = me({ learn: [{ name: 'Figma', priority: 'high', ask: '' }], teach: [{ name: 'Excel', level: 'expert' }] });
    const entries = [
      person({ name: 'Related teacher', teach: [{ name: 'Sketch', level: 'expert' }] }),
      person({ name: 'Related learner', learn: [{ name: 'Google Sheets', priority: 'high', ask: '' }] }),
      person({ name: 'Unrelated', teach: [{ name: 'Welding', level: 'expert' }] }),
    ];
    const results = ranked(entries, profile);
    expect(names(entries, results).sort()).toEqual(['Related learner', 'Related teacher']);
    expect(results.every((r) => r.score > 0 && r.score < 10)).toBe(true);
  });

  it('meets skills outside the taxonomy by their text', () => {
    const profile = me({ learn: [{ name: 'Beekeeping', priority: 'high', ask: '' }] });
    const entries = [person({ name: 'Keeper', teach: [{ name: 'beekeeping ', level: 'advanced' }] }), person({ name: 'Other', teach: [{ name: 'Bee photography', level: 'advanced' }] })];
    const results = ranked(entries, profile);
    expect(names(entries, results)).toEqual(['Keeper']);
    expect(results[0]!.explanation.theyTeachMe[0]).toMatchObject({ match: 'same', myHow: 'unknown', theirHow: 'unknown' });
    expect(results[0]!.explanation.theyTeachMe[0]!.skillId).toBeUndefined();
  });
});

describe('rank: context factors and weights', () => {
  const profile = me({ learn: [{ name: 'SQL', priority: 'high', ask: '' }], teach: [{ name: 'Canva', level: 'expert' }] });
  const exchange = { teach: [{ name: 'SQL', level: 'expert' as const }], learn: [{ name: 'Canva', priority: 'high' as const, ask: '' }] };

  it('prefers shared working hours, other departments and common ground, with explanations that add up', () => {
    const entries = [
      person({ name: 'Far away', ...exchange, timeZone: 'Pacific/Auckland', department: 'Finance' }),
      person({ name: 'Same department', ...exchange, department: 'Marketing' }),
      person({ name: 'Ideal', ...exchange, department: 'Finance', ergs: ['Women in Tech'], interests: ['Chess'] }),
    ];
    const results = ranked(entries, me({ ...profile, ergs: ['women in tech'], interests: ['chess'] }));
    expect(names(entries, results)).toEqual(['Ideal', 'Same department', 'Far away']);
    const ideal = results[0]!;
    expect(ideal.explanation.commonGround).toEqual({ ergs: ['Women in Tech'], interests: ['Chess'] });
    expect(ideal.explanation.overlapHours).toBe(8);
    expect(results[2]!.explanation.overlapHours).toBe(0);
    for (const result of results) {
      const total = result.explanation.factors.reduce((sum, f) => sum + f.contribution, 0);
      expect(Math.round(total)).toBe(result.score);
    }
    expect(ideal.reasons).toEqual(expect.arrayContaining(['Can teach you SQL (expert)', 'Wants to learn Canva from you', 'Both in Women in Tech', 'Other department: Finance (you: Marketing)']));
  });

  it('changes the order when weights change', () => {
    const entries = [
      person({ name: 'Teaches more', teach: [{ name: 'SQL', level: 'expert' }], learn: [{ name: 'Canva', priority: 'low', ask: '' }, { name: 'Welding', priority: 'high', ask: '' }] }),
      person({ name: 'Learns more', teach: [{ name: 'SQL', level: 'beginner' }], learn: [{ name: 'Canva', priority: 'high', ask: '' }] }),
      person({ name: 'Same department, close', teach: [{ name: 'SQL', level: 'advanced' }], learn: [{ name: 'Canva', priority: 'medium', ask: '' }], department: 'Marketing' }),
    ];
    const order = (weights: typeof DEFAULT_WEIGHTS) => names(entries, ranked(entries, profile, { weights }));
    const iLearn = order({ ...DEFAULT_WEIGHTS, theyTeachMe: 5, iTeachThem: 0.5 });
    const iTeach = order({ ...DEFAULT_WEIGHTS, theyTeachMe: 0.5, iTeachThem: 5 });
    expect(iLearn.indexOf('Teaches more')).toBeLessThan(iLearn.indexOf('Learns more'));
    expect(iTeach.indexOf('Learns more')).toBeLessThan(iTeach.indexOf('Teaches more'));
    const silos = order({ ...DEFAULT_WEIGHTS, crossDepartment: 5 });
    const noSilos = order({ ...DEFAULT_WEIGHTS, crossDepartment: 0 });
    expect(silos.at(-1)).toBe('Same department, close');
    expect(noSilos.indexOf('Same department, close')).toBeLessThan(silos.indexOf('Same department, close'));
  });

  it('uses the profile’s weights when the options give none', () => {
    const entries = [
      person({ name: 'Other department', teach: [{ name: 'SQL', level: 'beginner' }] }),
      person({ name: 'My department', department: 'Marketing', teach: [{ name: 'SQL', level: 'expert' }] }),
    ];
    expect(names(entries, ranked(entries, profile))[0]).toBe('My department');
    expect(names(entries, ranked(entries, { ...profile, weights: { ...DEFAULT_WEIGHTS, crossDepartment: 5 } }))[0]).toBe('Other department');
  });

  it('applies filters', () => {
    const entries = [
      person({ name: 'Berlin', ...exchange, location: 'Berlin', timeZone: 'Europe/Berlin', ergs: ['Pride Network'], formats: ['chat'] }),
      person({ name: 'London', ...exchange, department: 'Finance', languages: ['English', 'Spanish'] }),
    ];
    const only = (filters: RankOptions['filters']) => names(entries, ranked(entries, profile, { filters }));
    expect(only({ location: 'same' })).toEqual(['London']);
    expect(only({ location: 'remote' })).toEqual(['Berlin']);
    expect(only({ erg: 'pride network' })).toEqual(['Berlin']);
    expect(only({ format: 'chat' })).toEqual(['Berlin']);
    expect(only({ department: 'Finance' })).toEqual(['London']);
    expect(only({ language: 'Spanish' })).toEqual(['London']);
    expect(only({ language: 'Klingon' })).toEqual([]);
    expect(only({ erg: 'Nobody has this' })).toEqual([]);
  });
});

describe('rank: free-text search', () => {
  const profile = me({ teach: [{ name: 'TikTok', level: 'expert' }], learn: [{ name: 'Budgeting', priority: 'medium', ask: '' }] });
  const entries = [
    person({ name: 'Ada Lovelace', department: 'Engineering', title: 'Principal Engineer', teach: [{ name: 'Figma', level: 'advanced' }] }),
    person({ name: 'Grace Hopper', department: 'Finance', teach: [{ name: 'Budgeting', level: 'expert' }], learn: [{ name: 'TikTok', priority: 'high', ask: '' }] }),
    person({ name: 'Alan Turing', department: 'Design', teach: [{ name: 'UI design', level: 'expert' }], learn: [{ name: 'Instagram Reels', priority: 'high', ask: '' }] }),
  ];

  it('reads "who can teach me X" as people who teach X, even with no other exchange', () => {
    const results = ranked(entries, profile, { query: 'Who can teach me Figma?' });
    expect(names(entries, results)).toEqual(['Ada Lovelace']);
    expect(results[0]!.explanation.theyTeachMe[0]).toMatchObject({ myText: 'Figma', skill: 'Figma' });
  });

  it('reads "who wants to learn X" as people who want X', () => {
    expect(names(entries, ranked(entries, profile, { query: 'who wants to learn tik tok' }))).toEqual(['Grace Hopper']);
  });

  it('finds names, departments and titles, and ranks them by the same engine', () => {
    expect(names(entries, ranked(entries, profile, { query: 'ada' }))).toEqual(['Ada Lovelace']);
    expect(names(entries, ranked(entries, profile, { query: 'finance' }))).toEqual(['Grace Hopper']);
    expect(names(entries, ranked(entries, profile, { query: 'principal engineer' }))).toEqual(['Ada Lovelace']);
    // Both are named by "a"; the one I exchange skills with comes first, the other still shows (score 0).
    const results = ranked(entries, profile, { query: 'a' });
    expect(names(entries, results)[0]).toBe('Grace Hopper');
    expect(results.at(-1)!.score).toBe(0);
  });

  it('finds names whatever their accents, case and spacing', () => {
    const withAccents = [...entries, person({ name: ' José  Álvarez ', teach: [{ name: 'Budgeting', level: 'beginner' }] })];
    expect(names(withAccents, ranked(withAccents, profile, { query: 'jose' }))).toEqual([' José  Álvarez ']);
    expect(names(withAccents, ranked(withAccents, profile, { query: 'ÁLVAREZ josé' }))).toEqual([' José  Álvarez ']);
    expect(ranked(withAccents, profile, { query: 'josé álvarez ada' })).toEqual([]);
  });

  it('finds skills by name, alias and typo', () => {
    expect(names(entries, ranked(entries, profile, { query: 'budgetting' }))).toEqual(['Grace Hopper']);
    expect(names(entries, ranked(entries, profile, { query: 'reels' }))).toEqual(['Alan Turing']);
  });

  it('treats a search of accents or punctuation alone as naming everyone', () => {
    expect(ranked(entries, profile, { query: '\u0301' })).toHaveLength(entries.length);
  });

  it('says on each result why it fits the search: the skill and the direction, the department, the title or the name', () => {
    const reason = (query: string) => ranked(entries, profile, { query }).map((r) => r.reasons.find((text) => text.startsWith('Your search: ')));
    expect(reason('Who can teach me Figma?')).toEqual(['Your search: teaches Figma']);
    expect(reason('who wants to learn tik tok')).toEqual(['Your search: wants to learn TikTok']);
    expect(reason('finance')).toEqual(['Your search: department Finance']);
    expect(reason('principal engineer')).toEqual(['Your search: title Principal Engineer']);
    expect(reason('ada')).toEqual(['Your search: their name']);
    expect(reason('budgetting')).toEqual(['Your search: teaches Budgeting']);
    // Without a search no card says so.
    expect(ranked(entries, profile).flatMap((r) => r.reasons).filter((text) => text.startsWith('Your search'))).toEqual([]);
  });

  it('returns nothing for a skill nobody has', () => {
    expect(ranked(entries, profile, { query: 'teach me underwater basket weaving' })).toEqual([]);
  });
});

describe('rank: determinism', () => {
  it('breaks ties by id, whatever the order of the directory', () => {
    const twin = (name: string, id: string) => person({ name, id, teach: [{ name: 'Python', level: 'expert' }] });
    const entries = [twin('Zed', 'zed@example.com'), twin('Amy', 'amy@example.com'), twin('Max', 'max@example.com')];
    const profile = me({ learn: [{ name: 'Python', priority: 'high', ask: '' }] });
    expect(ranked(entries, profile).map((r) => r.id)).toEqual(['amy@example.com', 'max@example.com', 'zed@example.com']);
    expect(ranked([...entries].reverse(), profile).map((r) => r.id)).toEqual(['amy@example.com', 'max@example.com', 'zed@example.com']);
  });

  it('respects top', () => {
    const entries = Array.from({ length: 30 }, (_, i) => person({ name: `P${i}`, teach: [{ name: 'Python', level: 'expert' }] }));
    const profile = me({ learn: [{ name: 'Python', priority: 'high', ask: '' }] });
    expect(ranked(entries, profile)).toHaveLength(20);
    expect(ranked(entries, profile, { top: 5 })).toHaveLength(5);
    expect(ranked(entries, profile, { top: 0 })).toEqual([]);
  });
});
