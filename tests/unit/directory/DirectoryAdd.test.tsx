import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DirectorySection } from '../../../components/directory/DirectorySection';
import type { DirectoryServices, DirectoryView, SourceView } from '../../../components/directory/services';

const ADDED = 'https://people.example.org/feed.json';

const failedSource: SourceView = {
  id: `url:${ADDED}`,
  kind: 'url',
  url: ADDED,
  label: 'people.example.org/feed.json',
  enabled: true,
  locked: false,
  state: {
    id: `url:${ADDED}`,
    label: 'people.example.org/feed.json',
    ok: false,
    message: 'The server answered 404 Not Found.',
    count: 0,
    lastAttempt: '2026-11-10T12:00:00Z',
    lastError: { at: '2026-11-10T12:00:00Z', stage: 'http', message: 'The server answered 404 Not Found.' },
  },
};

function services(sources: SourceView[], overrides: Partial<DirectoryServices> = {}): DirectoryServices {
  const view: DirectoryView = { policy: {}, sources };
  const summary = { ok: true, sources: [] };
  return {
    load: vi.fn(async () => view),
    requestAccess: vi.fn(async () => true),
    addFeed: vi.fn(async () => summary),
    removeSource: vi.fn(async () => summary),
    setDemoEnabled: vi.fn(async () => summary),
    importFile: vi.fn(async () => summary),
    sync: vi.fn(async () => summary),
    onChanged: vi.fn(() => () => undefined),
    ...overrides,
  };
}

async function typeFeed(url = ADDED) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Feed URL'), `${url}{Enter}`);
  return user;
}

describe('adding a feed', () => {
  it('shows a feed that answers 404 as failed, with Retry and Remove, never as fine', async () => {
    const sources: SourceView[] = [];
    const fake = services(sources, {
      addFeed: vi.fn(async () => {
        sources.push(failedSource);
        return { ok: false, sources: [{ id: failedSource.id, ok: false, message: 'The server answered 404 Not Found.' }] };
      }),
    });
    render(<DirectorySection services={fake} />);
    const user = await typeFeed();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(`Could not read ${ADDED}: The server answered 404 Not Found. It is listed below as failed: Retry it, or Remove it.`),
    );
    const item = await screen.findByRole('listitem', { name: 'people.example.org/feed.json' });
    expect(within(item).getByText('Failed: The server answered 404 Not Found.')).toBeTruthy();
    expect(within(item).queryByText(/^OK/)).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Retry people.example.org/feed.json' }));
    await waitFor(() => expect(fake.sync).toHaveBeenCalledWith(failedSource.id));
    await waitFor(() => expect(within(item).getByRole('button', { name: 'Remove people.example.org/feed.json' })).toHaveProperty('disabled', false));
    await user.click(within(item).getByRole('button', { name: 'Remove people.example.org/feed.json' }));
    await waitFor(() => expect(fake.removeSource).toHaveBeenCalledWith(failedSource.id));
  });

  it('does not hang at "Adding…" when the permission prompt never answers: it times out', async () => {
    const fake = services([], { requestAccess: vi.fn(() => new Promise<boolean>(() => undefined)) });
    render(<DirectorySection services={fake} accessTimeoutMs={300} />);
    await typeFeed();
    expect(screen.getByRole('status').textContent).toContain('Answer your browser');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/got no answer within 300 ms .*Nothing was added/));
    expect(fake.addFeed).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Cancel adding' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sync now' })).toHaveProperty('disabled', false);
  });

  it('lets the person cancel while the permission prompt is pending', async () => {
    const fake = services([], { requestAccess: vi.fn(() => new Promise<boolean>(() => undefined)) });
    render(<DirectorySection services={fake} />);
    const user = await typeFeed();
    await user.click(await screen.findByRole('button', { name: 'Cancel adding' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Cancelled: ${ADDED} was not added.`));
    expect(fake.addFeed).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Cancel adding' })).toBeNull();
  });

  it('never says OK for a feed whose rows were rejected', async () => {
    const partly: SourceView = {
      ...failedSource,
      state: {
        ...failedSource.state!,
        ok: true,
        message: '4 of 7 entries listed: 3 rejected',
        count: 4,
        lastGoodSync: '2026-11-10T12:00:00Z',
        report: { total: 7, valid: 4, rejected: 3, invalid: [], invalidOmitted: 0, notOptedIn: 0, expired: 0, duplicates: 0, warnings: [] },
      },
    };
    render(<DirectorySection services={services([partly])} />);
    const item = await screen.findByRole('listitem', { name: 'people.example.org/feed.json' });
    expect(within(item).getByText('Read in part: 4 of 7 entries listed: 3 rejected')).toBeTruthy();
    expect(within(item).queryByText(/^OK/)).toBeNull();
  });
});
