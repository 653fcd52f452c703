import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { duplicateTemplate, newTemplateId, type LibraryTemplate, type Template } from '@/lib/templates';
import { errorMessage } from '@/lib/errors';
import type { TemplatesServices, TemplatesView } from './services';
import { TemplateEditor } from './TemplateEditor';
import './TemplatesSection.css';

export interface TemplatesSectionProps {
  services: TemplatesServices;
}

const ORIGIN_LABELS: Record<LibraryTemplate['origin'], string> = { organization: 'Organization · locked', 'built-in': 'Mutual', user: 'Yours' };

function newTemplate(): Template {
  return { id: newTemplateId(), name: 'New template', kind: 'custom', builtIn: false, subject: '', body: 'Hi {{them.firstName}},\n\n\n\n{{me.firstName}}' };
}

/** Options-page section: the outreach templates, to preview, edit, duplicate, reset, add and delete. */
export function TemplatesSection({ services }: TemplatesSectionProps) {
  const [view, setView] = useState<TemplatesView>();
  const [loadError, setLoadError] = useState<string>();
  const [selectedId, setSelectedId] = useState<string>();
  const [focusName, setFocusName] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const dirty = useRef(false);
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);

  const reload = useCallback(async () => {
    try {
      const next = await services.load();
      setView(next);
      setLoadError(undefined);
      return next;
    } catch (error) {
      setLoadError(errorMessage(error));
      return undefined;
    }
  }, [services]);

  useEffect(() => {
    void reload();
  }, [reload]);
  // The organization's templates can arrive after the page opened (a slow policy service, an admin's edit).
  useEffect(() => services.onPolicyChanged(() => void reload()), [services, reload]);

  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const templates = view?.templates ?? [];
  const selected = templates.find((template) => template.id === selectedId) ?? templates[0];

  function select(id: string) {
    if (id === selected?.id) return;
    if (dirty.current && !window.confirm(`Discard your unsaved changes to “${selected?.name}”?`)) return;
    dirty.current = false;
    setFocusName(false);
    setSelectedId(id);
  }

  /** Runs one change, reloads, tells the background, and says how it went. */
  async function change(action: () => Promise<void>, done: string, nextId?: string) {
    setBusy(true);
    try {
      await action();
      dirty.current = false;
      await reload();
      if (nextId !== undefined) setSelectedId(nextId);
      services.changed();
      setStatus(done);
    } catch (error) {
      setStatus(`Not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  function add() {
    if (dirty.current && !window.confirm(`Discard your unsaved changes to “${selected?.name}”?`)) return;
    const template = newTemplate();
    setFocusName(true);
    void change(() => services.save(template), 'Added “New template”. Give it a name and write the message.', template.id);
  }

  function duplicate(template: LibraryTemplate) {
    const copy = duplicateTemplate(template);
    setFocusName(true);
    void change(() => services.save(copy), `Duplicated as “${copy.name}”.`, copy.id);
  }

  function remove(template: LibraryTemplate) {
    const reset = template.origin === 'built-in';
    const question = reset ? `Reset “${template.name}” to Mutual’s original wording? Your edits are lost.` : `Delete “${template.name}”?`;
    if (!window.confirm(question)) return;
    setFocusName(false);
    void change(() => services.remove(template.id), reset ? `“${template.name}” is back to the original.` : `Deleted “${template.name}”.`, reset ? template.id : '').then(() => {
      if (!reset) listRef.current?.querySelector('button')?.focus();
    });
  }

  return (
    <section className="templates-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Templates</h2>
      <p>The messages Mutual fills in from your profile and your partner’s. Partner text is always inserted as plain text.</p>
      {loadError && (
        <p role="alert" className="notice error">
          Templates could not be loaded: {loadError}
        </p>
      )}
      {view?.problems.map((problem) => (
        <p key={problem} className="notice error">
          {problem}
        </p>
      ))}
      {!view && !loadError && <p className="muted">Loading templates…</p>}
      {view && (
        <div className="templates-layout">
          <div className="templates-index">
            <ul ref={listRef} className="templates-list" aria-label="Templates">
              {templates.map((template) => (
                <li key={template.id}>
                  <button type="button" aria-current={template.id === selected?.id ? 'true' : undefined} onClick={() => select(template.id)}>
                    <span className="templates-name">{template.name}</span>
                    <span className="templates-origin">
                      {ORIGIN_LABELS[template.origin]}
                      {template.modified ? ' · edited' : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" disabled={busy} onClick={add}>
              Add a template
            </button>
          </div>
          {selected && (
            <TemplateEditor
              key={`${selected.id}:${selected.updatedAt ?? ''}:${selected.modified}`}
              template={selected}
              busy={busy}
              focusName={focusName}
              onDirtyChange={onDirtyChange}
              onSave={(template) => void change(() => services.save(template), `Saved “${template.name}”.`)}
              onDuplicate={() => duplicate(selected)}
              onRemove={() => remove(selected)}
            />
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="templates-status">
        {status}
      </p>
    </section>
  );
}
