import { deleteTemplate, loadTemplates, saveTemplate, type LibraryTemplate, type Template } from '@/lib/templates';
import { send } from '@/platform/messaging';
import { onManagedStorageChange } from '@/platform/managed-storage';
import { readManagedTemplates } from '@/platform/templates-policy';

export interface TemplatesView {
  templates: LibraryTemplate[];
  /** Organization templates that were skipped, in words. */
  problems: string[];
}

/** What the template manager needs from storage and the browser; injected so tests can drive it. */
export interface TemplatesServices {
  load(): Promise<TemplatesView>;
  save(template: Template): Promise<void>;
  /** Deletes a user template; for a built-in one, drops the user's edit (reset). */
  remove(id: string): Promise<void>;
  /** Tells the background, which rebuilds the context menu. */
  changed(): void;
  /** Calls `listener` when the organization's policy changes; returns the unsubscribe function. */
  onPolicyChanged(listener: () => void): () => void;
}

export const browserTemplatesServices: TemplatesServices = {
  async load() {
    const managed = await readManagedTemplates();
    return { templates: await loadTemplates(managed.templates), problems: managed.problems };
  },
  save: async (template) => void (await saveTemplate(template)),
  remove: deleteTemplate,
  // The menu only refreshes later if the background is unreachable; the templates themselves are saved.
  changed: () => void send({ type: 'templates/changed' }).catch(() => undefined),
  onPolicyChanged: onManagedStorageChange,
};
