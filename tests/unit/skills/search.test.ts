import { describe, expect, it } from 'vitest';
import { TAXONOMY, compactKey, createSkillSearch } from '../../../lib/skills';

describe('taxonomy', () => {
  it('has at least 300 skills with unique ids and non-empty categories', () => {
    expect(TAXONOMY.length).toBeGreaterThanOrEqual(300);
    expect(new Set(TAXONOMY.map((skill) => skill.id)).size).toBe(TAXONOMY.length);
    for (const skill of TAXONOMY) {
      expect(skill.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(skill.category.length).toBeGreaterThan(0);
    }
  });

  it('never gives one spelling to two skills', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const skill of TAXONOMY) {
      for (const text of [skill.name, ...skill.aliases]) {
        const key = compactKey(text);
        const previous = owner.get(key);
        if (previous && previous !== skill.id) clashes.push(`${text}: ${previous} / ${skill.id}`);
        owner.set(key, skill.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('covers the skills people trade in reverse mentoring', () => {
    const search = createSkillSearch();
    for (const name of ['TikTok', 'Instagram Reels', 'YouTube', 'Canva', 'CapCut', 'ChatGPT', 'Prompt engineering', 'Midjourney', 'SQL', 'Python', 'Figma', 'UX research', 'Budgeting', 'Financial modelling', 'Board governance', 'Fundraising', 'Negotiation', 'People management', 'Hiring', 'Coaching', 'Public speaking', 'Storytelling', 'Stakeholder management', 'Strategy', 'Agile', 'Sales', 'Marketing', 'GDPR', 'DEI', 'Wellbeing']) {
      expect(search.resolve(name), name).toMatchObject({ how: 'exact', score: 1 });
    }
  });
});

describe('resolve', () => {
  const search = createSkillSearch();

  it.each([
    ['JS', 'JavaScript'],
    ['GenAI', 'Generative AI'],
    ['LLMs', 'Large language models'],
    ['PowerPoint', 'Microsoft PowerPoint'],
    ['slides', 'Microsoft PowerPoint'],
    ['P&L', 'P&L management'],
    ['financial modeling', 'Financial modelling'],
    ['reels', 'Instagram Reels'],
  ])('resolves the alias %s to %s', (input, name) => {
    const resolution = search.resolve(input);
    expect(resolution).toMatchObject({ input, how: 'alias', score: 1 });
    expect(resolution.skill?.name).toBe(name);
    expect(compactKey(resolution.matchedText ?? '')).toBe(compactKey(input));
  });

  it.each(['tik tok', 'Tik-Tok', 'TIKTOK', ' tiktok '])('ignores case, spacing and punctuation: %s', (input) => {
    expect(search.resolve(input)).toMatchObject({ how: 'exact', skill: { name: 'TikTok' } });
  });

  it('keeps symbols that carry meaning apart', () => {
    expect(search.resolve('C#').skill?.name).toBe('C#');
    expect(search.resolve('c++').skill?.name).toBe('C++');
    expect(search.resolve('C').skill?.name).toBe('C');
  });

  it.each([
    ['negotiaton', 'Negotiation'],
    ['pyton', 'Python'],
    ['javscript', 'JavaScript'],
    ['kubernets', 'Kubernetes'],
    ['peple managment', 'People management'],
    ['public speeking', 'Public speaking'],
    ['Midjourny', 'Midjourney'],
    ['modelling financial', 'Financial modelling'],
    ['prompt engineer', 'Prompt engineering'],
    ['figm', 'Figma'],
  ])('resolves the typo, partial name or word order %s to %s', (input, name) => {
    const resolution = search.resolve(input);
    expect(resolution.how).toBe('fuzzy');
    expect(resolution.skill?.name).toBe(name);
    expect(resolution.score).toBeGreaterThan(0.5);
    expect(resolution.score).toBeLessThan(1);
    expect(resolution.matchedText).toBeTruthy();
  });

  it.each(['Underwater basket weaving', 'Cooking', 'knitting', 'art'])('keeps %s as typed when nothing fits', (input) => {
    expect(search.resolve(input)).toEqual({ input, how: 'unknown', score: 0 });
  });

  it('reports the input as typed even when an equivalent spelling was cached', () => {
    search.resolve('TikTok');
    expect(search.resolve('tik tok').input).toBe('tik tok');
  });
});

describe('suggest', () => {
  const search = createSkillSearch(['Knitting', 'negotiaton', 'Kotlin Multiplatform', 'knitting ']);

  it('puts the skill an alias names first and says which alias matched', () => {
    expect(search.suggest('js')[0]).toEqual({ name: 'JavaScript', category: 'Programming languages', matchedAlias: 'js', source: 'taxonomy' });
  });

  it('completes prefixes', () => {
    expect(search.suggest('tik')[0]?.name).toBe('TikTok');
    expect(search.suggest('negot').map((s) => s.name)).toContain('Negotiation');
  });

  it('offers directory skills the taxonomy lacks once, but not directory typos of taxonomy skills', () => {
    const names = search.suggest('kn', 20).map((s) => `${s.source}:${s.name}`);
    expect(names.filter((name) => name === 'directory:Knitting')).toHaveLength(1);
    expect(search.suggest('negotia', 20).some((s) => s.source === 'directory')).toBe(false);
    expect(search.suggest('kotlin m', 5)[0]).toEqual({ name: 'Kotlin Multiplatform', source: 'directory' });
  });

  it('respects the limit and returns nothing for an empty query', () => {
    expect(search.suggest('a', 3)).toHaveLength(3);
    expect(search.suggest('  ')).toEqual([]);
  });
});
