import { beforeEach, describe, expect, it } from 'vitest';
import { loadOutreachLog, loadPartners, logOutreach, updatePartner, type OutreachLogEntry } from '../../../lib/partners';
import { resetDatabase } from '../profile/helpers';

const use = (action: OutreachLogEntry['action'], channel: string, at: string): OutreachLogEntry => ({
  partnerId: 'dana.okafor@example.com',
  partnerName: 'Dana Okafor',
  templateId: 'first-hello',
  action,
  channel,
  at,
});

beforeEach(resetDatabase);

describe('the outreach log', () => {
  it('logs a copy without calling the partner contacted: nothing says it was sent', async () => {
    const logged = await logOutreach(use('copied', 'clipboard', '2026-12-01T10:00:00.000Z'));
    expect(logged).toMatchObject({ record: { status: 'none' }, previousStatus: 'none' });
    expect((await loadPartners()).get('dana.okafor@example.com')?.status).toBe('none');
    expect(await loadOutreachLog('dana.okafor@example.com')).toHaveLength(1);
  });

  it('marks the partner contacted when the message went into the page or a compose link', async () => {
    for (const [action, channel] of [['inserted', 'page (the Quill editor)'], ['opened', 'Gmail']] as const) {
      resetDatabase();
      const logged = await logOutreach(use(action, channel, '2026-12-01T10:00:00.000Z'));
      expect(logged, action).toMatchObject({ record: { status: 'contacted' }, previousStatus: 'none' });
    }
  });

  it('never moves a partner back: talking stays talking', async () => {
    await logOutreach(use('inserted', 'page (the text field)', '2026-12-01T10:00:00.000Z'));
    await updatePartner('dana.okafor@example.com', { status: 'talking' });
    expect((await logOutreach(use('opened', 'Gmail', '2026-12-02T10:00:00.000Z'))).record.status).toBe('talking');
  });
});
