import { describe, expect, it } from 'vitest';
import { FeedEntrySchema, demoFeedEntries } from '../../../lib/directory';
import { quickParseEntry } from '../../../lib/directory/quick-parse';

/**
 * The fast path must agree with FeedEntrySchema: whatever it accepts, the schema accepts with the
 * same value. Thousands of entries, each damaged in one of many ways people and exporters damage them.
 */
const now = new Date('2026-11-10T12:00:00Z');
const base = demoFeedEntries(now, 300);

type Mutation = (entry: Record<string, unknown>) => void;
const long = (n: number) => 'x'.repeat(n);
const MUTATIONS: Mutation[] = [
  (e) => delete e.name,
  (e) => (e.name = ''),
  (e) => (e.name = '   '),
  (e) => (e.name = `  ${String(e.name)}  `),
  (e) => (e.name = long(121)),
  (e) => (e.name = long(120)),
  (e) => (e.email = String(e.email).toUpperCase()),
  (e) => (e.email = ` ${String(e.email)}`),
  (e) => (e.email = 'not-an-email'),
  (e) => (e.email = 'a..b@example.com'),
  (e) => (e.email = `${long(250)}@example.com`),
  (e) => (e.title = null),
  (e) => (e.title = 42),
  (e) => (e.title = long(121)),
  (e) => delete e.title,
  (e) => delete e.timeZone,
  (e) => (e.timeZone = long(65)),
  (e) => (e.careerStage = 'Senior'),
  (e) => delete e.careerStage,
  (e) => (e.languages = []),
  (e) => (e.languages = 'English'),
  (e) => (e.languages = ['English', '']),
  (e) => (e.languages = [' English ']),
  (e) => (e.languages = Array.from({ length: 51 }, (_, i) => `L${i}`)),
  (e) => (e.teach = [{ name: 'Python', level: 'guru' }]),
  (e) => (e.teach = [{ name: 'Python' }]),
  (e) => (e.teach = [{ name: '', level: 'expert' }]),
  (e) => (e.teach = [{ name: 'Python', level: 'expert', extra: true }]),
  (e) => (e.teach = 'Python'),
  (e) => (e.teach = []),
  (e) => delete e.teach,
  (e) => (e.learn = [{ name: 'TikTok', priority: 'high' }]),
  (e) => (e.learn = [{ name: 'TikTok', priority: 'urgent', ask: '' }]),
  (e) => (e.learn = [{ name: 'TikTok', priority: 'low', ask: long(281) }]),
  (e) => (e.learn = [{ name: 'TikTok', priority: 'low', ask: null }]),
  (e) => delete e.interests,
  (e) => (e.interests = [1, 2]),
  (e) => (e.ergs = ['Pride', long(81)]),
  (e) => delete e.formats,
  (e) => (e.formats = ['video', 'carrier pigeon']),
  (e) => (e.formats = ['video', 'video', 'video', 'video', 'video']),
  (e) => (e.formats = []),
  (e) => (e.capacity = '2'),
  (e) => (e.capacity = 2.5),
  (e) => (e.capacity = -1),
  (e) => (e.capacity = 11),
  (e) => (e.capacity = Number.NaN),
  (e) => delete e.capacity,
  (e) => (e.status = 'closed'),
  (e) => delete e.status,
  (e) => (e.consent = { optedIn: 'true', date: '2026-10-01' }),
  (e) => (e.consent = { optedIn: true }),
  (e) => (e.consent = { optedIn: true, date: 'yesterday!' }),
  (e) => (e.consent = { optedIn: true, date: '2026-10-01', by: 'form' }),
  (e) => (e.updatedAt = '2026-13-45'),
  (e) => (e.updatedAt = 20261001),
  (e) => delete e.updatedAt,
  (e) => (e.expiresAt = '2027-01-01'),
  (e) => (e.expiresAt = 'never'),
  (e) => (e.contact = '@someone'),
  (e) => (e.contact = ''),
  (e) => (e.contact = long(255)),
  (e) => (e.contact = 7),
  (e) => (e.id = 'ignored'),
  (e) => (e.favouriteColour = 'green'),
];

describe('the fast path of validation', () => {
  it('accepts every plainly valid entry, with the value the schema gives', () => {
    for (const entry of base) expect(quickParseEntry(entry)).toEqual(FeedEntrySchema.parse(entry));
  });

  it('shares the lists that are already clean and copies the ones it cleans, leaving the candidate as it was', () => {
    const entry = structuredClone(base[0]!) as Record<string, unknown> & { teach: { name: string }[]; languages: string[]; interests: string[] };
    entry.teach[0]!.name = `  ${entry.teach[0]!.name} `;
    const before = structuredClone(entry);
    const quick = quickParseEntry(entry)!;
    expect(quick.languages).toBe(entry.languages);
    expect(quick.interests).toBe(entry.interests);
    expect(quick.teach).not.toBe(entry.teach);
    expect(quick.teach[0]!.name).toBe(before.teach[0]!.name.trim());
    expect(entry).toEqual(before);
  });

  it('never accepts what the schema rejects, nor differs from it', () => {
    let accepted = 0;
    let declined = 0;
    base.forEach((original, i) => {
      for (const [m, mutate] of MUTATIONS.entries()) {
        if ((i + m) % 3) continue;
        const entry = structuredClone(original) as Record<string, unknown>;
        mutate(entry);
        const quick = quickParseEntry(entry);
        const reference = FeedEntrySchema.safeParse(entry);
        if (quick === undefined) {
          declined++;
          continue;
        }
        accepted++;
        expect(reference.success, `mutation ${m} accepted but the schema says ${JSON.stringify(reference.error?.issues)}`).toBe(true);
        expect(quick, `mutation ${m}`).toEqual(reference.data);
      }
    });
    expect(accepted).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(3000);
  });
});
