import { deleteTemplate, loadTemplates, saveTemplate, type Template } from '@/lib/templates';
import { onManagedStorageChange } from './managed-storage';
import { send } from './messaging';
import { readManagedTemplates } from './templates-policy';

/** The template manager's storage and browser side (components/templates/services.ts says what it needs). */
export const templatesServices = {
  async load() {
    const managed = await readManagedTemplates();
    return { templates: await loadTemplates(managed.templates), problems: managed.problems };
  },
  save: async (template: Template) => void (await saveTemplate(template)),
  remove: deleteTemplate,
  // The menu only refreshes later if the background is unreachable; the templates themselves are saved.
  changed: () => void send({ type: 'templates/changed' }).catch(() => undefined),
  onPolicyChanged: onManagedStorageChange,
};
