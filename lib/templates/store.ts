import { openMutualDb } from '../storage';
import { BUILT_IN_TEMPLATES, isBuiltInId } from './builtins';
import { ManagedTemplateSchema, TemplateSchema, type LibraryTemplate, type Template } from './model';

/**
 * The 'templates' store holds the user's own templates and their edits of built-in ones (same id).
 * Values are validated when read: an unreadable record is skipped (a built-in falls back to its
 * original), never shown half-parsed.
 */
async function readStored(): Promise<Template[]> {
  const db = await openMutualDb();
  return (await db.getAll('templates')).flatMap((value) => {
    const parsed = TemplateSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The organization's templates from policy: each valid one is kept, the rest are reported. */
export function parseManagedTemplates(value: unknown): { templates: Template[]; problems: string[] } {
  if (value === undefined) return { templates: [], problems: [] };
  if (!Array.isArray(value)) return { templates: [], problems: ['The templates policy must be a list of templates.'] };
  const templates: Template[] = [];
  const problems: string[] = [];
  value.forEach((item: unknown, i) => {
    const parsed = ManagedTemplateSchema.safeParse(item);
    if (parsed.success) templates.push({ ...parsed.data, builtIn: false });
    else problems.push(`Template ${i + 1} from your organization was skipped: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ')}.`);
  });
  return { templates, problems };
}

/**
 * Every template the user can choose from: the organization's (locked; one with a built-in's id
 * replaces it), the built-ins (with the user's edits) and the user's own.
 */
export async function loadTemplates(managed: readonly Template[] = []): Promise<LibraryTemplate[]> {
  const stored = new Map((await readStored()).map((template) => [template.id, template]));
  const managedIds = new Set(managed.map((template) => template.id));
  const organization = managed.map((template): LibraryTemplate => ({ ...template, origin: 'organization', modified: false }));
  const builtIns = BUILT_IN_TEMPLATES.filter((template) => !managedIds.has(template.id)).map((original): LibraryTemplate => {
    const edited = stored.get(original.id);
    return edited ? { ...edited, kind: original.kind, builtIn: true, origin: 'built-in', modified: true } : { ...original, origin: 'built-in', modified: false };
  });
  const own = [...stored.values()]
    .filter((template) => !isBuiltInId(template.id) && !managedIds.has(template.id))
    .map((template): LibraryTemplate => ({ ...template, builtIn: false, origin: 'user', modified: false }));
  return [...organization, ...builtIns, ...own];
}

/** Saves a user template or the user's edit of a built-in one. */
export async function saveTemplate(template: Template, now: Date = new Date()): Promise<Template> {
  const valid = TemplateSchema.parse({ ...template, builtIn: isBuiltInId(template.id), updatedAt: now.toISOString() });
  const db = await openMutualDb();
  await db.put('templates', valid, valid.id);
  return valid;
}

/** Deletes a user template; for a built-in one this restores the original (reset). */
export async function deleteTemplate(id: string): Promise<void> {
  const db = await openMutualDb();
  await db.delete('templates', id);
}

/** A new user template's id: never a built-in's. */
export function newTemplateId(): string {
  return `user-${crypto.randomUUID()}`;
}

/** An editable copy of any template (a locked one included), as the user's own. */
export function duplicateTemplate(template: Template, id: string = newTemplateId()): Template {
  return { id, name: `Copy of ${template.name}`.slice(0, 80), kind: template.kind, subject: template.subject, body: template.body, builtIn: false };
}
