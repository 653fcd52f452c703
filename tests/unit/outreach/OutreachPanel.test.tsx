import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutreachPanel } from '../../../components/outreach/OutreachPanel';
import type { OutreachServices } from '../../../components/outreach/services';
import type { InsertOutcome } from '../../../lib/messages';
import { newPartnerRecord } from '../../../lib/partners';
import { BUILT_IN_TEMPLATES, SAMPLE_CONTEXT, type LibraryTemplate, type OutreachContext } from '../../../lib/templates';

const LIBRARY: LibraryTemplate[] = BUILT_IN_TEMPLATES.map((template) => ({ ...template, origin: 'built-in', modified: false }));

function fakeServices(overrides: Partial<OutreachServices> = {}): OutreachServices {
  return {
    loadTemplates: vi.fn(async () => LIBRARY),
    insert: vi.fn(async (): Promise<InsertOutcome> => ({ ok: true, method: 'paste-event', where: 'the Quill editor' })),
    copy: vi.fn(async () => undefined),
    // As lib/partners logs: a copy keeps the status, an insertion or an opened link marks them contacted.
    log: vi.fn(async (entry) => ({ record: { ...newPartnerRecord(entry.partnerId), status: entry.action === 'copied' ? ('none' as const) : ('contacted' as const) }, previousStatus: 'none' as const })),
    setStatus: vi.fn(async (id, status) => ({ ...newPartnerRecord(id), status })),
    saveOutreachDraft: vi.fn(async () => undefined),
    ...overrides,
  };
}

function renderPanel(options: { context?: OutreachContext; tabId?: number; services?: OutreachServices } = {}) {
  const context = options.context ?? SAMPLE_CONTEXT;
  const services = options.services ?? fakeServices();
  const onClose = vi.fn();
  const onLogged = vi.fn();
  const view = render(
    <OutreachPanel me={context.me} partner={context.partner} context={context} {...(options.tabId === undefined ? {} : { tabId: options.tabId })} onClose={onClose} onLogged={onLogged} services={services} />,
  );
  return { ...view, services, onClose, onLogged, user: userEvent.setup() };
}

const body = () => screen.getByLabelText('Message') as HTMLTextAreaElement;
const status = () => screen.getByRole('status');

afterEach(() => vi.useRealTimers());

describe('OutreachPanel', () => {
  it('opens with focus on its heading and the suggested template filled from both profiles', async () => {
    renderPanel({ tabId: 7 });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Reach out to Dana Okafor' }));
    const select = (await screen.findByRole('combobox', { name: 'Template' })) as HTMLSelectElement;
    expect(select.value).toBe('two-way');
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('Two-way mentoring, Dana?');
    expect(body().value).toContain('I can help you with TikTok');
    expect(body().value).toContain('I\'d love to learn Budgeting from you');
    expect(screen.queryByText(/Fill in/)).toBeNull();
  });

  it('shows partner text as text and never reads it as template syntax', async () => {
    const context = { ...SAMPLE_CONTEXT, partner: { ...SAMPLE_CONTEXT.partner, name: '<img src=x onerror=alert(1)> {{me.email}}' } };
    const { container } = renderPanel({ context });
    await screen.findByRole('combobox', { name: 'Template' });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Reach out to <img src=x onerror=alert(1)> {{me.email}}');
    expect(body().value).toContain('Hi <img');
    expect(body().value).not.toContain(SAMPLE_CONTEXT.me.email);
  });

  it('asks for what neither profile gives: a focused, labelled, required field; nothing leaves until it is filled', async () => {
    // No shared ERG, no goal: the first-meeting proposal has a blank, and the ERG introduction is not offered.
    const context = { ...SAMPLE_CONTEXT, sharedErgs: [], me: { ...SAMPLE_CONTEXT.me, goals: { ...SAMPLE_CONTEXT.me.goals, objective: '' } } };
    const { user, services } = renderPanel({ context, tabId: 3 });
    const select = await screen.findByRole('combobox', { name: 'Template' });
    expect(within(select).queryByRole('option', { name: 'Introduction through a shared ERG' })).toBeNull();
    await user.selectOptions(select, 'First meeting: setting expectations');
    const blanks = screen.getByRole('group', { name: 'Fill in before it can leave Mutual' });
    const objective = within(blanks).getByRole('textbox', { name: 'Your objective for the partnership' }) as HTMLInputElement;
    expect(objective.required).toBe(true);
    expect(blanks.getAttribute('aria-describedby')).toBeTruthy();
    expect(body().value).toContain('[what you both want from it]');

    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    await user.click(screen.getByRole('button', { name: 'Copy message' }));
    await user.click(screen.getByRole('button', { name: 'Gmail' }));
    expect(services.insert).not.toHaveBeenCalled();
    expect(services.copy).not.toHaveBeenCalled();
    expect(screen.queryByRole('link', { name: 'Gmail' })).toBeNull();
    expect(document.activeElement).toBe(objective);
    expect(objective.getAttribute('aria-invalid')).toBe('true');
    expect(status().textContent).toBe('Fill in your objective for the partnership first: the message still has a blank.');

    await user.type(objective, 'We each learn one new skill');
    expect(body().value).toContain('What we want from it: We each learn one new skill');
    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    expect(services.insert).toHaveBeenCalledWith(3, { subject: 'Our mentoring sessions – a proposal', body: expect.stringContaining('What we want from it: We each learn one new skill') });
    expect(screen.getByRole('link', { name: 'Gmail' }).getAttribute('href')).toContain('We%20each%20learn');
  });

  it('opens on the first blank when the suggested template has one', async () => {
    const context = { ...SAMPLE_CONTEXT, me: { ...SAMPLE_CONTEXT.me, formats: [] }, partner: { ...SAMPLE_CONTEXT.partner, formats: [] } };
    renderPanel({ context });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /How to meet/ })));
  });

  it('keeps hand edits when a blank is filled afterwards, and a message with the blank removed by hand may leave', async () => {
    const context = { ...SAMPLE_CONTEXT, me: { ...SAMPLE_CONTEXT.me, formats: [] }, partner: { ...SAMPLE_CONTEXT.partner, formats: [] } };
    const { user, services } = renderPanel({ context });
    const format = await screen.findByRole('textbox', { name: /How to meet/ });
    await user.type(body(), ' PS: hello.');
    await user.type(format, 'coffee chat');
    await user.tab();
    expect(body().value).toContain('How about a coffee chat of 45 minutes');
    expect(body().value).toMatch(/PS: hello\.$/);
    await user.clear(format);
    await user.tab();
    expect(body().value).toContain('How about a [how to meet] of 45 minutes');
    await user.clear(body());
    await user.type(body(), 'Hi Dana, a short note instead.');
    await user.click(screen.getByRole('button', { name: 'Copy message' }));
    expect(services.copy).toHaveBeenCalledWith('Hi Dana, a short note instead.');
  });

  it('shows an undo after marking the partner contacted, and Undo restores the status', async () => {
    const { user, services, onLogged } = renderPanel({ tabId: 7 });
    await screen.findByRole('combobox', { name: 'Template' });
    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(status().textContent).toMatch(/Marked Dana Okafor as contacted\.$/));
    const undo = screen.getByRole('button', { name: 'Undo “contacted”' });
    undo.focus();
    await user.keyboard('{Enter}');
    expect(services.setStatus).toHaveBeenCalledWith('dana.okafor@example.com', 'none');
    expect(onLogged).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'none' }));
    expect(status().textContent).toBe('Dana Okafor is no longer marked contacted.');
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();
  });

  it('copies the subject on its own, and Insert sends the subject along for the page’s subject field', async () => {
    const services = fakeServices({ insert: vi.fn(async () => ({ ok: true as const, method: 'paste-event', where: 'the Gmail editor', subjectFilled: true })) });
    const { user } = renderPanel({ tabId: 9, services });
    await screen.findByRole('combobox', { name: 'Template' });
    await user.click(screen.getByRole('button', { name: 'Copy subject' }));
    expect(services.copy).toHaveBeenCalledWith('Two-way mentoring, Dana?');
    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(status().textContent).toMatch(/^Inserted into the Gmail editor and the subject into its subject field\./));
  });

  it('inserts the edited message into the page, logs it and reports where it went', async () => {
    const { user, services, onLogged } = renderPanel({ tabId: 42 });
    await screen.findByRole('combobox', { name: 'Template' });
    await user.type(body(), ' PS: see you soon.');
    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(status().textContent).toBe('Inserted into the Quill editor. Check it there and send it yourself. Marked Dana Okafor as contacted.'));
    expect(services.insert).toHaveBeenCalledWith(42, { subject: 'Two-way mentoring, Dana?', body: expect.stringMatching(/PS: see you soon\.$/) });
    expect(services.log).toHaveBeenCalledWith(
      expect.objectContaining({ partnerId: 'dana.okafor@example.com', partnerName: 'Dana Okafor', templateId: 'two-way', action: 'inserted', channel: 'page (the Quill editor)' }),
    );
    expect(onLogged).toHaveBeenCalledWith(expect.objectContaining({ status: 'contacted' }));
    expect(services.copy).not.toHaveBeenCalled();
  });

  it('copies to the clipboard and says so when the insertion cannot be verified', async () => {
    const services = fakeServices({ insert: vi.fn(async () => ({ ok: false as const, reason: 'not-verified' as const, message: 'Mutual could not confirm that the text arrived in the field.' })) });
    const { user } = renderPanel({ tabId: 42, services });
    await screen.findByRole('combobox', { name: 'Template' });
    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(status().textContent).toMatch(/^Mutual could not confirm that the text arrived in the field\. The message is on your clipboard instead: paste it/));
    expect(services.copy).toHaveBeenCalledWith(body().value);
    expect(services.log).toHaveBeenCalledWith(expect.objectContaining({ action: 'copied', channel: 'clipboard (insert failed)' }));
  });

  it('without a page to insert into, copies; when copying fails too, selects the text for the user', async () => {
    const services = fakeServices({ copy: vi.fn(async () => Promise.reject(new Error('denied'))) });
    const { user } = renderPanel({ services });
    await screen.findByRole('combobox', { name: 'Template' });
    await user.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(status().textContent).toMatch(/There is no page to insert into.*Copying failed too/));
    expect(services.insert).not.toHaveBeenCalled();
    expect(services.log).not.toHaveBeenCalled();
    expect(body().selectionEnd - body().selectionStart).toBe(body().value.length);
  });

  it('keeps focus on Insert while it works, and a second press does not insert twice', async () => {
    let finish: (outcome: InsertOutcome) => void = () => undefined;
    const services = fakeServices({ insert: vi.fn(() => new Promise<InsertOutcome>((resolve) => (finish = resolve))) });
    const { user } = renderPanel({ tabId: 4, services });
    await screen.findByRole('combobox', { name: 'Template' });
    const insert = screen.getByRole('button', { name: 'Insert into page' });
    await user.click(insert);
    expect(insert.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(insert);
    await user.keyboard('{Enter}');
    expect(services.insert).toHaveBeenCalledOnce();
    await act(async () => finish({ ok: true, method: 'paste-event', where: 'the Quill editor' }));
    await waitFor(() => expect(insert.getAttribute('aria-disabled')).toBe('false'));
    expect(document.activeElement).toBe(insert);
  });

  it('copies the message and logs the copy', async () => {
    const { user, services } = renderPanel();
    await screen.findByRole('combobox', { name: 'Template' });
    await user.click(screen.getByRole('button', { name: 'Copy message' }));
    await waitFor(() => expect(status().textContent).toMatch(/^Message copied/));
    expect(services.log).toHaveBeenCalledWith(expect.objectContaining({ action: 'copied', channel: 'clipboard' }));
  });

  it('does not call a copied message sent: the partner is marked contacted only when the person says so', async () => {
    const { user, services, onLogged } = renderPanel();
    await screen.findByRole('combobox', { name: 'Template' });
    await user.click(screen.getByRole('button', { name: 'Copy message' }));
    await waitFor(() => expect(status().textContent).toMatch(/^Message copied/));
    expect(status().textContent).not.toMatch(/contacted/);
    expect(services.setStatus).not.toHaveBeenCalled();
    expect(onLogged).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'none' }));
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Mark as contacted' }));
    expect(services.setStatus).toHaveBeenCalledWith('dana.okafor@example.com', 'contacted');
    expect(onLogged).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'contacted' }));
    await waitFor(() => expect(status().textContent).toMatch(/Marked Dana Okafor as contacted\.$/));
    expect(screen.queryByRole('button', { name: 'Mark as contacted' })).toBeNull();
    expect(document.activeElement).toBe(body());
    await user.click(screen.getByRole('button', { name: 'Undo “contacted”' }));
    expect(services.setStatus).toHaveBeenLastCalledWith('dana.okafor@example.com', 'none');
    // The copied message may still be sent: marking it is offered again.
    expect(await screen.findByRole('button', { name: 'Mark as contacted' })).toBeTruthy();
    expect(document.activeElement).toBe(body());
  });

  it('offers compose links with the current text and logs opening one', async () => {
    const { user, services } = renderPanel();
    await screen.findByRole('combobox', { name: 'Template' });
    document.addEventListener('click', (event) => event.preventDefault(), { once: true, capture: true });
    const email = screen.getByRole('link', { name: 'Open in email' });
    expect(email.getAttribute('href')).toMatch(/^mailto:dana\.okafor@example\.com\?subject=Two-way%20mentoring%2C%20Dana%3F&body=Hi%20Dana%2C%0D%0A/);
    expect(screen.getByRole('link', { name: 'Gmail' }).getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('link', { name: 'Outlook' }).getAttribute('href')).toMatch(/^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=dana/);
    expect(screen.getByRole('link', { name: 'Teams' }).getAttribute('href')).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=dana\.okafor@example\.com&message=Hi%20Dana/);
    await user.click(email);
    await waitFor(() => expect(services.log).toHaveBeenCalledWith(expect.objectContaining({ action: 'opened', channel: 'your email app' })));
    expect(status().textContent).toMatch(/Nothing is sent until you send it there/);
  });

  it('switches templates and keeps the current message as the draft for the shortcut', async () => {
    const { user, services } = renderPanel();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Template' }), 'Polite decline');
    expect(body().value).toMatch(/^Hi Dana,\n\nThank you for thinking of me/);
    await waitFor(() =>
      expect(services.saveOutreachDraft).toHaveBeenLastCalledWith(
        expect.objectContaining({ partnerId: 'dana.okafor@example.com', templateId: 'decline', body: body().value, context: expect.objectContaining({ theyTeachMe: ['Budgeting'] }) }),
      ),
    );
  });

  it('closes with Escape and gives focus back to what opened it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const opener = document.createElement('button');
    opener.textContent = 'Reach out';
    document.body.append(opener);
    opener.focus();
    const { user, onClose, unmount } = renderPanel();
    await screen.findByRole('combobox', { name: 'Template' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
    unmount();
    await act(() => vi.runAllTimersAsync());
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('gives focus back to the opener’s twin when the parent replaced the list by the panel (as the popup does)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const services = fakeServices();
    function Popup() {
      const [open, setOpen] = useState(false);
      if (open) return <OutreachPanel me={SAMPLE_CONTEXT.me} partner={SAMPLE_CONTEXT.partner} context={SAMPLE_CONTEXT} onClose={() => setOpen(false)} services={services} />;
      return (
        <ul>
          <li data-partner-id="dana.okafor@example.com">
            <button type="button">Shortlist</button>
            <button type="button" onClick={() => setOpen(true)}>
              Reach out
            </button>
          </li>
        </ul>
      );
    }
    render(<Popup />);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Reach out' }));
    await screen.findByRole('combobox', { name: 'Template' });
    await user.keyboard('{Escape}');
    await act(() => vi.runAllTimersAsync());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reach out' }));
  });

  it('says when the templates cannot be loaded', async () => {
    renderPanel({ services: fakeServices({ loadTemplates: vi.fn(async () => Promise.reject(new Error('Storage failed: quota'))) }) });
    expect((await screen.findByRole('alert')).textContent).toBe('Mutual could not load your templates: Storage failed: quota');
  });
});
