import { describe, expect, it } from 'vitest';
import { applyDraft, canonicalSkillName, draftFromProfile, learnRow, teachRow } from '../../../lib/profile';
import { createSkillSearch } from '../../../lib/skills';
import { NOW, profile } from './helpers';

const LATER = new Date('2026-11-12T15:00:00.000Z');

describe('profile draft', () => {
  it('round-trips a profile without a change', () => {
    const base = profile();
    const applied = applyDraft(draftFromProfile(base), base, { now: LATER });
    expect(applied).toEqual({ profile: base, errors: {}, changed: false });
  });

  it('saves the valid fields and keeps the saved value of an invalid one, with its message', () => {
    const base = profile();
    const draft = { ...draftFromProfile(base), name: 'Priya R.', email: 'priya@', capacity: 'two', goals: { ...draftFromProfile(base).goals, durationMonths: '30' } };
    const applied = applyDraft(draft, base, { now: LATER });
    expect(applied.profile).toMatchObject({ name: 'Priya R.', email: base.email, capacity: base.capacity, updatedAt: LATER.toISOString() });
    expect(applied.profile.goals.durationMonths).toBe(base.goals.durationMonths);
    expect(applied.errors).toEqual({
      email: 'Enter a valid email address',
      capacity: 'Enter a number of partners from 0 to 10',
      'goals.durationMonths': 'Enter 1 to 24 months',
    });
    expect(applied.changed).toBe(true);
  });

  it('parses numbers typed with spaces and rejects fractions', () => {
    const base = profile();
    const draft = { ...draftFromProfile(base), capacity: ' 3 ', goals: { ...draftFromProfile(base).goals, sessionMinutes: '30.5' } };
    const applied = applyDraft(draft, base);
    expect(applied.profile.capacity).toBe(3);
    expect(applied.errors).toEqual({ 'goals.sessionMinutes': 'Enter a whole number of minutes' });
  });

  it('skips rows still without a name, and flags duplicates under any spelling', () => {
    const base = profile({ teach: [], learn: [] });
    const js = teachRow('JS', 'expert');
    const javascript = teachRow('JavaScript', 'advanced');
    const long = learnRow('x'.repeat(81));
    const draft = { ...draftFromProfile(base), teach: [js, teachRow(''), javascript], learn: [long, learnRow('TikTok', 'high', 'x'.repeat(281))] };
    const applied = applyDraft(draft, base, { canonical: canonicalSkillName(createSkillSearch()) });
    expect(applied.profile.teach).toEqual([{ name: 'JS', level: 'expert' }]);
    expect(applied.profile.learn).toEqual([]);
    expect(applied.errors).toEqual({
      [`teach.${javascript.key}.name`]: 'Already listed above',
      [`learn.${long.key}.name`]: 'Use at most 80 characters',
      [`learn.${draft.learn[1]!.key}.ask`]: 'Use at most 280 characters',
    });
  });

  it('without a resolver, only the same spelling is a duplicate', () => {
    const base = profile({ teach: [] });
    const draft = { ...draftFromProfile(base), teach: [teachRow('JS'), teachRow('javascript'), teachRow(' js ')] };
    expect(applyDraft(draft, base).profile.teach.map((skill) => skill.name)).toEqual(['JS', 'javascript']);
  });

  it('keeps what the form does not edit: match mode and weights', () => {
    const weights = { theyTeachMe: 3, iTeachThem: 2, commonGround: 1, crossDepartment: 1, timeZone: 1, formats: 1 };
    const base = profile({ matchMode: 'reverse', weights });
    const applied = applyDraft({ ...draftFromProfile(base), title: 'PM' }, base, { now: LATER });
    expect(applied.profile).toMatchObject({ matchMode: 'reverse', weights, title: 'PM' });
  });

  it('is unchanged when only whitespace differs', () => {
    const base = profile();
    const applied = applyDraft({ ...draftFromProfile(base), name: ` ${base.name} ` }, base, { now: LATER });
    expect(applied.changed).toBe(false);
    expect(applied.profile.updatedAt).toBe(NOW.toISOString());
  });
});
