import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { closeMutualDb, openMutualDb } from '../../../lib/storage/db';
import { loadOutreachDraft, saveOutreachDraft, type OutreachDraft } from '../../../lib/compose';
import { SAMPLE_CONTEXT } from '../../../lib/templates';

beforeEach(() => {
  closeMutualDb();
  globalThis.indexedDB = new IDBFactory();
});

const draft: OutreachDraft = {
  partnerId: SAMPLE_CONTEXT.partner.id,
  partnerName: SAMPLE_CONTEXT.partner.name,
  templateId: 'two-way',
  subject: 'Two-way mentoring, Dana?',
  body: 'Hi Dana,\n\nShall we?',
  blanks: [],
  context: SAMPLE_CONTEXT,
  savedAt: '2026-11-02T10:00:00.000Z',
};

describe('the outreach draft (the context menu’s “Current draft”)', () => {
  it('round-trips through the settings store', async () => {
    expect(await loadOutreachDraft()).toBeUndefined();
    await saveOutreachDraft(draft);
    expect(await loadOutreachDraft()).toEqual(draft);
  });

  it('reads an unreadable stored draft as no draft', async () => {
    const db = await openMutualDb();
    await db.put('settings', { ...draft, context: { me: {} } }, 'currentDraft');
    expect(await loadOutreachDraft()).toBeUndefined();
  });
});
