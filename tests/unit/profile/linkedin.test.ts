import { describe, expect, it } from 'vitest';
import {
  canonicalSkillName,
  draftFromProfile,
  LinkedInImportError,
  mergeLinkedIn,
  mergeLinkedInIntoDraft,
  parseLinkedInExport,
  teachRow,
  titleFromHeadline,
} from '../../../lib/profile';
import { createSkillSearch } from '../../../lib/skills';
import { linkedInFile, profile } from './helpers';

const canonical = canonicalSkillName(createSkillSearch());

describe('LinkedIn export: reading', () => {
  it('reads Skills.csv with a byte-order mark and CRLF lines', () => {
    const skills = linkedInFile('Skills.csv');
    expect(skills.text.charCodeAt(0)).toBe(0xfeff);
    expect(parseLinkedInExport([skills])).toEqual({
      skills: [
        'Project Management',
        'Public Speaking',
        'Javascript',
        'Stakeholder Management',
        'Data Analysis',
        'Negotiation',
        'Microsoft Excel',
        'Research, Design & Strategy',
        'Sourdough Baking',
      ],
      notes: [],
    });
  });

  it('reads Profile.csv: name, title from the headline, location; the multi-line summary does not get in the way', () => {
    expect(parseLinkedInExport([linkedInFile('Profile.csv')])).toEqual({
      name: 'Priya Raman',
      title: 'Senior Product Manager',
      location: 'Berlin, Germany',
      skills: [],
      notes: [],
    });
  });

  it('skips the "Notes:" preamble, and reads both files at once', () => {
    const data = parseLinkedInExport([linkedInFile('Profile.csv'), linkedInFile('Skills-with-notes.csv')]);
    expect(data).toMatchObject({ name: 'Priya Raman', skills: ['TikTok', 'Public speaking'] });
  });

  it('says which other files it did not use', () => {
    const data = parseLinkedInExport([linkedInFile('Skills.csv'), linkedInFile('Connections.csv')]);
    expect(data.notes).toEqual(['Connections.csv is not LinkedIn’s Skills.csv or Profile.csv: not used.']);
  });

  it.each([
    ['only unrelated files', [linkedInFile('Connections.csv')], /None of the chosen files.*Connections\.csv/],
    ['the zip itself', [{ name: 'Basic_LinkedInDataExport_11-12-2026.zip', text: 'PK\u0003\u0004...' }], /unzip it/],
    ['an empty file', [{ name: 'Skills.csv', text: '' }], /None of the chosen files/],
    ['no file', [], /None of the chosen files/],
  ])('refuses %s', (_, files, message) => {
    expect(() => parseLinkedInExport(files)).toThrow(LinkedInImportError);
    expect(() => parseLinkedInExport(files)).toThrow(message);
  });

  it.each([
    ['Senior Product Manager at Northwind Traders | Mentor', 'Senior Product Manager'],
    ['Data Engineer @ Contoso', 'Data Engineer'],
    ['Designer · Illustrator', 'Designer'],
    ['Head of People', 'Head of People'],
    ['Chief Data Officer', 'Chief Data Officer'],
  ])('title from headline %j', (headline, title) => {
    expect(titleFromHeadline(headline)).toBe(title);
  });
});

describe('LinkedIn export: merging', () => {
  const data = { name: 'Priya Raman', title: 'Senior Product Manager', location: 'Berlin, Germany', skills: ['Javascript', 'JS', 'TikTok', 'Public Speaking', 'Sourdough Baking', 'x'.repeat(81)], notes: [] };

  it('fills empty fields and adds new skills at level intermediate, under their canonical names', () => {
    const me = profile({ name: '', title: '', location: '', teach: [{ name: 'public speaking', level: 'expert' }] });
    const merged = mergeLinkedIn(me, data, canonical);
    expect(merged.filled).toEqual(['name', 'title', 'location']);
    expect(merged.profile).toMatchObject({ name: 'Priya Raman', title: 'Senior Product Manager', location: 'Berlin, Germany' });
    expect(merged.profile.teach).toEqual([
      { name: 'public speaking', level: 'expert' },
      { name: 'JavaScript', level: 'intermediate' },
      { name: 'Sourdough Baking', level: 'intermediate' },
    ]);
    expect(merged.addedSkills).toEqual(['JavaScript', 'Sourdough Baking']);
    expect(merged.skipped).toEqual([
      { name: 'TikTok', reason: 'on your learn list' },
      { name: 'Public speaking', reason: 'already listed' },
      { name: 'x'.repeat(81), reason: 'too long' },
    ]);
  });

  it('never overwrites what the user typed', () => {
    const me = profile({ name: 'P. Raman', title: 'PM', location: 'Hamburg' });
    const merged = mergeLinkedIn(me, data, canonical);
    expect(merged.filled).toEqual([]);
    expect(merged.profile).toMatchObject({ name: 'P. Raman', title: 'PM', location: 'Hamburg' });
  });

  it('stops at the 50-skill limit', () => {
    const me = profile({ teach: Array.from({ length: 49 }, (_, i) => ({ name: `Skill ${i}`, level: 'advanced' as const })), learn: [] });
    const merged = mergeLinkedIn(me, { skills: ['Go', 'Rust'], notes: [] }, canonical);
    expect(merged.addedSkills).toEqual(['Go']);
    expect(merged.skipped).toEqual([{ name: 'Rust', reason: 'list full' }]);
  });

  it('without a resolver, compares case-insensitively', () => {
    const merged = mergeLinkedIn(profile({ teach: [{ name: 'javascript', level: 'advanced' }] }), { skills: ['JavaScript', 'JS'], notes: [] });
    expect(merged.addedSkills).toEqual(['JS']);
  });

  it('merges into the form draft, keeping text being typed, even invalid', () => {
    const me = profile({ name: '', title: '', teach: [] });
    const typed = teachRow('Negotiation', 'expert');
    const draft = { ...draftFromProfile(me), title: 'x'.repeat(130), teach: [typed] };
    const result = mergeLinkedInIntoDraft(draft, me, { ...data, skills: ['Negotiation', 'Data Analysis'] }, canonical);
    expect(result.draft.name).toBe('Priya Raman');
    expect(result.draft.title).toBe('x'.repeat(130));
    expect(result.draft.teach.map((row) => [row.name, row.level])).toEqual([
      ['Negotiation', 'expert'],
      ['Data analysis', 'intermediate'],
    ]);
    expect(result.draft.teach[0]).toBe(typed);
  });
});
