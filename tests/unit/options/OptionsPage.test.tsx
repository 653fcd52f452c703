import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsServices } from '../../../components/profile/OptionsPage';
import { exportProfileJson, loadProfile, saveProfile } from '../../../lib/profile';
import { openMutualDb, StorageError } from '../../../lib/storage/db';
import { indexedDbProfileStorage } from '../../../components/profile/editor-state';
import { NOW, profile, resetDatabase } from '../profile/helpers';
import { directoryServices } from '../../../platform/directory-services';
import { privacyServices } from '../../../platform/privacy-services';
import { templatesServices } from '../../../platform/templates-services';

// The options entrypoint's own services, on WXT's fake browser.
const services: OptionsServices = { directory: directoryServices, templates: templatesServices, privacy: privacyServices };

beforeEach(resetDatabase);

/** The text of every file the page offered for download. */
let downloads: Blob[] = [];
beforeEach(() => {
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return 'blob:test';
  });
});
afterEach(() => vi.restoreAllMocks());

async function renderPage() {
  const user = userEvent.setup();
  render(<OptionsPage services={services} autosaveDelayMs={30} directorySkills={[]} />);
  await screen.findByRole('form', { name: 'Your profile' });
  return user;
}

const dataSection = () => screen.getByRole('region', { name: 'Your data' });

function jsonFile(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

describe('options page', () => {
  it('shows the welcome at #welcome: what Mutual does, three steps, how to pin it; it leads into the profile', async () => {
    location.hash = '#welcome';
    await renderPage();
    const welcome = screen.getByRole('region', { name: 'Welcome to Mutual' });
    expect(document.activeElement).toBe(within(welcome).getByRole('heading', { level: 2 }));
    expect(within(welcome).getAllByRole('listitem').slice(0, 3).map((item) => item.querySelector('strong')!.textContent)).toEqual(['Your skills.', 'Your directory.', 'Find partners.']);
    expect(welcome.textContent).toMatch(/puzzle-piece/);
    expect(welcome.textContent).toMatch(/Then open Mutual from the toolbar/);
    await userEvent.setup().click(within(welcome).getByRole('button', { name: 'Start with your profile' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Welcome to Mutual' })).toBeNull());
    expect(location.hash).toBe('#profile');
    expect(document.activeElement).toBe(document.getElementById('profile'));
    // Without asking (#welcome), the page never shows it.
    expect(screen.getByRole('link', { name: 'Welcome and setup tips' }).getAttribute('href')).toBe('#welcome');
    location.hash = '';
  });

  it('has a heading and a navigation to every section', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Mutual');
    const links = within(screen.getByRole('navigation', { name: 'Sections' })).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Profile', 'Directory', 'Templates', 'Your data']);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target, link.textContent!).not.toBeNull();
      // Focusable, so following the link moves keyboard focus there.
      expect(target!.tabIndex).toBe(-1);
    }
    expect(links[0]!.getAttribute('aria-current')).toBe('location');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(
      expect.arrayContaining(['Your profile', 'Directory', 'Templates', 'Your data']),
    );
  });

  it('exports the profile as the documented file', async () => {
    await saveProfile(profile());
    const user = await renderPage();
    await user.type(screen.getByLabelText('Department or team'), 'Product');
    await user.click(within(dataSection()).getByRole('button', { name: 'Export my profile' }));
    await within(dataSection()).findByText(/^Downloaded mutual-profile-\d{4}-\d\d-\d\d\.json\.$/);
    const file = JSON.parse(await downloads[0]!.text()) as { format: string; version: number; profile: { department: string } };
    // Edits not yet autosaved are in the file too.
    expect(file).toMatchObject({ format: 'mutual-profile', version: 1, profile: { department: 'Product' } });
  });

  it('imports a profile file after confirmation, and changes nothing on a bad file', async () => {
    await saveProfile(profile());
    const user = await renderPage();
    const input = within(dataSection()).getByLabelText('Import a profile file');

    await user.upload(input, jsonFile('broken.json', '{"format": "mutual-profile", "version": 1, "profile": {"email": "x"}}'));
    await within(dataSection()).findByText(/^Nothing was imported: This is not a valid Mutual profile:.*email: Enter a valid email address/);
    expect(await loadProfile()).toEqual(profile());

    const other = profile({ name: 'Sam Okafor', teach: [{ name: 'Negotiation', level: 'expert' }] });
    await user.upload(input, jsonFile('sam.json', exportProfileJson(other, NOW)));
    expect(within(dataSection()).getByText(/Replace your profile with the one in sam\.json \(Sam Okafor: 1 skills to teach, 1 to learn\)/)).toBeDefined();
    await user.click(within(dataSection()).getByRole('button', { name: 'Replace my profile' }));
    await within(dataSection()).findByText('Imported sam.json. Your profile above now shows it.');
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Sam Okafor');
    expect(await loadProfile()).toMatchObject({ name: 'Sam Okafor', teach: [{ name: 'Negotiation', level: 'expert' }] });
  });

  it('exports every store, saying what is in it', async () => {
    await saveProfile(profile());
    const user = await renderPage();
    expect(within(dataSection()).getByText(/the outreach log/)).toBeDefined();
    await user.click(within(dataSection()).getByRole('button', { name: 'Export all my data' }));
    await within(dataSection()).findByText(/^Downloaded mutual-data-[\d-]+\.json: \d+ records from 10 stores\.$/);
    const data = JSON.parse(await downloads[0]!.text()) as { format: string; stores: { profile: { key: string; value: unknown }[] } };
    expect(data.format).toBe('mutual-data');
    expect(data.stores.profile).toEqual([{ key: 'me', value: profile() }]);
  });

  it('deletes all data only after confirmation, says so, and starts the form over', async () => {
    await saveProfile(profile());
    const user = await renderPage();
    await user.click(within(dataSection()).getByRole('button', { name: 'Delete all my data' }));
    const cancel = within(dataSection()).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    await user.click(cancel);
    expect(await loadProfile()).toEqual(profile());

    await user.click(within(dataSection()).getByRole('button', { name: 'Delete all my data' }));
    await user.click(within(dataSection()).getByRole('button', { name: 'Yes, delete everything' }));
    await within(dataSection()).findByText(/^Deleted all your data from this browser \(10 stores emptied\)\..* The demo directory .* may come back/);
    expect(await loadProfile()).toBeUndefined();
    expect(await (await openMutualDb()).count('profile')).toBe(0);
    expect(screen.getByLabelText('Name')).toHaveProperty('value', '');
    // Nothing is written back until the user types again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await waitFor(async () => expect(await loadProfile()).toBeUndefined());
  });

  it('shows a storage failure when the profile cannot be opened, and tries again on request', async () => {
    const load = vi
      .fn<typeof indexedDbProfileStorage.load>()
      .mockRejectedValueOnce(new StorageError('The browser refused storage (private window or storage disabled).'))
      .mockImplementation(indexedDbProfileStorage.load);
    const user = userEvent.setup();
    render(<OptionsPage services={services} storage={{ load, save: indexedDbProfileStorage.save }} directorySkills={[]} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Your profile could not be opened: The browser refused storage/);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('form', { name: 'Your profile' });
  });

  it('says what it is waiting for when storage does not answer (an upgrade blocked by an old tab)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      render(<OptionsPage services={services} storage={{ load: () => new Promise(() => undefined), save: indexedDbProfileStorage.save }} directorySkills={[]} />);
      expect(screen.getByText('Loading your profile…')).toBeDefined();
      await act(() => vi.advanceTimersByTimeAsync(4000));
      expect(screen.getByText(/Still waiting for the browser’s storage/)).toBeDefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
