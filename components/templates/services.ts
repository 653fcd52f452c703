import type { LibraryTemplate, Template } from '@/lib/templates';

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
