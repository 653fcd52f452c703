import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DirectorySection } from '../../../components/directory/DirectorySection';
import type { DirectoryServices, DirectoryView } from '../../../components/directory/services';
import { emptyProfile, type Profile } from '../../../lib/profile/model';

const FEED = 'https://intranet.example.com/mentors.csv';

function view(overrides: Partial<DirectoryView> = {}): DirectoryView {
  return {
    policy: { organizationName: 'Acme', joinFormUrl: 'https://forms.example.com/join' },
    meta: { version: 'v1', count: 212, chunkSize: 200, savedAt: '2026-11-10T12:00:00Z', sources: [{ id: 'demo', label: 'Demo', count: 200 }, { id: `url:${FEED}`, label: 'Intranet', count: 12 }], skills: [], duplicates: 0 },
    sources: [
      { id: 'policy:https://hr.example.com/feed.json', kind: 'url', url: 'https://hr.example.com/feed.json', label: 'Acme directory', enabled: true, locked: true },
      { id: 'demo', kind: 'demo', label: 'Demo directory (fictional colleagues)', enabled: true, locked: false, state: { id: 'demo', label: 'Demo', ok: true, message: '200 entries', count: 200, lastGoodSync: '2026-11-10T12:00:00Z' } },
      {
        id: `url:${FEED}`,
        kind: 'url',
        url: FEED,
        label: 'intranet.example.com/mentors.csv',
        enabled: true,
        locked: false,
        state: {
          id: `url:${FEED}`,
          label: 'intranet.example.com/mentors.csv',
          ok: false,
          message: 'The server answered 500. The copy from 2026-11-09 10:00 stays in use.',
          count: 12,
          lastGoodSync: '2026-11-09T10:00:00Z',
          lastError: { at: '2026-11-10T12:00:00Z', stage: 'http', message: 'The server answered 500.' },
          report: {
            total: 15,
            valid: 12,
            rejected: 2,
            invalid: [
              { row: 4, field: 'email', message: 'Not a valid email address' },
              { row: 9, field: 'name', message: '<img src=x onerror=alert(1)> {{name}}' },
            ],
            invalidOmitted: 0,
            notOptedIn: 1,
            expired: 0,
            duplicates: 0,
            warnings: ['Columns not used: Start time'],
          },
        },
      },
    ],
    ...overrides,
  };
}

function services(overrides: Partial<DirectoryServices> = {}) {
  const summary = { ok: true, sources: [{ id: 'x', ok: true, message: '12 entries' }] };
  return {
    load: vi.fn(async () => view()),
    requestAccess: vi.fn(async () => true),
    addFeed: vi.fn(async () => summary),
    removeSource: vi.fn(async () => summary),
    setDemoEnabled: vi.fn(async () => summary),
    importFile: vi.fn(async () => summary),
    sync: vi.fn(async () => summary),
    onChanged: vi.fn(() => () => undefined),
    ...overrides,
  } satisfies DirectoryServices;
}

const profile: Profile = {
  ...emptyProfile(new Date('2026-11-10T12:00:00Z')),
  name: 'Robin Reyes',
  email: 'robin@example.com',
  title: 'Finance Director',
  careerStage: 'senior',
  languages: ['English'],
  teach: [{ name: 'Budgeting', level: 'expert' }],
  learn: [{ name: 'TikTok', priority: 'high', ask: 'Post one video' }],
  ergs: ['Parents & Caregivers'],
};

async function renderSection(fake = services(), props: { profile?: Profile } = {}) {
  render(<DirectorySection services={fake} {...props} />);
  await screen.findByRole('heading', { name: 'intranet.example.com/mentors.csv' });
  return fake;
}

describe('DirectorySection sources', () => {
  it('shows each source with status, last good sync, last error and the organization lock', async () => {
    await renderSection();
    expect(screen.getByText(/212 people from 2 source/)).toBeTruthy();
    const policy = screen.getByRole('listitem', { name: 'Acme directory' });
    expect(within(policy).getByText('Set by your organization')).toBeTruthy();
    expect(within(policy).queryByRole('button', { name: /Remove/ })).toBeNull();
    const feed = screen.getByRole('listitem', { name: 'intranet.example.com/mentors.csv' });
    expect(within(feed).getByText(/Problem: The server answered 500\. The copy from/)).toBeTruthy();
    expect(within(feed).getByText(/Server error\. The server answered 500\./)).toBeTruthy();
    expect(within(feed).getByText('12 of 15 rows listed, 2 rejected, 1 not opted in')).toBeTruthy();
    expect(within(feed).getByText('2 problems in rejected rows')).toBeTruthy();
    expect(within(feed).getByText('Columns not used: Start time')).toBeTruthy();
  });

  it('lists rejected rows as text: markup in a feed stays inert', async () => {
    const { container } = render(<DirectorySection services={services()} />);
    const table = await screen.findByRole('table', { name: /Rejected rows in intranet/ });
    const rows = within(table).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Row', 'Column', 'Problem'],
      ['4', 'email', 'Not a valid email address'],
      ['9', 'name', '<img src=x onerror=alert(1)> {{name}}'],
    ]);
    expect(container.querySelector('img')).toBeNull();
  });

  it('asks for access to the one origin inside the submit handler, then adds the feed', async () => {
    const addFeed = vi.fn(async () => ({ ok: true, sources: [{ id: 'x', ok: true, message: '12 entries' }] }));
    let addedBeforeGrant = false;
    const requestAccess = vi.fn(async () => {
      addedBeforeGrant = addFeed.mock.calls.length > 0;
      return true;
    });
    const fake = await renderSection(services({ requestAccess, addFeed }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Feed URL'), 'https://people.example.org/feed.json');
    await user.click(screen.getByRole('button', { name: 'Add feed' }));
    expect(requestAccess).toHaveBeenCalledWith('https://people.example.org');
    await waitFor(() => expect(addFeed).toHaveBeenCalledWith('https://people.example.org/feed.json'));
    expect(fake.sync).not.toHaveBeenCalled();
    expect(addedBeforeGrant).toBe(false);
    expect(await screen.findByText('Synced. 12 entries')).toBeTruthy();
  });

  it('adds nothing when access is refused, and says so', async () => {
    const fake = await renderSection(services({ requestAccess: vi.fn(async () => false) }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Feed URL'), 'https://people.example.org/feed.json{Enter}');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringContaining('needs access to https://people.example.org'));
    expect(fake.addFeed).not.toHaveBeenCalled();
  });

  it('refuses an address that is not http(s) without asking for anything', async () => {
    const fake = await renderSection();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Feed URL'), 'ftp://files.example.com/a.csv{Enter}');
    expect(screen.getByRole('status').textContent).toContain('https://');
    expect(fake.requestAccess).not.toHaveBeenCalled();
  });

  it('removes a source, turns the demo off, syncs and imports a file', async () => {
    const fake = await renderSection();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove intranet.example.com/mentors.csv' }));
    await waitFor(() => expect(fake.removeSource).toHaveBeenCalledWith(`url:${FEED}`));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Use the demo directory/ })).toHaveProperty('disabled', false));
    await user.click(screen.getByRole('checkbox', { name: /Use the demo directory/ }));
    await waitFor(() => expect(fake.setDemoEnabled).toHaveBeenCalledWith(false));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sync now' })).toHaveProperty('disabled', false));
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(fake.sync).toHaveBeenCalledWith());
    await waitFor(() => expect(screen.getByLabelText('Import a file (CSV or JSON)')).toHaveProperty('disabled', false));
    await user.upload(screen.getByLabelText('Import a file (CSV or JSON)'), new File(['Email,Name\n'], 'mentors.csv', { type: 'text/csv' }));
    await waitFor(() => expect(fake.importFile).toHaveBeenCalledWith({ name: 'mentors.csv', bytes: new TextEncoder().encode('Email,Name\n') }));
  });

  it('locks the demo switch when the organization decides', async () => {
    const locked = view();
    locked.sources[1] = { ...locked.sources[1]!, locked: true } as DirectoryView['sources'][number];
    await renderSection(services({ load: vi.fn(async () => locked) }));
    expect(screen.getByRole('checkbox', { name: /Use the demo directory/ })).toHaveProperty('disabled', true);
  });

  it('shows a failed sync in the live region', async () => {
    await renderSection(services({ sync: vi.fn(async () => ({ ok: false, sources: [{ id: 'x', ok: false, message: 'No complete answer within 20 s.' }] })) }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Sync finished with problems. No complete answer within 20 s.')).toBeTruthy();
  });
});

describe('DirectorySection joining', () => {
  it('asks for a profile first', async () => {
    await renderSection();
    expect(screen.getByText(/Fill in your profile first/)).toBeTruthy();
  });

  it('shows my entry as JSON and CSV with the fields I choose; ERGs only when ticked', async () => {
    await renderSection(services(), { profile });
    const json = () => JSON.parse(screen.getByRole('region', { name: /As JSON/ }).querySelector('pre')?.textContent ?? '') as Record<string, unknown>;
    expect(json()).toMatchObject({ name: 'Robin Reyes', email: 'robin@example.com', title: 'Finance Director', ergs: [], consent: { optedIn: true } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Job title' }));
    await user.click(screen.getByRole('checkbox', { name: 'Employee resource groups' }));
    expect(json()).toMatchObject({ title: '', ergs: ['Parents & Caregivers'] });
    expect(screen.getByRole('region', { name: /As a CSV row/ }).textContent).toContain('Budgeting (expert)');
    expect(screen.getByRole('link', { name: "Open Acme's join form" })).toHaveProperty('href', 'https://forms.example.com/join');
  });

  it('copies the entry and reports it', async () => {
    await renderSection(services(), { profile });
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('"email": "robin@example.com"'));
    expect(await screen.findByText('Copied the JSON entry to the clipboard.')).toBeTruthy();
  });

  it('says what a directory would reject', async () => {
    await renderSection(services(), { profile: { ...profile, email: '' } });
    // In the profile form's words: the field to fix and what would work.
    expect(screen.getByText(/^Work email: Missing — an email address is required, such as name@example.com$/)).toBeTruthy();
    expect(screen.getByText(/Where your entry goes:/).parentElement?.textContent).toMatch(/Acme's join form\. Open it and answer there/);
  });
});
