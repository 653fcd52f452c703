import { parseManagedTemplates, type Template } from '@/lib/templates';
import { readManagedStorage } from './managed-storage';

/** The organization's templates (managed storage key `templates`, see public/managed_schema.json). */
export async function readManagedTemplates(): Promise<{ templates: Template[]; problems: string[] }> {
  return parseManagedTemplates((await readManagedStorage()).templates);
}
