import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FeedEntrySchema } from '@/lib/directory';
import { ProfileSchema, emptyProfile } from '@/lib/profile';
import { z } from '@/lib/schema';
import { TemplateSchema } from '@/lib/templates';
import '@/platform/zod-csp';

const firstMessage = (result: { success: boolean; error?: { issues: readonly { message: string }[] } }) => result.error?.issues[0]?.message;

describe('the one Zod (zod/mini)', () => {
  it('gives Zod’s English messages where a schema sets none, as classic Zod did', () => {
    const template = { id: 'x'.repeat(81), name: 'Mine', kind: 'custom', subject: '', body: 'Hello', builtIn: false };
    expect(firstMessage(TemplateSchema.safeParse(template))).toBe('Too big: expected string to have <=80 characters');
    expect(firstMessage(z.object({ capacity: z.number() }).safeParse({ capacity: 'two' }))).toBe('Invalid input: expected number, received string');
  });

  it('keeps each schema’s own words for people', () => {
    const template = { id: 'mine', name: '   ', kind: 'custom', subject: '', body: 'Hello', builtIn: false };
    expect(firstMessage(TemplateSchema.safeParse(template))).toBe('Give the template a name');
    const capacity = ProfileSchema.safeParse({ ...emptyProfile(new Date('2026-01-01T00:00:00Z')), capacity: 2.5 });
    expect(firstMessage(capacity)).toBe('Enter a whole number of partners');
  });

  it('trims, fills defaults and checks in the order the schemas say', () => {
    const entry = FeedEntrySchema.parse({
      name: '  Ada Lovelace ',
      email: 'ada@example.com',
      careerStage: 'senior',
      languages: [' English '],
      teach: [],
      learn: [{ name: 'Figma', priority: 'high' }],
      capacity: 1,
      consent: { optedIn: true, date: '2026-01-01' },
      updatedAt: '2026-01-02',
    });
    expect(entry).toMatchObject({ name: 'Ada Lovelace', languages: ['English'], title: '', timeZone: 'UTC', formats: ['video'], status: 'open', interests: [] });
    expect(entry.learn[0]!.ask).toBe('');
  });

  it('runs jitless in extension pages (no eval probe under the content security policy)', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('keeps its locale setup in the extension’s bundles: the bundler may drop a side-effect-free module’s own statements', async () => {
    // Importers bind to zod/mini's `z` through the re-export; without this entry the bundle loses
    // z.config(en()) and every message it does not set itself becomes "Invalid input".
    const { sideEffects } = JSON.parse(await readFile('package.json', 'utf8')) as { sideEffects: string[] };
    expect(sideEffects).toContain('./lib/schema/index.ts');
  });
});
