import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileForm } from '../../../components/profile/ProfileForm';
import { indexedDbProfileStorage, type ProfileStorage } from '../../../components/profile/editor-state';
import { useProfileEditor, type ProfileEditor } from '../../../components/profile/useProfileEditor';
import { useSkillSearch } from '../../../components/profile/useSkillSearch';
import { loadProfile, saveProfile } from '../../../lib/profile';
import { openMutualDb, StorageError } from '../../../lib/storage/db';
import { profile, resetDatabase } from './helpers';

beforeEach(resetDatabase);
// Unmounting saves what is pending: let that save land in this test's database, not the next one's.
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 50));
});

/** The editor on screen: its pending saves finish before the next test's fresh database, not into it. */
let shownEditor: ProfileEditor | undefined;
afterEach(async () => {
  await act(async () => void (await shownEditor?.flush()));
  shownEditor = undefined;
});

const NO_DIRECTORY: readonly string[] = [];

function Harness({ storage = indexedDbProfileStorage, delayMs = 30 }: { storage?: ProfileStorage; delayMs?: number }) {
  const skills = useSkillSearch(NO_DIRECTORY);
  const editor = useProfileEditor({ storage, canonical: skills.canonical, delayMs });
  shownEditor = editor;
  return editor.phase === 'ready' ? <ProfileForm editor={editor} suggest={skills.suggest} /> : <p>Loading</p>;
}

async function renderForm(storage?: ProfileStorage, delayMs?: number) {
  const user = userEvent.setup();
  const view = render(<Harness {...(storage ? { storage } : {})} {...(delayMs ? { delayMs } : {})} />);
  await screen.findByRole('form', { name: 'Your profile' });
  return { user, ...view };
}

/** What a screen reader announces with a control besides its name: its hint and error texts. */
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const saveStatusText = () => document.querySelector('.save-status [role="status"]')!.textContent!;
async function waitForSaved() {
  await waitFor(() => expect(saveStatusText()).toMatch(/^Saved at \d/));
}

/** Waits until the stored profile matches: an earlier save may already have said "Saved at". */
async function waitForStored(expected: Record<string, unknown>) {
  await waitFor(async () => expect(await loadProfile()).toMatchObject(expected));
}

function fixture(name: string): File {
  return new File([readFileSync(join(import.meta.dirname, '../../e2e/fixtures/linkedin', name))], name, { type: 'text/csv' });
}

describe('profile form', () => {
  it('is grouped in the sections a first-time user fills in', async () => {
    await renderForm();
    const groups = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(groups).toEqual([
      'Start from your LinkedIn data',
      'About you',
      'I can teach',
      'I want to learn',
      'Interests and ERGs',
      'What I want from a partnership',
      'Logistics',
      'How partners are ranked',
    ]);
    expect(screen.getByLabelText('Time zone')).toHaveProperty('value', Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('saves what is typed after a pause, and says when', async () => {
    const { user } = await renderForm();
    expect(saveStatusText()).toBe('Changes are saved automatically.');
    await user.type(screen.getByLabelText('Name'), 'Priya Raman');
    await user.selectOptions(screen.getByLabelText('Career stage'), 'senior');
    await user.click(screen.getByRole('checkbox', { name: /Two-way exchange/ }));
    await user.click(screen.getByRole('checkbox', { name: /as the senior/ }));
    await waitForStored({ name: 'Priya Raman', careerStage: 'senior', openTo: ['reverse-mentee'] });
    await waitForSaved();
  });

  it('suggests skills as typed, tolerant of typos, and takes one with the keyboard', async () => {
    const { user } = await renderForm();
    // A first-time user finds an empty row ready; Add puts focus in a new one.
    await user.click(screen.getByRole('button', { name: 'Add a skill to teach' }));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Skill to teach (row 2)' }));
    await user.click(screen.getByRole('button', { name: 'Remove row 2' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a skill to teach' }));
    const skill = screen.getByRole('combobox', { name: 'Skill to teach (row 1)' });
    await user.click(skill);
    await user.keyboard('negotiaton');
    expect(skill.getAttribute('aria-expanded')).toBe('true');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options[0]!.textContent).toMatch(/^Negotiation/);
    await user.keyboard('{ArrowDown}');
    expect(skill.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(skill).toHaveProperty('value', 'Negotiation');
    expect(skill.getAttribute('aria-expanded')).toBe('false');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level (row 1)' }), 'expert');
    await waitForStored({ teach: [{ name: 'Negotiation', level: 'expert' }] });
  });

  it('explains an alias suggestion, closes on Escape and keeps a skill no list knows as typed', async () => {
    const { user } = await renderForm();
    const skill = screen.getByRole('combobox', { name: 'Skill to learn (row 1)' });
    await user.click(skill);
    await user.keyboard('JS');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]!.textContent).toBe('JavaScriptalso called “js”');
    await user.keyboard('{Escape}');
    expect(skill.getAttribute('aria-expanded')).toBe('false');
    await user.clear(skill);
    await user.keyboard('Sourdough baking{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Concrete ask (row 1)' }), 'bake a loaf for the team');
    await waitForStored({ learn: [{ name: 'Sourdough baking', priority: 'medium', ask: 'bake a loaf for the team' }] });
  });

  it('says under the field what a phrase or a typo is read as, a guess marked as such', async () => {
    await renderForm();
    const skill = screen.getByRole('combobox', { name: 'Skill to learn (row 1)' });
    const type = (value: string) => fireEvent.change(skill, { target: { value } });
    type('video editing for TikTok');
    expect(descriptionOf(skill)).toBe('read as Video editing + TikTok');
    type('Excle');
    expect(descriptionOf(skill)).toBe('read as Microsoft Excel (closest spelling)');
    type('TikTok');
    expect(skill.getAttribute('aria-describedby')).toBeNull();
    // The words typed are what is saved: the reading is Mutual's, the text the person's.
    type('Python for data analysis');
    expect(descriptionOf(skill)).toBe('read as Python + Data analysis');
    await waitForStored({ learn: [{ name: 'Python for data analysis', priority: 'medium', ask: '' }] });
  });

  it('lets the person weigh other departments and other career stages, saved at once', async () => {
    const { user } = await renderForm();
    const generation = screen.getByRole('combobox', { name: 'Prefer partners at another stage of their career' });
    expect(generation).toHaveProperty('value', '1');
    await user.selectOptions(generation, 'Much more');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Prefer partners in another department' }), 'Not at all');
    await waitForStored({ weights: { crossGeneration: 3, crossDepartment: 0, theyTeachMe: 3, iTeachThem: 3 } });
    expect(generation).toHaveProperty('value', '3');
  });

  it('picks a suggestion with the mouse', async () => {
    const { user } = await renderForm();
    await user.click(screen.getByRole('combobox', { name: 'Skill to teach (row 1)' }));
    await user.keyboard('tik tok');
    await user.click(screen.getByRole('option', { name: /^TikTok/ }));
    expect(screen.getByRole('combobox', { name: 'Skill to teach (row 1)' })).toHaveProperty('value', 'TikTok');
  });

  it('shows an invalid field’s message next to it and still saves the rest', async () => {
    const { user } = await renderForm();
    const email = screen.getByLabelText('Work email');
    await user.type(email, 'priya@');
    await user.type(screen.getByLabelText('Name'), 'Priya');
    const message = screen.getByText('Enter a valid email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')!.split(' ')).toContain(message.closest('p')!.id);
    await waitForStored({ name: 'Priya', email: '' });
    await waitFor(() => expect(saveStatusText()).toMatch(/^Saved at .*, except 1 field that needs a fix\.$/));

    await user.clear(email);
    await user.type(email, 'priya@northwind.example');
    expect(screen.queryByText('Enter a valid email address')).toBeNull();
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('flags a number out of range without blocking the rest', async () => {
    const { user } = await renderForm();
    const months = screen.getByLabelText('How long (months)');
    // One input event: typed key by key, the valid "3" could be saved before the "6" arrives.
    await user.click(months);
    fireEvent.change(months, { target: { value: '36' } });
    await user.tab();
    expect(screen.getByText('Enter 1 to 24 months')).toBeDefined();
    await user.type(screen.getByLabelText('What I want to get out of it'), 'Learn how our youngest customers use TikTok');
    await waitForStored({ goals: expect.objectContaining({ durationMonths: 6, objective: 'Learn how our youngest customers use TikTok' }) });
  });

  it('keeps invalid text typed before the page was closed, with its message', async () => {
    // A pause longer than the test: only the page closing can save.
    const { user, unmount } = await renderForm(undefined, 60_000);
    await user.type(screen.getByLabelText('Work email'), 'priya@');
    await user.type(screen.getByLabelText('Name'), 'Priya');
    expect(await loadProfile()).toBeUndefined();
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await waitFor(async () => expect(await loadProfile()).toMatchObject({ name: 'Priya' }));
    unmount();

    await renderForm();
    expect(screen.getByLabelText('Work email')).toHaveProperty('value', 'priya@');
    expect(screen.getByText('Enter a valid email address')).toBeDefined();
  });

  it('adds tags with Enter or a comma and removes them with their button', async () => {
    const { user } = await renderForm();
    const languages = screen.getByRole('textbox', { name: 'Languages' });
    await user.type(languages, 'German{Enter}Hindi,');
    const list = screen.getByRole('list', { name: 'Languages' });
    expect(within(list).getAllByRole('listitem').map((item) => item.firstChild!.textContent)).toEqual(['English', 'German', 'Hindi']);
    await user.click(screen.getByRole('button', { name: 'Remove English' }));
    await waitForStored({ languages: ['German', 'Hindi'] });
  });

  it('says a save failed and why, and saves when asked to try again', async () => {
    // Every save fails until the disk is "freed": a slow machine may autosave more than once while typing.
    let diskFull = true;
    const save = vi.fn<ProfileStorage['save']>(async (...args) => {
      if (diskFull) throw new StorageError('The browser has no more storage space for Mutual. Free some disk space or delete old data, then try again.');
      return indexedDbProfileStorage.save(...args);
    });
    const { user } = await renderForm({ load: indexedDbProfileStorage.load, save });
    await user.type(screen.getByLabelText('Name'), 'Priya');
    await waitFor(() => expect(saveStatusText()).toBe('Not saved: The browser has no more storage space for Mutual. Free some disk space or delete old data, then try again.'));
    expect(await loadProfile()).toBeUndefined();
    diskFull = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitForStored({ name: 'Priya' });
    await waitForSaved();
  });

  it('reports an unreadable saved profile and leaves it alone until the user replaces it', async () => {
    const corrupt = { ...profile(), capacity: 'lots' };
    await (await openMutualDb()).put('profile', corrupt, 'me');
    const { user } = await renderForm();
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read.*How many partners at a time/);
    // What could be recovered is in the form.
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Priya Raman');
    await user.type(screen.getByLabelText('Department or team'), 'Product');
    await waitFor(() => expect(saveStatusText()).toMatch(/^Not saved yet: your saved profile could not be read/));
    expect(await (await openMutualDb()).get('profile', 'me')).toEqual(corrupt);

    await user.click(screen.getByRole('button', { name: 'Replace it with this form' }));
    await waitForStored({ name: 'Priya Raman', department: 'Product', capacity: 1 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('fills empty fields from a LinkedIn export without overwriting what was typed', async () => {
    await saveProfile(profile({ name: '', title: 'Product lead', location: '', teach: [{ name: 'Public speaking', level: 'expert' }] }));
    const { user } = await renderForm();
    await user.upload(screen.getByLabelText(/Choose LinkedIn export files/), [fixture('Skills.csv'), fixture('Profile.csv')]);
    await screen.findByText(/^Added 8 skills to “I can teach” at level Intermediate/);
    expect(screen.getByText(/Filled in your name and location\. Not added: Public speaking \(already listed\)\./)).toBeDefined();
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Priya Raman');
    expect(screen.getByLabelText('Job title')).toHaveProperty('value', 'Product lead');
    await waitForStored({ location: 'Berlin, Germany' });
    const saved = await loadProfile();
    expect(saved?.teach.map((skill) => skill.name)).toEqual([
      'Public speaking',
      'Project management',
      'JavaScript',
      'Stakeholder management',
      'Data analysis',
      'Negotiation',
      'Microsoft Excel',
      'Research, Design & Strategy',
      'Sourdough Baking',
    ]);
  });

  it('changes nothing when the chosen files are not a LinkedIn export', async () => {
    await saveProfile(profile());
    const { user } = await renderForm();
    await user.upload(screen.getByLabelText(/Choose LinkedIn export files/), [fixture('Connections.csv')]);
    await screen.findByText(/^Nothing was imported: None of the chosen files/);
    expect(await loadProfile()).toEqual(profile());
  });

  it('picks up a profile saved elsewhere (the popup) when the page is shown again, if nothing is pending', async () => {
    await saveProfile(profile());
    await renderForm();
    await saveProfile(profile({ name: 'Priya R.', matchMode: 'reverse', updatedAt: '2026-11-13T09:00:00.000Z' }));
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Priya R.'));
  });
});
