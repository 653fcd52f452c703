import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '@/components/ui/Field';
import {
  outreachValues,
  renderTemplate,
  SAMPLE_CONTEXT,
  TEMPLATE_LIMITS,
  templateProblems,
  VARIABLES,
  type LibraryTemplate,
  type Template,
} from '@/lib/templates';

export interface TemplateEditorProps {
  template: LibraryTemplate;
  busy: boolean;
  onSave(template: Template): void;
  onDuplicate(): void;
  /** Reset (an edited built-in) or delete (a user template). */
  onRemove(): void;
  onDirtyChange(dirty: boolean): void;
  /** Focus the name field on open (a template just added or duplicated). */
  focusName?: boolean;
}

const SAMPLE_VALUES = outreachValues(SAMPLE_CONTEXT);

const ORIGIN_NOTES: Record<LibraryTemplate['origin'], string> = {
  organization: 'Set by your organization: you can use it or duplicate it, not change it.',
  'built-in': 'One of Mutual’s templates: edit it freely, and reset it to the original at any time.',
  user: 'Your own template.',
};

function problemsOf(name: string, subject: string, body: string) {
  return {
    name: name.trim() ? '' : 'Give the template a name.',
    subject: templateProblems(subject).join(' '),
    body: body.trim() ? templateProblems(body).join(' ') : 'Write the message.',
  };
}

/** One template: edited in place (unless locked), previewed with sample people as you type. */
export function TemplateEditor({ template, busy, onSave, onDuplicate, onRemove, onDirtyChange, focusName = false }: TemplateEditorProps) {
  const [name, setName] = useState(template.name);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const nameRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const locked = template.origin === 'organization';
  const dirty = name !== template.name || subject !== template.subject || body !== template.body;
  const problems = problemsOf(name, subject, body);
  const valid = !problems.name && !problems.subject && !problems.body;
  const preview = renderTemplate({ subject, body }, SAMPLE_VALUES);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (focusName) nameRef.current?.focus();
  }, [focusName]);

  const save = () => onSave({ id: template.id, kind: template.kind, builtIn: template.builtIn, name: name.trim(), subject, body });
  const error = (key: keyof typeof problems) => (problems[key] ? { error: problems[key] } : {});
  const removeLabel = template.origin === 'built-in' ? 'Reset to original' : 'Delete';

  return (
    <article className="template-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{template.name}</h3>
      <p className="muted">{ORIGIN_NOTES[template.origin]}</p>
      {locked ? (
        <dl className="template-source">
          <dt>Subject</dt>
          <dd>{template.subject || '(none)'}</dd>
          <dt>Message</dt>
          <dd className="template-text">{template.body}</dd>
        </dl>
      ) : (
        <div className="template-fields">
          <Field label="Template name" {...error('name')}>
            {(control) => <input {...control} ref={nameRef} value={name} maxLength={TEMPLATE_LIMITS.name} onChange={(event) => setName(event.target.value)} />}
          </Field>
          <Field label="Subject" {...error('subject')}>
            {(control) => <input {...control} value={subject} maxLength={TEMPLATE_LIMITS.subject} onChange={(event) => setSubject(event.target.value)} />}
          </Field>
          <Field label="Message" hint="Use {{variables}} from the list below; text between {{#name}} and {{/name}} shows only when that value exists." {...error('body')}>
            {(control) => <textarea {...control} rows={12} value={body} maxLength={TEMPLATE_LIMITS.body} onChange={(event) => setBody(event.target.value)} />}
          </Field>
        </div>
      )}
      <div className="button-row">
        {!locked && (
          <button type="button" className="primary" disabled={busy || !dirty || !valid} onClick={save}>
            Save
          </button>
        )}
        <button type="button" disabled={busy} onClick={onDuplicate}>
          Duplicate
        </button>
        {(template.origin === 'user' || template.modified) && (
          <button type="button" className={template.origin === 'user' ? 'danger' : undefined} disabled={busy} onClick={onRemove}>
            {removeLabel}
          </button>
        )}
      </div>

      <section className="template-preview" aria-label="Preview">
        <h4>Preview with sample people (you are Sam, writing to Dana)</h4>
        <p>
          <strong>Subject:</strong> {preview.subject}
        </p>
        <div className="template-text">{preview.body}</div>
        {preview.missing.length > 0 && <p className="muted">Left for the sender to fill in: {preview.missing.map((value) => value.placeholder).join(', ')}</p>}
      </section>

      <details className="template-variables">
        <summary>Variables you can use</summary>
        <dl>
          {Object.entries(VARIABLES).map(([variable, info]) => (
            <div key={variable}>
              <dt>
                <code>{`{{${variable}}}`}</code>
              </dt>
              <dd>
                {info.description}. Without a value: <code>{info.placeholder}</code>
              </dd>
            </div>
          ))}
        </dl>
        <p>
          <code>{'{{#sharedErg}}…{{/sharedErg}}'}</code> keeps its text only when there is a shared ERG; <code>{'{{^sharedErg}}…{{/sharedErg}}'}</code> only when there is none. A variable’s value is inserted as plain text.
        </p>
      </details>
    </article>
  );
}
