import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { closeMutualDb, openMutualDb } from '../../../lib/storage/db';
import {
  BUILT_IN_TEMPLATES,
  builtInTemplate,
  deleteTemplate,
  duplicateTemplate,
  loadTemplates,
  parseManagedTemplates,
  saveTemplate,
} from '../../../lib/templates';

beforeEach(() => {
  closeMutualDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('template library', () => {
  it('starts with the built-ins, unmodified', async () => {
    const library = await loadTemplates();
    expect(library.map((t) => t.id)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id));
    expect(library.every((t) => t.origin === 'built-in' && !t.modified)).toBe(true);
  });

  it('keeps an edit of a built-in under its id, and deleting the edit resets it to the original', async () => {
    const original = builtInTemplate('two-way');
    await saveTemplate({ ...original, body: 'My own wording, {{them.firstName}}' });
    let edited = (await loadTemplates()).find((t) => t.id === 'two-way')!;
    expect(edited).toMatchObject({ body: 'My own wording, {{them.firstName}}', builtIn: true, modified: true, origin: 'built-in' });
    await deleteTemplate('two-way');
    edited = (await loadTemplates()).find((t) => t.id === 'two-way')!;
    expect(edited).toMatchObject({ body: original.body, modified: false });
  });

  it('adds, duplicates and deletes user templates', async () => {
    const copy = duplicateTemplate(builtInTemplate('decline'), 'user-1');
    expect(copy).toMatchObject({ id: 'user-1', name: 'Copy of Polite decline', builtIn: false });
    await saveTemplate(copy);
    expect((await loadTemplates()).at(-1)).toMatchObject({ id: 'user-1', origin: 'user' });
    await deleteTemplate('user-1');
    expect((await loadTemplates()).some((t) => t.id === 'user-1')).toBe(false);
  });

  it('refuses to save an invalid template and skips an unreadable stored one', async () => {
    await expect(saveTemplate({ ...duplicateTemplate(builtInTemplate('decline'), 'user-2'), name: ' ' })).rejects.toThrow(/name/);
    const db = await openMutualDb();
    await db.put('templates', { id: 'user-3', name: 'Broken', body: 42 }, 'user-3');
    await db.put('templates', { nonsense: true }, 'two-way');
    const library = await loadTemplates();
    expect(library.some((t) => t.id === 'user-3')).toBe(false);
    expect(library.find((t) => t.id === 'two-way')).toMatchObject({ body: builtInTemplate('two-way').body, modified: false });
  });

  it('shows the organization’s templates first, locked, replacing a built-in with the same id', async () => {
    const { templates, problems } = parseManagedTemplates([
      { id: 'org-welcome', name: 'Programme welcome', subject: 'Welcome {{them.firstName}}', body: 'Hello from the programme' },
      { id: 'two-way', name: 'Our two-way ask', kind: 'two-way', body: 'Org wording' },
      { id: '', name: 'No id', body: 'x' },
      'not a template',
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Template 3 from your organization was skipped: id:/);
    const library = await loadTemplates(templates);
    expect(library.slice(0, 2)).toMatchObject([
      { id: 'org-welcome', origin: 'organization', kind: 'custom', subject: 'Welcome {{them.firstName}}' },
      { id: 'two-way', origin: 'organization', body: 'Org wording', subject: '' },
    ]);
    expect(library.filter((t) => t.id === 'two-way')).toHaveLength(1);
  });

  it('reports a policy value that is not a list', () => {
    expect(parseManagedTemplates(undefined)).toEqual({ templates: [], problems: [] });
    expect(parseManagedTemplates({ id: 'x' }).problems).toEqual(['The templates policy must be a list of templates.']);
  });
});
