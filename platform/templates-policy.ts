import { browser } from 'wxt/browser';
import { parseManagedTemplates, type Template } from '@/lib/templates';

/**
 * The organization's templates (managed storage key `templates`, see public/managed_schema.json).
 * Managed storage is absent on most machines and throws in Firefox without a policy: no templates then.
 */
export async function readManagedTemplates(): Promise<{ templates: Template[]; problems: string[] }> {
  try {
    const { templates } = await browser.storage.managed.get('templates');
    return parseManagedTemplates(templates);
  } catch {
    return { templates: [], problems: [] };
  }
}
