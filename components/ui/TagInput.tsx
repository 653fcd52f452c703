import { useState, type KeyboardEvent } from 'react';
import { Field } from './Field';

export interface TagInputProps {
  label: string;
  /** What the tags are, for the list and the remove buttons ("Languages"). */
  itemsLabel: string;
  hint?: string;
  error?: string;
  name: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  maxLength?: number;
}

/** Adds each comma-separated part not already listed (case-insensitively). */
function withTags(list: readonly string[], text: string): string[] {
  const next = [...list];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    if (!next.some((tag) => tag.toLocaleLowerCase() === part.toLocaleLowerCase())) next.push(part);
  }
  return next;
}

/**
 * A list of short texts: type one and press Enter or a comma (leaving the field adds it too, so
 * nothing typed is lost); each tag has its own remove button.
 */
export function TagInput({ label, itemsLabel, hint, error, name, value, onChange, maxLength = 80 }: TagInputProps) {
  const [text, setText] = useState('');

  function commit() {
    if (!text.trim()) return;
    onChange(withTags(value, text));
    setText('');
  }

  /** A pasted list ("English, German") becomes tags at once. */
  function onTextChange(next: string) {
    if (!next.includes(',')) return setText(next);
    onChange(withTags(value, next));
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    }
  }

  return (
    <Field label={label} hint={hint ?? 'Press Enter or type a comma after each one.'} {...(error ? { error } : {})} className="tag-input">
      {(control) => (
        <>
          {value.length > 0 && (
            <ul className="tags" aria-label={itemsLabel}>
              {value.map((tag) => (
                <li key={tag} className="tag">
                  <span>{tag}</span>
                  <button type="button" className="tag-remove" aria-label={`Remove ${tag}`} onClick={() => onChange(value.filter((t) => t !== tag))}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            {...control}
            name={name}
            value={text}
            maxLength={maxLength}
            autoComplete="off"
            onChange={(event) => onTextChange(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={commit}
          />
        </>
      )}
    </Field>
  );
}
