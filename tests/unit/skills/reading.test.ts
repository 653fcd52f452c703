import { describe, expect, it } from 'vitest';
import { createSkillSearch, describeReading, type SkillReading } from '../../../lib/skills';
import { typoDistance } from '../../../lib/skills/distance';

const names = (reading: SkillReading) => reading.parts.map((part) => part.skill?.name ?? `?${part.input}`);

describe('typoDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['excle', 'excel', 1],
    ['budegting', 'budgeting', 1],
    ['pubilc', 'public', 1],
    ['excel', 'excel', 0],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s → %s is %i edits', (a, b, edits) => {
    expect(typoDistance(a, b, 5)).toBe(edits);
    expect(typoDistance(b, a, 5)).toBe(edits);
  });

  it('stops at the limit', () => {
    expect(typoDistance('negotiation', 'photography', 2)).toBe(3);
    expect(typoDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('read: phrases that hold known skills', () => {
  const search = createSkillSearch();

  it.each([
    ['Python for data analysis', ['Python', 'Data analysis']],
    ['Excel and Power BI', ['Microsoft Excel', 'Power BI']],
    ['video editing for TikTok', ['Video editing', 'TikTok']],
    ['machine learning with Python', ['Machine learning', 'Python']],
    ['P&L and budgeting', ['P&L management', 'Budgeting']],
    ['C++ and Python', ['C++', 'Python']],
    ['R for statistics', ['R', 'Statistics']],
    ['public speaking at conferences', ['Public speaking']],
    ['Advanced Excel', ['Microsoft Excel']],
  ])('reads "%s" as %j', (input, expected) => {
    const reading = search.read(input);
    expect(reading.phrase).toBe(true);
    expect(names(reading)).toEqual(expected);
    expect(reading.parts.every((part) => part.how !== 'unknown')).toBe(true);
  });

  it('takes the longest name first: "public speaking" is not "speaking" (an alias) plus a leftover', () => {
    const [part] = search.read('public speaking at conferences').parts;
    expect(part).toMatchObject({ how: 'exact', input: 'public speaking', skill: { name: 'Public speaking' } });
  });

  it.each(['Research and development', 'Parenting and work', 'P&L', 'Mergers and acquisitions', 'A/B testing', 'C++'])(
    'keeps "%s", itself a known skill or alias or none, whole',
    (input) => {
      const reading = search.read(input);
      expect(reading.parts).toHaveLength(1);
      expect(reading.phrase).toBe(false);
    },
  );

  it('never counts a connector as a skill, and short names only when typed like names', () => {
    expect(names(search.read('ready to go and have fun'))).toEqual(['?ready to go and have fun']);
    expect(names(search.read('Go and Rust'))).toEqual(['Go', 'Rust']);
    expect(names(search.read('for and with at'))).toEqual(['?for and with at']);
  });

  it('reads a typo inside a phrase as a typo of a whole name, never as a partial name', () => {
    const reading = search.read('Video editting for TikTok');
    expect(names(reading)).toEqual(['Video editing', 'TikTok']);
    expect(reading.parts[0]).toMatchObject({ how: 'fuzzy', input: 'Video editting' });
    // "development" alone would be a partial name of Web development: not taken.
    expect(search.read('Research and development').parts[0]!.how).toBe('unknown');
  });

  // Real people's phrasing: everyday words that are also a product's or a skill's alias.
  it.each([
    ['design thinking for teams', ['Design thinking']],
    ['public speaking with impact', ['Public speaking']],
    ['negotiation at work', ['Negotiation']],
    ['Python for the next project', ['Python']],
    ['mindfulness and rest', ['Mindfulness']],
    ['leadership for personal growth', ['Leadership']],
    ['stakeholder management across teams', ['Stakeholder management']],
  ])('does not read an everyday word inside "%s" as a skill: %j', (input, expected) => {
    expect(names(search.read(input))).toEqual(expected);
  });

  it('reads an everyday alias inside a phrase when it is typed like a name, and alone as the skill', () => {
    expect(names(search.read('design thinking for Teams'))).toEqual(['Design thinking', 'Microsoft Teams']);
    expect(names(search.read('Word and Excel'))).toEqual(['Microsoft Word', 'Microsoft Excel']);
    expect(names(search.read('teams'))).toEqual(['Microsoft Teams']);
    expect(names(search.read('impact'))).toEqual(['Corporate social responsibility']);
  });

  // A guess must account for every word typed: found by a fresh-eyes review of the profile editor.
  it.each([
    ['social skills', ['?social skills']],
    ['cloud', ['?cloud']],
    ['ai for marketing', ['Marketing']],
    ['networking events', ['Networking']],
    ['presenting to the board', ['Public speaking']],
  ])('does not guess a skill the words of "%s" do not name: %j', (input, expected) => {
    expect(names(search.read(input))).toEqual(expected);
  });

  it('still reads a typo of five letters or more inside a phrase', () => {
    expect(names(search.read('Excle and Power BI'))).toEqual(['Microsoft Excel', 'Power BI']);
    expect(search.read('Excle and Power BI').parts[0]).toMatchObject({ how: 'fuzzy', input: 'Excle' });
  });

  it('reads each skill once when a phrase names it twice', () => {
    expect(names(search.read('Excel and more Excel'))).toEqual(['Microsoft Excel']);
  });
});

describe('read: typos', () => {
  const search = createSkillSearch();

  it.each([
    ['Excle', 'Microsoft Excel'],
    ['Pubilc speaking', 'Public speaking'],
    ['Budegting', 'Budgeting'],
    ['Negotaition', 'Negotiation'],
  ])('counts the transposition in %s as one typo: %s', (input, name) => {
    const reading = search.read(input);
    expect(reading.phrase).toBe(false);
    expect(reading.parts[0]).toMatchObject({ how: 'fuzzy', skill: { name } });
    expect(reading.parts[0]!.score).toBeGreaterThanOrEqual(0.8);
  });

  it.each(['Goo', 'UXR', 'AIs', 'Rr', 'Cc', 'SLQ'])('never matches the short name behind %s fuzzily', (input) => {
    expect(search.read(input).parts[0]).toMatchObject({ how: 'unknown' });
  });

  it.each(['R', 'Go', 'C', 'UX', 'AI'])('still reads the short name %s exactly', (input) => {
    expect(search.read(input).parts[0]!.how).toMatch(/exact|alias/);
  });
});

describe('describeReading', () => {
  const search = createSkillSearch();

  it('says what a phrase, an alias and a typo were read as, and that a typo is a guess', () => {
    expect(describeReading(search.read('video editing for TikTok'))).toBe('read as Video editing + TikTok');
    expect(describeReading(search.read('JS'))).toBe('read as JavaScript');
    expect(describeReading(search.read('Excle'))).toBe('read as Microsoft Excel (closest spelling)');
    expect(describeReading(search.read('Video editting for TikTok'))).toBe('read as Video editing (closest spelling) + TikTok');
  });

  it('says nothing for a skill typed by its name, and explains an unknown skill', () => {
    expect(describeReading(search.read('TikTok'))).toBeUndefined();
    expect(describeReading(search.read('Beekeeping'))).toMatch(/not in Mutual’s skill list/);
  });

  it('gives the same reading whatever the spacing, with the input as typed', () => {
    const first = search.read('Excel and Power BI');
    const again = search.read('  excel  and power-bi ');
    expect(names(again)).toEqual(names(first));
    expect(again.input).toBe('excel  and power-bi');
  });
});
