import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PartnershipPage } from '../../../components/partnership/PartnershipPage';
import { PartnersSummary } from '../../../components/partnership/PartnersSummary';
import type { PartnershipData, PartnershipServices } from '../../../components/partnership/services';
import { contextFor, type Partnership } from '../../../lib/partnerships';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';
import { agreement, context, me, NOW, partnership } from './fixtures';

const DAY = 86_400_000;

function fakeServices(data: Partial<PartnershipData>, overrides: Partial<PartnershipServices> = {}): PartnershipServices {
  const loaded: PartnershipData = { profile: me(), partnerships: [], unreadable: 0, settings: { openAskCap: 3, followUpDays: 7 }, templates: [...BUILT_IN_TEMPLATES], notificationsAllowed: false, ...data };
  return {
    load: vi.fn(async () => loaded),
    context: vi.fn(async (profile) => contextFor(profile, context().partner)),
    sessions: vi.fn(async () => []),
    save: vi.fn(async (saved: Partnership) => saved),
    addSession: vi.fn(async (entry) => entry),
    saveSettings: vi.fn(async (settings) => settings),
    saveProfile: vi.fn(async () => undefined),
    insert: vi.fn(async () => ({ ok: true as const, method: 'execCommand', where: 'the plain text field' })),
    copy: vi.fn(async () => undefined),
    download: vi.fn(),
    requestNotifications: vi.fn(async () => false),
    nextPartners: vi.fn(async () => []),
    openPage: vi.fn(),
    now: () => new Date(NOW.getTime() + 8 * DAY),
    ...overrides,
  };
}

const ask = (id: string, name: string) => partnership({ id, partnerId: `${id}@x.example`, partnerName: name });

describe('the popup’s Partners view', () => {
  it('says why no new ask is possible when the cap is reached', async () => {
    render(<PartnersSummary services={fakeServices({ partnerships: [ask('a', 'Ana'), ask('b', 'Ben'), ask('c', 'Cho')] })} />);
    expect((await screen.findByRole('note')).textContent).toMatch(/^You have 3 open asks waiting for an answer, and your limit is 3\./);
    expect(screen.getByText('3 of 3 open asks.')).toBeTruthy();
  });

  it('shows a check-in that came due, without any notification permission, and the balance of active partnerships', async () => {
    const active = partnership({ id: 'p', status: 'active', agreement: agreement(), reminders: { on: true, dueAt: '2026-03-03T14:00:00.000Z' } });
    const services = fakeServices(
      { partnerships: [active] },
      { sessions: vi.fn(async () => [{ partnershipId: 'p', date: '2026-03-03', learned: 'a', taught: 'b', minutesLearning: 20, minutesTeaching: 25, at: NOW.toISOString() }]) },
    );
    render(<PartnersSummary services={services} />);
    const due = await screen.findByRole('list', { name: 'Check-ins due' });
    expect(due.textContent).toBe('Check-in with Sam Rivera: session on 2026-03-03 at 15:00 (Berlin time). Afterwards, log what you learned and taught.');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Your partnerships' }).textContent).toContain('You’ve taught 1 session, learned 1'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open the partnership with Sam Rivera' }));
    expect(services.openPage).toHaveBeenCalledWith('p');
  });

  it('mentions a due follow-up', async () => {
    render(<PartnersSummary services={fakeServices({ partnerships: [ask('a', 'Ana')] })} />);
    expect(await screen.findByText('No answer from Ana yet: a polite follow-up is ready on the partnerships page.')).toBeTruthy();
  });
});

describe('the partnership page', () => {
  it('suggests one polite follow-up after the set days, records that, and never suggests it again', async () => {
    const services = fakeServices({ partnerships: [ask('a', 'Ana Lima')] });
    const { unmount } = render(<PartnershipPage services={services} />);
    const box = (await screen.findByLabelText('Follow-up message')) as HTMLTextAreaElement;
    expect(box.value).toMatch(/^Hi Sam,\n\nJust bringing my earlier note back/);
    expect(services.save).toHaveBeenCalledTimes(1);
    const saved = vi.mocked(services.save).mock.calls[0]![0];
    expect(saved.followUpOfferedAt).toBe(services.now().toISOString());
    unmount();

    const again = fakeServices({ partnerships: [saved] }, { now: () => new Date(NOW.getTime() + 60 * DAY) });
    render(<PartnershipPage services={again} />);
    await screen.findByRole('heading', { name: 'Their answer' });
    await waitFor(() => expect(again.context).toHaveBeenCalled());
    expect(screen.queryByLabelText('Follow-up message')).toBeNull();
    expect(again.save).not.toHaveBeenCalled();
  });

  it('shows a partner’s text as text', async () => {
    const { container } = render(<PartnershipPage services={fakeServices({ partnerships: [ask('x', '<img src=x onerror=alert(1)>')] })} />);
    expect((await screen.findByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' })).tagName).toBe('H2');
    expect(container.querySelector('img')).toBeNull();
  });

  it('will not copy the agreement while a placeholder is left, and says which', async () => {
    const agreed = partnership({ id: 'p', status: 'agreed', agreement: agreement({ theirSuccess: '' }) });
    const services = fakeServices({ partnerships: [agreed] });
    render(<PartnershipPage services={services} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Copy/ }));
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Fill in “[how they will know it worked]” in the text first: nothing leaves Mutual with a placeholder in it.');
    expect(services.copy).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByLabelText('Agreement text'));
    await user.type(screen.getByLabelText('How they will know it worked'), 'a signed-off budget');
    await user.click(screen.getByRole('button', { name: /^Copy/ }));
    expect(services.copy).toHaveBeenCalledWith(expect.stringContaining('- Sam: a signed-off budget'));
  });

  it('turns reminders on even when notifications are refused, and says where they show', async () => {
    const agreed = partnership({ id: 'p', status: 'agreed', agreement: agreement() });
    const services = fakeServices({ partnerships: [agreed] });
    render(<PartnershipPage services={services} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Check-in reminders off' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toBe('Check-in reminders are on: they show in Mutual’s popup (Partners) before each meeting.'));
    expect(services.requestNotifications).toHaveBeenCalledTimes(1);
    expect(services.save).toHaveBeenCalledWith(expect.objectContaining({ reminders: { on: true } }));
  });

  it('says when the agreed meetings are over, at the agreed end', async () => {
    const active = partnership({ id: 'p', status: 'active', agreement: agreement() });
    render(<PartnershipPage services={fakeServices({ partnerships: [active] }, { now: () => new Date('2026-04-01T09:00:00Z') })} />);
    expect((await screen.findByRole('note')).textContent).toMatch(/^The agreed meetings are over\. Time to look back together/);
    expect(screen.getByRole('button', { name: 'End partnership' })).toBeTruthy();
  });

  it('rejects a bad number in the settings in the words of the form', async () => {
    const services = fakeServices({ partnerships: [] });
    render(<PartnershipPage services={services} />);
    const user = userEvent.setup();
    const cap = await screen.findByLabelText('Open asks at once');
    await user.clear(cap);
    await user.type(cap, '0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Open asks at once: Enter 1 to 20 asks.');
    expect(services.saveSettings).not.toHaveBeenCalled();
    expect(within(screen.getByRole('navigation')).getByText(/No partnerships yet/)).toBeTruthy();
  });
});

describe('the popup’s notice about the cap', () => {
  it('says nothing below the cap and why a new ask should wait at the cap', async () => {
    const { AskCapNotice } = await import('../../../components/partnership/AskCapNotice');
    const services = fakeServices({ partnerships: [ask('a', 'Ana')] });
    const below = render(<AskCapNotice services={services} />);
    await act(async () => void (await vi.mocked(services.load).mock.results[0]!.value));
    expect(below.container.textContent).toBe('');
    below.unmount();
    render(<AskCapNotice services={fakeServices({ partnerships: [ask('a', 'Ana')], settings: { openAskCap: 1, followUpDays: 7 } })} />);
    expect((await screen.findByRole('note')).textContent).toMatch(/^You have 1 open ask waiting for an answer, and your limit is 1\./);
  });
});
