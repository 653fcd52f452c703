import type { LibraryTemplate, TemplateOrigin } from '@/lib/templates';

const ORIGIN_GROUPS: readonly (readonly [TemplateOrigin, string])[] = [
  ['organization', 'From your organization'],
  ['built-in', 'Mutual’s templates'],
  ['user', 'Your templates'],
];

interface TemplatePickerProps {
  id: string;
  /** The templates that fit this pair, grouped by where they come from. */
  offered: readonly LibraryTemplate[];
  selected: string;
  /** Set when some templates of the library do not fit and are left out: says why. */
  leftOutHint?: { id: string; text: string };
  onChoose(template: LibraryTemplate): void;
}

export function TemplatePicker({ id, offered, selected, leftOutHint, onChoose }: TemplatePickerProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Template</label>
      <select
        id={id}
        value={selected}
        {...(leftOutHint ? { 'aria-describedby': leftOutHint.id } : {})}
        onChange={(event) => {
          const next = offered.find((template) => template.id === event.target.value);
          if (next) onChoose(next);
        }}
      >
        {ORIGIN_GROUPS.map(([origin, label]) => {
          const group = offered.filter((template) => template.origin === origin);
          return group.length === 0 ? null : (
            <optgroup key={origin} label={label}>
              {group.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {leftOutHint && (
        <p id={leftOutHint.id} className="field-hint">
          {leftOutHint.text}
        </p>
      )}
    </div>
  );
}
