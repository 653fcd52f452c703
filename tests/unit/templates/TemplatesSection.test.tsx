import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { TemplatesSection } from '../../../components/templates/TemplatesSection';
import type { TemplatesServices } from '../../../components/templates/services';
import { closeMutualDb } from '../../../lib/storage/db';
import { builtInTemplate, deleteTemplate, loadTemplates, parseManagedTemplates, saveTemplate } from '../../../lib/templates';

/** The real template store (fake IndexedDB) with one organization template from policy. */
function storeServices(): TemplatesServices {
  const managed = parseManagedTemplates([{ id: 'org-welcome', name: 'Programme welcome', subject: 'Welcome, {{them.firstName}}', body: 'Hello {{them.firstName}}, welcome to the programme.' }]);
  return {
    load: async () => ({ templates: await loadTemplates(managed.templates), problems: ['Template 2 from your organization was skipped: body: Write the message.'] }),
    save: async (template) => void (await saveTemplate(template)),
    remove: deleteTemplate,
    changed: vi.fn(),
    onPolicyChanged: () => () => undefined,
  };
}

beforeEach(() => {
  closeMutualDb();
  globalThis.indexedDB = new IDBFactory();
  vi.unstubAllGlobals();
});

const templateList = () => screen.getByRole('list', { name: 'Templates' });
const templateButton = async (name: string) => within(await screen.findByRole('list', { name: 'Templates' })).findByRole('button', { name: new RegExp(`^${name}`) });
const status = () => screen.getByRole('status');
const pick = async (user: ReturnType<typeof userEvent.setup>, name: string) => user.click(await templateButton(name));
const messageField = () => screen.getByLabelText(/^Message/) as HTMLTextAreaElement;

describe('TemplatesSection', () => {
  it('lists the organization’s templates (locked), Mutual’s and the user’s, and reports skipped policy templates', async () => {
    const user = userEvent.setup();
    render(<TemplatesSection services={storeServices()} />);
    const items = await within(await screen.findByRole('list', { name: 'Templates' })).findAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      'Programme welcomeOrganization · locked',
      ...['Offer to reverse-mentor a senior colleague', 'Ask to be reverse-mentored', 'Ask for mentoring', 'Two-way mentoring proposal', 'Introduction through a shared ERG', 'Follow-up after no reply', 'First meeting: setting expectations', 'Thank you', 'Polite decline'].map((name) => `${name}Mutual`),
    ]);
    expect(screen.getByText(/Template 2 from your organization was skipped/)).toBeTruthy();
    await pick(user, 'Programme welcome');
    expect(screen.getByText(/Set by your organization/)).toBeTruthy();
    expect(screen.queryByLabelText('Template name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Preview' }).textContent).toContain('Hello Dana, welcome to the programme.');
  });

  it('edits a built-in with a live preview, saves it, and resets it to the original', async () => {
    const user = userEvent.setup();
    const services = storeServices();
    render(<TemplatesSection services={services} />);
    await pick(user, 'Two-way mentoring proposal');
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview.textContent).toContain('Hi Dana,');
    await user.clear(messageField());
    await user.type(messageField(), 'Hello {{{{them.firstName}}, shall we swap {{{{iTeachThem}} for {{{{theyTeachMe}}?');
    expect(preview.textContent).toContain('Hello Dana, shall we swap TikTok for Budgeting?');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(status().textContent).toBe('Saved “Two-way mentoring proposal”.'));
    expect((await templateButton('Two-way mentoring proposal')).textContent).toContain('edited');
    expect((await loadTemplates()).find((t) => t.id === 'two-way')?.body).toBe('Hello {{them.firstName}}, shall we swap {{iTeachThem}} for {{theyTeachMe}}?');
    expect(services.changed).toHaveBeenCalled();

    vi.stubGlobal('confirm', vi.fn(() => true));
    await user.click(screen.getByRole('button', { name: 'Reset to original' }));
    await waitFor(() => expect(status().textContent).toBe('“Two-way mentoring proposal” is back to the original.'));
    expect(messageField().value).toBe(builtInTemplate('two-way').body);
    expect(screen.queryByRole('button', { name: 'Reset to original' })).toBeNull();
  });

  it('shows what is wrong with a template and does not save it', async () => {
    const user = userEvent.setup();
    render(<TemplatesSection services={storeServices()} />);
    await pick(user, 'Thank you');
    await user.type(messageField(), ' {{{{them.nickname}} {{{{#myAsk}}');
    expect(screen.getByText(/\{\{them\.nickname\}\} is not a variable Mutual knows\. \{\{#myAsk\}\} is never closed/)).toBeTruthy();
    expect(messageField().getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds a template (focus on its name), renames it, and deletes it', async () => {
    const user = userEvent.setup();
    render(<TemplatesSection services={storeServices()} />);
    await user.click(await screen.findByRole('button', { name: 'Add a template' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Template name')));
    await user.clear(screen.getByLabelText('Template name'));
    await user.type(screen.getByLabelText('Template name'), 'Coffee chat');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(status().textContent).toBe('Saved “Coffee chat”.'));
    expect((await templateButton('Coffee chat')).textContent).toBe('Coffee chatYours');

    vi.stubGlobal('confirm', vi.fn(() => true));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(status().textContent).toBe('Deleted “Coffee chat”.'));
    expect(within(templateList()).queryByRole('button', { name: /Coffee chat/ })).toBeNull();
    expect((await loadTemplates()).some((t) => t.name === 'Coffee chat')).toBe(false);
  });

  it('duplicates a locked template into an editable one of the user’s', async () => {
    const user = userEvent.setup();
    render(<TemplatesSection services={storeServices()} />);
    await pick(user, 'Programme welcome');
    await user.click(screen.getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect((screen.getByLabelText('Template name') as HTMLInputElement).value).toBe('Copy of Programme welcome'));
    expect(messageField().value).toBe('Hello {{them.firstName}}, welcome to the programme.');
    expect((await templateButton('Copy of Programme welcome')).getAttribute('aria-current')).toBe('true');
  });

  it('asks before discarding unsaved edits when another template is chosen', async () => {
    const user = userEvent.setup();
    render(<TemplatesSection services={storeServices()} />);
    await pick(user, 'Thank you');
    await user.type(messageField(), ' Cheers!');
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await pick(user, 'Polite decline');
    expect(confirm).toHaveBeenCalledWith('Discard your unsaved changes to “Thank you”?');
    expect(messageField().value.endsWith(' Cheers!')).toBe(true);
    confirm.mockReturnValue(true);
    await pick(user, 'Polite decline');
    expect(messageField().value).toBe(builtInTemplate('decline').body);
  });
});
