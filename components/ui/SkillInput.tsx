import { useId, useState, type KeyboardEvent } from 'react';
import type { SkillSuggestion } from '@/lib/skills';
import type { ControlProps } from './Field';

export interface SkillInputProps extends ControlProps {
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Suggestions for what is typed (tolerant of typos and aliases); the text typed is kept if none is chosen. */
  suggest: (query: string) => SkillSuggestion[];
  autoFocus?: boolean;
}

/** Why a suggestion is offered when its name does not obviously match what was typed. */
function detail(suggestion: SkillSuggestion): string | undefined {
  if (suggestion.matchedAlias) return `also called “${suggestion.matchedAlias}”`;
  if (suggestion.source === 'directory') return 'seen in the directory';
  return suggestion.category;
}

/**
 * A text field with a list of suggestions (ARIA combobox, list autocomplete with manual
 * selection): Down/Up move through the list, Enter takes the highlighted one, Escape closes it.
 * Nothing replaces the text unless the user picks it.
 */
export function SkillInput({ name, value, onChange, suggest, autoFocus, ...control }: SkillInputProps) {
  const listId = useId();
  const [suggestions, setSuggestions] = useState<SkillSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && suggestions.length > 0;

  /** Opens the list for `text`, with nothing highlighted unless `highlight` says which option. */
  function show(text: string, highlight: 'none' | 'first' | 'last' = 'none') {
    const next = text.trim() ? suggest(text) : [];
    setSuggestions(next);
    setActive(highlight === 'first' ? 0 : highlight === 'last' ? next.length - 1 : -1);
    setOpen(next.length > 0);
  }

  function choose(suggestion: SkillSuggestion) {
    onChange(suggestion.name);
    setOpen(false);
    setActive(-1);
  }

  /** Past either end of the list the highlight returns to the text as typed (-1). */
  function move(step: 1 | -1) {
    if (!expanded) return show(value, step === 1 ? 'first' : 'last');
    setActive((current) => {
      const next = current + step;
      if (next >= suggestions.length) return -1;
      return next < -1 ? suggestions.length - 1 : next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === 'Escape' && expanded) {
      // Closing the list is all Escape does here: it must not also close a dialog or clear the text.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="combobox">
      <input
        {...control}
        name={name}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        {...(expanded && active >= 0 ? { 'aria-activedescendant': optionId(active) } : {})}
        autoComplete="off"
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          show(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" className="combobox-list" hidden={!expanded}>
        {expanded &&
          suggestions.map((suggestion, i) => {
            const why = detail(suggestion);
            return (
              <li
                key={`${suggestion.source}:${suggestion.name}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="combobox-option"
                // Keep focus in the field: the click picks the option without a blur closing the list first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(suggestion)}
              >
                <span className="combobox-option-name">{suggestion.name}</span>
                {why && <span className="combobox-option-detail">{why}</span>}
              </li>
            );
          })}
      </ul>
    </div>
  );
}
