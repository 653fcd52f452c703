import { useId, type ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  description?: ReactNode;
}

interface ChoiceGroupProps<T extends string> {
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly Choice<T>[];
  name: string;
}

interface MultipleProps<T extends string> extends ChoiceGroupProps<T> {
  multiple: true;
  value: readonly T[];
  onChange: (value: T[]) => void;
}

interface SingleProps<T extends string> extends ChoiceGroupProps<T> {
  multiple?: false;
  value: T;
  onChange: (value: T) => void;
}

/** Checkboxes (multiple) or radio buttons in a fieldset: every choice visible, all of them by keyboard. */
export function ChoiceGroup<T extends string>(props: MultipleProps<T> | SingleProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  function toggle(choice: T, checked: boolean) {
    if (props.multiple) {
      // Keep the choices' own order, whatever order they were ticked in.
      const next = props.choices.map((c) => c.value).filter((v) => (v === choice ? checked : props.value.includes(v)));
      props.onChange(next);
    } else if (checked) {
      props.onChange(choice);
    }
  }
  return (
    <fieldset className="choice-group" {...(props.hint ? { 'aria-describedby': hintId } : {})}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.choices.map((choice) => {
        const checked = props.multiple ? props.value.includes(choice.value) : props.value === choice.value;
        const descriptionId = `${id}-${choice.value}-description`;
        return (
          <div className="choice" key={choice.value}>
            <input
              type={props.multiple ? 'checkbox' : 'radio'}
              id={`${id}-${choice.value}`}
              name={props.name}
              value={choice.value}
              checked={checked}
              onChange={(event) => toggle(choice.value, event.target.checked)}
              {...(choice.description ? { 'aria-describedby': descriptionId } : {})}
            />
            <label htmlFor={`${id}-${choice.value}`}>
              {choice.label}
              {choice.description && (
                <span id={descriptionId} className="choice-description">
                  {choice.description}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
