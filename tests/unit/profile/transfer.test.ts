import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProfileJson, parseProfileJson, profileFileName, ProfileFormatError } from '../../../lib/profile';
import { parseProfileFile } from '../../../cli/match';
import { NOW, profile } from './helpers';

describe('profile JSON', () => {
  it('exports the documented file and imports it back unchanged', () => {
    const me = profile();
    const text = exportProfileJson(me, NOW);
    expect(JSON.parse(text)).toEqual({ format: 'mutual-profile', version: 1, exportedAt: NOW.toISOString(), profile: me });
    expect(parseProfileJson(text)).toEqual(me);
    expect(profileFileName(NOW)).toBe('mutual-profile-2026-11-12.json');
  });

  it('is the file `mutual match --profile` reads', () => {
    const me = profile();
    expect(parseProfileFile(exportProfileJson(me, NOW), 'me.json')).toEqual(me);
  });

  it('reads the example in docs/profile-format.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/profile-format.md'), 'utf8');
    const example = doc.split('```json')[1]!.split('```')[0]!;
    expect(parseProfileJson(example)).toMatchObject({ name: 'Priya Raman', teach: [{ name: 'Negotiation', level: 'expert' }, { name: 'Public speaking', level: 'intermediate' }] });
  });

  it('accepts a byte-order mark, a bare profile and an old profile version', () => {
    const me = profile();
    expect(parseProfileJson(`\uFEFF${JSON.stringify(me)}`)).toEqual(me);
    const legacy = { format: 'mutual-profile', version: 1, profile: { name: 'Sam', role: 'CFO', updatedAt: '2025-03-01T10:00:00.000Z' } };
    expect(parseProfileJson(JSON.stringify(legacy))).toMatchObject({ name: 'Sam', title: 'CFO', schemaVersion: 1 });
  });

  it.each([
    ['not JSON', '{"format": "mutual-profile",', /not JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['another format', '{"format": "mutual-directory", "version": 1}', /format is "mutual-directory"/],
    ['a newer file version', '{"format": "mutual-profile", "version": 2, "profile": {}}', /newer version of Mutual/],
    ['a missing version', '{"format": "mutual-profile", "profile": {}}', /unknown version/],
    ['an invalid profile', JSON.stringify({ format: 'mutual-profile', version: 1, profile: { ...profile(), email: 'x' } }), /email: Enter a valid email address/],
  ])('refuses %s with a clear message', (_, text, message) => {
    expect(() => parseProfileJson(text)).toThrow(ProfileFormatError);
    expect(() => parseProfileJson(text)).toThrow(message);
  });

  it('says what to choose when a directory CSV is picked, without the parser\'s own words', () => {
    const read = () => parseProfileJson('Timestamp,Email address\n2026/11/03,ana@example.com\n');
    expect(read).toThrow(/choose the \.json file that "Export my profile" saved/);
    expect(read).not.toThrow(/Unexpected token/);
  });
});
