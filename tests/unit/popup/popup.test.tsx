import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupData, PopupServices } from '@/components/popup/services';
import type { RankedPartner } from '@/lib/match';
import type { DirectoryEntry } from '@/lib/directory/entry';
import { newPartnerRecord, type PartnerRecord } from '@/lib/partners/model';
import { emptyProfile, type Profile } from '@/lib/profile/model';
import { BUILT_IN_TEMPLATES } from '@/lib/templates';
import { person } from '../match/helpers';

function entry(id: string, name: string, extra: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return person({
    id,
    name,
    title: 'Analyst',
    department: 'Finance',
    location: 'Berlin',
    timeZone: 'Europe/Berlin',
    careerStage: 'senior',
    teach: [{ name: 'Budgeting', level: 'expert' }],
    learn: [{ name: 'TikTok', priority: 'high', ask: '' }],
    ...extra,
  });
}

const me: Profile = { ...emptyProfile(new Date('2026-11-01T00:00:00Z')), name: 'Sam', teach: [{ name: 'TikTok', level: 'expert' }] };
const ada = entry('ada@example.com', 'Ada Park');
const ben = entry('ben@example.com', 'Ben Ortiz <b>bold</b>', { department: 'Sales' });

type SkillMeet = RankedPartner['match']['explanation']['theyTeachMe'][number];

/** One skill that meets, as the engine describes it: the same text on both sides, read exactly. */
function meet(text: string): SkillMeet {
  return { myText: text, theirText: text, skill: text, myName: text, match: 'same', myHow: 'exact', theirHow: 'exact', level: 'expert', priority: 'high', weight: 1, note: '' };
}

function rankedOf(entries: DirectoryEntry[]): RankedPartner[] {
  return entries.map((e, i) => ({
    entry: e,
    match: {
      id: e.id,
      position: i,
      score: 80 - i * 10,
      reasons: [`They can teach you ${e.teach[0]!.name}`],
      explanation: {
        mode: 'two-way',
        direction: 'both',
        theyTeachMe: e.teach.map((t) => meet(t.name)),
        iTeachThem: [meet('TikTok')],
        commonGround: { ergs: [], interests: [] },
        sharedLanguages: [],
        sharedFormats: [],
        factors: [{ name: 'They teach me', contribution: 40, detail: 'Budgeting (exact)' }],
      },
    },
  }));
}

function fakeServices(overrides: Partial<PopupData> = {}, directory: DirectoryEntry[] = [ada, ben]) {
  const partners = new Map<string, PartnerRecord>();
  const data: PopupData = {
    profile: me,
    directory: { version: 'v1', count: directory.length },
    partners,
    sources: [],
    ...overrides,
  };
  const services: PopupServices = {
    load: vi.fn(async () => data),
    rank: vi.fn(async (_profile, options) =>
      rankedOf(
        directory.filter(
          (e) =>
            !options.excludeIds.has(e.id) &&
            (!options.filters.department || e.department === options.filters.department) &&
            e.name.toLowerCase().includes(options.query.toLowerCase()),
        ),
      ),
    ),
    filterChoices: vi.fn(async () => ({ ergs: ['Pride'], departments: ['Finance', 'Sales'], languages: ['English'] })),
    entriesById: vi.fn(async (ids) => directory.filter((e) => ids.includes(e.id))),
    updatePartner: vi.fn(async (id, change) => {
      const next = { ...(partners.get(id) ?? newPartnerRecord(id)), ...change };
      partners.set(id, next);
      return next;
    }),
    saveProfile: vi.fn(async () => undefined),
    newProfile: () => emptyProfile(),
    outreach: {
      loadTemplates: vi.fn(async () => BUILT_IN_TEMPLATES.map((template) => ({ ...template, origin: 'built-in' as const, modified: false }))),
      insert: vi.fn(async () => ({ ok: true as const, method: 'paste-event', where: 'the text field' })),
      copy: vi.fn(async () => undefined),
      log: vi.fn(async (logged) => ({ record: { ...newPartnerRecord(logged.partnerId), status: 'contacted' as const }, previousStatus: 'none' as const })),
      setStatus: vi.fn(async (id, status) => ({ ...newPartnerRecord(id), status })),
      saveOutreachDraft: vi.fn(async () => undefined),
    },
    openOptions: vi.fn(),
    onDirectoryChanged: () => () => undefined,
  };
  return services;
}

describe('PopupApp', () => {
  it('paints the first screen of cards first, then the whole ranked list in order', async () => {
    const many = Array.from({ length: 12 }, (_, i) => entry(`p${i}@example.com`, `Person ${i}`));
    render(<PopupApp services={fakeServices({}, many)} />);
    const list = await screen.findByRole('list', { name: 'Ranked partners' });
    expect(within(list).getAllByRole('heading').length).toBeLessThanOrEqual(5);
    await waitFor(() => expect(within(list).getAllByRole('heading')).toHaveLength(12));
    expect(within(list).getAllByRole('heading').map((h) => h.textContent)).toEqual(many.map((e) => e.name));
  });

  it('shows ranked partner cards with the exchange at a glance, directory text as text', async () => {
    render(<PopupApp services={fakeServices()} />);
    const list = await screen.findByRole('list', { name: 'Ranked partners' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByRole('heading').textContent).toBe('Ada Park');
    expect(within(cards[0]!).getByText('Budgeting')).toBeTruthy();
    // Markup in directory text is shown literally, never parsed.
    expect(within(cards[1]!).getByRole('heading').textContent).toBe('Ben Ortiz <b>bold</b>');
    expect(cards[1]!.querySelector('b')).toBeNull();
  });

  it('shows the first-run start when the profile has no skills, and saves the quick start', async () => {
    const services = fakeServices({ profile: undefined });
    render(<PopupApp services={services} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Skills you can teach/), 'TikTok, Canva');
    await user.type(screen.getByLabelText(/Skills you want to learn/), 'Budgeting');
    // What the first-meeting template needs: asked here, so a new user's templates are complete.
    await user.type(screen.getByLabelText('What you want from a mentoring partnership'), ' Each of us learns one skill ');
    await user.type(screen.getByLabelText('How you will know it worked'), 'I present a budget');
    await user.click(screen.getByRole('button', { name: 'Show my matches' }));
    expect(services.saveProfile).toHaveBeenCalledWith(
      expect.objectContaining({
        teach: [expect.objectContaining({ name: 'TikTok' }), expect.objectContaining({ name: 'Canva' })],
        goals: expect.objectContaining({ objective: 'Each of us learns one skill', successMeasure: 'I present a budget', sessionMinutes: 45 }),
      }),
    );
    expect(await screen.findByRole('list', { name: 'Ranked partners' })).toBeTruthy();
    // The form that had the focus is gone: the focus is on the results, not lost to the page body.
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /^Matches/ }));
  });

  it('asks for at least one skill in the quick start', async () => {
    const services = fakeServices({ profile: undefined });
    render(<PopupApp services={services} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Show my matches' }));
    expect(screen.getByRole('alert').textContent).toMatch(/at least one skill/);
    expect(services.saveProfile).not.toHaveBeenCalled();
  });

  it('filters, searches and hides', async () => {
    const services = fakeServices();
    render(<PopupApp services={services} />);
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Ranked partners' });
    await user.click(screen.getByRole('button', { name: /Filters/ }));
    await screen.findByRole('option', { name: 'Sales' });
    await user.selectOptions(screen.getByLabelText('Department'), 'Sales');
    expect(await screen.findAllByRole('listitem')).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Department'), '');
    await user.type(screen.getByRole('searchbox'), 'nobody');
    expect(await screen.findByText(/No match for “nobody”/)).toBeTruthy();
    await user.clear(screen.getByRole('searchbox'));
    await user.click(await screen.findByRole('button', { name: 'Hide Ada Park' }));
    expect(services.updatePartner).toHaveBeenCalledWith('ada@example.com', expect.objectContaining({ hidden: true }));
    await screen.findByText('Ada Park hidden');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('says what to do when a search finds nobody, and "Clear search" empties it and keeps the focus in it', async () => {
    render(<PopupApp services={fakeServices()} />);
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Ranked partners' });
    await user.type(screen.getByRole('searchbox'), 'nobody');
    expect(await screen.findByText('Nobody in the directory matches every word of it. Try fewer words or another spelling, or clear the search.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    expect(await screen.findByRole('list', { name: 'Ranked partners' })).toBeTruthy();
  });

  it('keeps a shortlist view', async () => {
    render(<PopupApp services={fakeServices()} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Shortlist Ada Park' }));
    await user.click(screen.getByRole('tab', { name: 'Shortlist' }));
    const list = await screen.findByRole('list', { name: 'Shortlist' });
    expect(within(list).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Ada Park']);
  });

  it('shortlist and "my asks" cards keep the score and the reasons the results list showed', async () => {
    const services = fakeServices();
    render(<PopupApp services={services} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Shortlist Ada Park' }));
    await user.selectOptions(screen.getByLabelText('Status of Ada Park'), 'contacted');
    expect(services.updatePartner).toHaveBeenLastCalledWith('ada@example.com', { status: 'contacted', match: expect.objectContaining({ score: 80, reasons: ['They can teach you Budgeting'] }) });
    // Out of the current results (a search that finds nobody), the kept match is what the card shows.
    await user.type(screen.getByRole('searchbox'), 'nobody');
    await screen.findByText(/No match for “nobody”/);
    for (const [tab, list] of [['Shortlist', 'Shortlist'], ['My asks', 'Open asks']] as const) {
      await user.click(screen.getByRole('tab', { name: tab }));
      const cards = (await screen.findByRole('list', { name: list })).querySelectorAll<HTMLElement>(':scope > li');
      expect(cards).toHaveLength(1);
      const card = cards[0]!;
      expect(within(card).getByLabelText('Strong match, score 80 of 100')).toBeTruthy();
      await user.click(within(card).getByRole('button', { name: 'Why this match' }));
      expect(card.textContent, tab).toContain('They can teach you Budgeting');
    }
  });

  it('moves between views with the arrow keys, one tab stop for all tabs', async () => {
    render(<PopupApp services={fakeServices()} />);
    const user = userEvent.setup();
    const matches = await screen.findByRole('tab', { name: 'Matches' });
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    matches.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Shortlist' }));
    expect(screen.getByRole('tabpanel', { name: 'Shortlist' }).textContent).toMatch(/Your shortlist is empty/);
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Partners' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(matches);
    expect(await screen.findByRole('list', { name: 'Ranked partners' })).toBeTruthy();
  });

  it('keeps hidden people in their own view, where they can be shown again', async () => {
    const services = fakeServices();
    render(<PopupApp services={services} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hide Ada Park' }));
    await screen.findByText('Ada Park hidden');
    await user.click(screen.getByRole('tab', { name: 'Hidden' }));
    const list = await screen.findByRole('list', { name: 'Hidden people' });
    expect(within(list).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Ada Park']);
    await user.click(within(list).getByRole('button', { name: 'Unhide Ada Park' }));
    expect(services.updatePartner).toHaveBeenLastCalledWith('ada@example.com', { hidden: false });
    expect(await screen.findByText(/Nobody is hidden/)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Matches' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Ranked partners' })).getAllByRole('heading')).toHaveLength(2));
  });

  it('explains a match on request', async () => {
    render(<PopupApp services={fakeServices()} />);
    const user = userEvent.setup();
    const [first] = await screen.findAllByRole('button', { name: 'Why this match' });
    expect(first!.getAttribute('aria-expanded')).toBe('false');
    await user.click(first!);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('They can teach you Budgeting')).toBeTruthy();
  });

  it('says when a sync failed and which copy is shown', async () => {
    render(
      <PopupApp
        services={fakeServices({ sources: [{ id: 'feed', label: 'HR feed', ok: false, message: 'HTTP 500', lastGoodSync: '2026-11-20T10:00:00Z' }] })}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/Sync of HR feed failed: HTTP 500\. Showing the copy from/);
  });

  it('helps when the directory is empty', async () => {
    render(<PopupApp services={fakeServices({ directory: { version: 'v0', count: 0 } }, [])} />);
    expect(await screen.findByText(/The directory is empty/)).toBeTruthy();
  });

  it('on a first run, before any source has synced, says the directory is on its way rather than empty', async () => {
    // No directory stored yet and no source state: nothing has synced.
    const firstRun = { directory: undefined, sources: [] } as unknown as Partial<PopupData>;
    render(<PopupApp services={fakeServices(firstRun, [])} />);
    expect((await screen.findByText(/Getting the directory ready/)).closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByText(/The directory is empty/)).toBeNull();
  });
});
